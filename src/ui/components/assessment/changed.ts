// Whether an assessment form holds changes not saved yet: only then does leaving it ask first.
import type { Language } from '../../../domain/model.ts';
import { todayIso } from '../../../domain/rules.ts';
import { changedFields, emptyValues, toSaved, type AssessmentFormDraft } from './formValues.ts';

/** An edit has changes when saving it would write something (colleagues' followed changes are not the user's). */
export function editChanged(draft: AssessmentFormDraft, lang: Language): boolean {
  return (
    draft.base !== null && Object.keys(changedFields(draft.base, toSaved(draft.values, lang))).length > 0
  );
}

/** A new assessment has changes when it would save anything other than the empty form it opened as. */
export function newAssessmentChanged(
  draft: AssessmentFormDraft,
  hostCanton: string,
  lang: Language,
): boolean {
  const blank = toSaved(emptyValues(hostCanton, todayIso()), lang);
  return JSON.stringify(toSaved(draft.values, lang)) !== JSON.stringify(blank);
}
