// Strings of the notes screens.
import { defineMessages } from '../define.ts';

export const notes = defineMessages({}, {}, {});
