// Strings of the settings screens.
import { defineMessages } from '../define.ts';

export const settings = defineMessages({}, {}, {});
