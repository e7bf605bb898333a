// Field-level validation. Returns codes, not sentences: the UI translates them into the user's language.
// The rules of single fields are the record schema's (schema/records.ts); what spans fields is here.
import type { ActionItem, Assessment, Mission, Note } from './model.ts';
import type { FieldErrors, ValidationCode } from './fieldErrors.ts';
import { register, type RecordFields } from './schema/fields.ts';
import { ACTION_FIELDS, ASSESSMENT_FIELDS, MISSION_FIELDS, NOTE_FIELDS } from './schema/records.ts';
import { validateFields } from './schema/validate.ts';
import { count, isIsoDate } from './schema/values.ts';

export type { FieldErrors, ValidationCode } from './fieldErrors.ts';

export { MAX_LONG_TEXT, MAX_TITLE, isIsoDate } from './schema/values.ts';

/** A count of people: empty is allowed (unknown), otherwise a whole number ≥ 0. */
export function checkCount(errors: FieldErrors, field: string, value: number | null) {
  const problem = validateFields({ count: register(count, null) }, { count: value }).count;
  if (problem) errors[field] = problem as ValidationCode;
}

function checkRange(errors: FieldErrors, start: string, end: string, endField: string) {
  if (start && end && isIsoDate(start) && isIsoDate(end) && end < start)
    errors[endField] ??= 'endBeforeStart';
}

/** The schema's own checks, field by field, with its codes renamed where a form says it more precisely. */
function schemaErrors(fields: RecordFields, values: object, renamed: Record<string, ValidationCode> = {}) {
  const errors: FieldErrors = {};
  for (const [path, code] of Object.entries(validateFields(fields, values as Record<string, unknown>))) {
    errors[path] = renamed[code] ?? (code as ValidationCode);
  }
  return errors;
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
> &
  // Fields added later: a draft kept from before them, or a caller that does not know them, leaves them as stored.
  Partial<Pick<Mission, ReportField>>;

/** The mission fields the mission report and the year's accounts count (docs/merge.md M13). */
export const REPORT_FIELDS = [
  'counterpartKind',
  'requestingCounterpart',
  'focalPoint',
  'plannedPersonDays',
  'remotePersonDays',
  'budgetPlannedEur',
  'budgetExecutedEur',
  'products',
  'peopleMet',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export function validateMission(draft: MissionDraft): FieldErrors {
  const errors = schemaErrors(MISSION_FIELDS, draft);
  checkRange(errors, draft.startDate, draft.endDate, 'endDate');
  checkRange(errors, draft.endDate || draft.startDate, draft.remoteSupportEnd, 'remoteSupportEnd');
  return errors;
}

export type AssessmentDraft = Omit<
  Assessment,
  keyof import('./model.ts').RecordMeta | 'id' | 'photos' | 'captions'
>;

export function validateAssessment(draft: AssessmentDraft): FieldErrors {
  const errors = schemaErrors(ASSESSMENT_FIELDS, draft, {
    duplicate: 'duplicateSector',
    tooMany: 'tooManyPriorities',
  });
  draft.sectors.forEach((entry, index) => {
    const at = `sectors.${index}`;
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
  return errors;
}

export function validateNoteText(text: string): FieldErrors {
  return schemaErrors(NOTE_FIELDS, { text });
}

export type ActionDraft = Pick<ActionItem, 'activity' | 'responsible' | 'dueDate' | 'status' | 'torProduct'>;

export function validateAction(draft: ActionDraft): FieldErrors {
  return schemaErrors(ACTION_FIELDS, draft);
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

export type { Note };
