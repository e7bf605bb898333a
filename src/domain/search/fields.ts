// The texts of each record kind that the search across everything looks in, as the projection stores them.
import { cantonByPcode } from '../codes.ts';
import type { ActionItem, Assessment, Mission, Note } from '../model.ts';
import { searchable } from './fold.ts';
import type { SearchField } from './match.ts';

/** One record (or the mission itself) as the search across everything reads it. */
export interface SearchEntry {
  kind: 'mission' | 'assessment' | 'note' | 'action';
  id: string;
  /** A short name to show beside the snippet (a title, an activity); empty for notes. */
  label: string;
  updatedAt: string;
  fields: SearchField[];
}

/**
 * Each text is kept up to this many characters: a pasted document of a hundred pages is searched whole, and a
 * larger one by its beginning, so one huge note cannot make every projection write and every search slow.
 */
export const MAX_SEARCH_CHARS = 200_000;

function fields(entries: [string, string][]): SearchField[] {
  return entries
    .filter(([, text]) => text.trim() !== '')
    .map(([field, text]) => ({ field, text: searchable(text.slice(0, MAX_SEARCH_CHARS)) }));
}

const cantonName = (pcode: string): string => cantonByPcode(pcode)?.name ?? '';

export function missionSearchFields(mission: Mission): SearchField[] {
  return fields([
    ['title', mission.title],
    ['torReference', mission.torReference],
    ['hostCanton', cantonName(mission.hostCanton)],
    ['team', mission.team.map((member) => `${member.name} ${member.institution}`).join(' · ')],
    ['objectives', mission.objectives],
    ['torText', mission.torText],
  ]);
}

export function assessmentSearchFields(assessment: Assessment): SearchField[] {
  return fields([
    ['title', assessment.title],
    ['canton', cantonName(assessment.canton)],
    ['parish', assessment.parish],
    ['informantRole', assessment.informantRole],
    ['siteReason', assessment.siteReason],
    ['sectors', assessment.sectors.map((sector) => sector.notes).join(' · ')],
    ['gaps', assessment.gaps],
    ['recommendations', assessment.recommendations],
    ['inspection', assessment.inspection?.use ?? ''],
  ]);
}

export function noteSearchFields(note: Note): SearchField[] {
  return fields([
    ['text', note.text],
    ['tags', note.tags.join(', ')],
  ]);
}

export function actionSearchFields(action: ActionItem): SearchField[] {
  return fields([
    ['activity', action.activity],
    ['responsible', action.responsible],
    ['torProduct', action.torProduct],
  ]);
}

interface Snapshot {
  mission: Mission | null;
  assessments: Assessment[];
  notes: Note[];
  actions: ActionItem[];
}

/** The mission and its records not deleted, as search entries. */
export function searchEntries(snapshot: Snapshot): SearchEntry[] {
  const { mission } = snapshot;
  if (!mission) return [];
  const live = <T extends { deletedAt: string | null }>(records: T[]) => records.filter((r) => !r.deletedAt);
  const entry = (
    kind: SearchEntry['kind'],
    r: { id: string; updatedAt: string },
    label: string,
    f: SearchField[],
  ) => ({
    kind,
    id: r.id,
    label,
    updatedAt: r.updatedAt,
    fields: f,
  });
  return [
    entry('mission', mission, mission.title, missionSearchFields(mission)),
    ...live(snapshot.assessments).map((a) => entry('assessment', a, a.title, assessmentSearchFields(a))),
    ...live(snapshot.notes).map((n) => entry('note', n, '', noteSearchFields(n))),
    ...live(snapshot.actions).map((a) => entry('action', a, a.activity, actionSearchFields(a))),
  ];
}
