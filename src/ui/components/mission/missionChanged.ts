// Whether a mission form holds changes not saved yet: only then does leaving it ask first.
import type { DeviceProfile } from '../../../domain/model.ts';
import type { MissionDraft } from '../../../domain/validation.ts';
import { changedFields, emptyDraft, type FormDraft } from './MissionForm.tsx';

/** Team rows compared by what they say: a new form's first row gets a fresh id each time it is made. */
const comparable = (values: MissionDraft) =>
  JSON.stringify({
    ...values,
    team: values.team.map(({ name, institution, role }) => [name, institution, role]),
  });

export function missionChanged(draft: FormDraft | null, profile: DeviceProfile): boolean {
  if (!draft) return false;
  if (draft.base) return Object.keys(changedFields(draft.base, draft.values)).length > 0;
  return comparable(draft.values) !== comparable(emptyDraft(profile));
}
