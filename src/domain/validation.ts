// Field-level validation. Returns codes, not sentences: the UI translates them into the user's language.
import {
  ACTION_STATUSES,
  CANTONS,
  METHODS,
  MISSION_STATUSES,
  SECTORS,
  SEVERITIES,
  THEMES,
  includes,
} from './codes.ts';
import type { ActionItem, Assessment, Mission, Note } from './model.ts';

export type ValidationCode =
  | 'required'
  | 'tooLong'
  | 'notANumber'
  | 'negative'
  | 'notInteger'
  | 'severityRange'
  | 'endBeforeStart'
  | 'inNeedExceedsAffected'
  | 'unknownCode'
  | 'invalidDate'
  | 'duplicateSector'
  | 'tooManyPriorities'
  | 'latitudeRange'
  | 'longitudeRange';

/** Field path ("title", "sectors.2.severity") → what is wrong with it. */
export type FieldErrors = Record<string, ValidationCode>;

export const MAX_TITLE = 200;
export const MAX_LONG_TEXT = 100_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function checkText(errors: FieldErrors, field: string, value: string, required: boolean, max = MAX_TITLE) {
  if (required && value.trim() === '') errors[field] = 'required';
  else if (value.length > max) errors[field] = 'tooLong';
}

function checkDate(errors: FieldErrors, field: string, value: string, required: boolean) {
  if (value === '') {
    if (required) errors[field] = 'required';
  } else if (!isIsoDate(value)) errors[field] = 'invalidDate';
}

/** A count of people: empty is allowed (unknown), otherwise a whole number ≥ 0. */
export function checkCount(errors: FieldErrors, field: string, value: number | null) {
  if (value === null) return;
  if (Number.isNaN(value)) errors[field] = 'notANumber';
  else if (value < 0) errors[field] = 'negative';
  else if (!Number.isInteger(value)) errors[field] = 'notInteger';
}

function checkRange(errors: FieldErrors, start: string, end: string, endField: string) {
  if (start && end && isIsoDate(start) && isIsoDate(end) && end < start) errors[endField] = 'endBeforeStart';
}

export type MissionDraft = Pick<
  Mission,
  | 'title'
  | 'torReference'
  | 'torText'
  | 'hostCanton'
  | 'themes'
  | 'team'
  | 'startDate'
  | 'endDate'
  | 'remoteSupportEnd'
  | 'objectives'
  | 'status'
  | 'sdgs'
  | 'sendai'
>;

export function validateMission(draft: MissionDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'title', draft.title, true);
  checkText(errors, 'torReference', draft.torReference, false);
  checkText(errors, 'torText', draft.torText, false, MAX_LONG_TEXT);
  checkText(errors, 'objectives', draft.objectives, false, MAX_LONG_TEXT);
  if (draft.hostCanton === '') errors.hostCanton = 'required';
  else if (!CANTONS.some((c) => c.pcode === draft.hostCanton)) errors.hostCanton = 'unknownCode';
  if (!includes(MISSION_STATUSES, draft.status)) errors.status = 'unknownCode';
  if (draft.themes.some((theme) => !includes(THEMES, theme))) errors.themes = 'unknownCode';
  checkDate(errors, 'startDate', draft.startDate, true);
  checkDate(errors, 'endDate', draft.endDate, false);
  checkDate(errors, 'remoteSupportEnd', draft.remoteSupportEnd, false);
  checkRange(errors, draft.startDate, draft.endDate, 'endDate');
  checkRange(errors, draft.endDate || draft.startDate, draft.remoteSupportEnd, 'remoteSupportEnd');
  draft.team.forEach((member, index) => {
    checkText(errors, `team.${index}.name`, member.name, true);
    checkText(errors, `team.${index}.institution`, member.institution, false);
  });
  return errors;
}

export type AssessmentDraft = Omit<Assessment, keyof import('./model.ts').RecordMeta | 'id' | 'photos'>;

export function validateAssessment(draft: AssessmentDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'title', draft.title, true);
  checkDate(errors, 'date', draft.date, true);
  if (!includes(METHODS, draft.method)) errors.method = 'required';
  checkText(errors, 'informantRole', draft.informantRole, false);
  if (draft.canton === '') errors.canton = 'required';
  else if (!CANTONS.some((c) => c.pcode === draft.canton)) errors.canton = 'unknownCode';
  if (draft.gps) {
    if (!(Math.abs(draft.gps.lat) <= 90)) errors['gps.lat'] = 'latitudeRange';
    if (!(Math.abs(draft.gps.lon) <= 180)) errors['gps.lon'] = 'longitudeRange';
  }
  const seen = new Set<string>();
  draft.sectors.forEach((entry, index) => {
    const at = `sectors.${index}`;
    if (!includes(SECTORS, entry.sector)) errors[`${at}.sector`] = 'required';
    else if (seen.has(entry.sector)) errors[`${at}.sector`] = 'duplicateSector';
    seen.add(entry.sector);
    if (!includes(SEVERITIES, entry.severity)) errors[`${at}.severity`] = 'severityRange';
    checkCount(errors, `${at}.affected`, entry.affected);
    checkCount(errors, `${at}.inNeed`, entry.inNeed);
    if (
      errors[`${at}.affected`] === undefined &&
      errors[`${at}.inNeed`] === undefined &&
      entry.affected !== null &&
      entry.inNeed !== null &&
      entry.inNeed > entry.affected
    ) {
      errors[`${at}.inNeed`] = 'inNeedExceedsAffected';
    }
  });
  for (const [key, value] of Object.entries(draft.breakdown)) checkCount(errors, `breakdown.${key}`, value);
  if (draft.priorities.filter((p) => p.trim() !== '').length > 3) errors.priorities = 'tooManyPriorities';
  if (draft.inspection) {
    checkCount(errors, 'inspection.storeys', draft.inspection.storeys);
    checkCount(errors, 'inspection.occupants', draft.inspection.occupants);
  }
  checkText(errors, 'gaps', draft.gaps, false, MAX_LONG_TEXT);
  checkText(errors, 'recommendations', draft.recommendations, false, MAX_LONG_TEXT);
  return errors;
}

export function validateNoteText(text: string): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'text', text, false, MAX_LONG_TEXT);
  return errors;
}

export type ActionDraft = Pick<ActionItem, 'activity' | 'responsible' | 'dueDate' | 'status' | 'torProduct'>;

export function validateAction(draft: ActionDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'activity', draft.activity, true);
  checkText(errors, 'responsible', draft.responsible, false);
  checkText(errors, 'torProduct', draft.torProduct, false);
  checkDate(errors, 'dueDate', draft.dueDate, false);
  if (!includes(ACTION_STATUSES, draft.status)) errors.status = 'unknownCode';
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

export type { Note };
