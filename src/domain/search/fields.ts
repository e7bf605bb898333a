// The texts of each record kind that the search across everything looks in, as the projection stores them.
import { cantonByPcode } from '../codes.ts';
import type { ActionItem, Assessment, Mission, Note } from '../model.ts';
import { searchable } from './fold.ts';
import type { SearchField } from './match.ts';

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
