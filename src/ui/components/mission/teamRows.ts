// Team rows kept in a mission form's draft by the earlier version had no id; rows now merge by id (docs/merge.md M6).
import { useEffect, useMemo } from 'preact/hooks';
import { newId } from '../../../domain/ids.ts';
import type { TeamMember } from '../../../domain/model.ts';
import { withReportFields, type FormDraft } from './missionValues.ts';

type Row = Omit<TeamMember, 'id'> & { id?: string };

const sameRow = (a: Row, b: Row) => a.name === b.name && a.institution === b.institution && a.role === b.role;

/**
 * Gives every team row of a draft an id. The rows the draft started from are the mission's stored rows, which
 * the earlier version kept without ids and this one reads by position (L0, L1…); a typed row takes the id of the
 * started row it still equals, else of the started row in its place, else a new one.
 */
export function withRowIds(draft: FormDraft): FormDraft {
  const values = draft.values.team as Row[];
  const started = (draft.base?.team ?? []) as Row[];
  if (values.every((row) => row.id) && started.every((row) => row.id)) return draft;
  const base = started.map((row, index) => ({ ...row, id: row.id || `L${index}` }));
  const free = new Set(base.map((row) => row.id));
  const ids: (string | undefined)[] = values.map((row) => row.id);
  ids.forEach((id) => id && free.delete(id));
  values.forEach((row, index) => {
    if (ids[index]) return;
    const match = base.find((candidate) => free.has(candidate.id) && sameRow(candidate, row));
    if (match) free.delete((ids[index] = match.id));
  });
  values.forEach((_row, index) => {
    if (ids[index]) return;
    const inPlace = base[index];
    if (inPlace && free.has(inPlace.id)) free.delete((ids[index] = inPlace.id));
    else ids[index] = newId();
  });
  return {
    base: draft.base && { ...draft.base, team: base },
    values: { ...draft.values, team: values.map((row, index) => ({ ...row, id: ids[index]! })) },
  };
}

/**
 * The draft with ids on every row and every field the form holds (a draft kept by an earlier version lacks the
 * report's); an upgraded draft is stored at once, so its new ids stay the same.
 */
export function useTeamRowIds(
  stored: FormDraft | null,
  setDraft: (draft: FormDraft) => void,
): FormDraft | null {
  const draft = useMemo(() => stored && withRowIds(withReportFields(stored)), [stored]);
  useEffect(() => {
    if (draft && draft !== stored) setDraft(draft);
  }, [draft, stored, setDraft]);
  return draft;
}
