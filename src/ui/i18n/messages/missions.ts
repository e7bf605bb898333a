// Strings of the missions screens.
import { defineMessages } from '../define.ts';

export const missions = defineMessages({}, {}, {});
