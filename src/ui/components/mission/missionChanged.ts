// Whether a mission form holds changes not saved yet: only then does leaving it ask first.
import type { DeviceProfile, Language } from '../../../domain/model.ts';
import { changedFields, emptyDraft, toSaved, type FormDraft, type MissionValues } from './missionValues.ts';

/** Team rows compared by what they say: a new form's first row gets a fresh id each time it is made. */
const comparable = (values: MissionValues) =>
  JSON.stringify({
    ...values,
    team: values.team.map(({ name, institution, role }) => [name, institution, role]),
  });

export function missionChanged(
  draft: FormDraft | null,
  profile: DeviceProfile,
  lang: Language = 'en',
): boolean {
  if (!draft) return false;
  if (draft.base) return Object.keys(changedFields(draft.base, toSaved(draft.values, lang))).length > 0;
  return comparable(draft.values) !== comparable(emptyDraft(profile));
}
