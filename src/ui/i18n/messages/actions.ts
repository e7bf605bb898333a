// Strings of the actions screens.
import { defineMessages } from '../define.ts';

export const actions = defineMessages({}, {}, {});
