// Strings of the assessments screens.
import { defineMessages } from '../define.ts';

export const assessments = defineMessages({}, {}, {});
