// What a review comment is about: the choices offered when writing one, and its label and link when shown.
import type { ActionId, AssessmentId, MissionId, NoteId } from '../../../domain/ids.ts';
import type { CommentTarget } from '../../../domain/review.ts';
import type { MissionSnapshot } from '../../../storage/missionView.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { LocalTranslate } from '../../i18n/useMessages.ts';
import type { ReviewMessageKey } from '../../i18n/messages/review.ts';
import { link } from '../../routes.ts';
import type { Option } from '../fields.tsx';

export const MISSION_TARGET = 'mission';

const TITLE_LENGTH = 60;

export function targetKey(target: CommentTarget): string {
  return target.kind === 'mission' ? MISSION_TARGET : `${target.kind}:${target.id}`;
}

export function parseTargetKey(value: string, missionId: MissionId): CommentTarget {
  const [kind, id] = value.split(':', 2);
  if (id && kind === 'assessment') return { kind, id: id as AssessmentId };
  if (id && kind === 'note') return { kind, id: id as NoteId };
  if (id && kind === 'action') return { kind, id: id as ActionId };
  return { kind: 'mission', id: missionId };
}

/** One line, cut short: enough to recognise a note in a list of choices. */
function shortTitle(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH)}…` : line;
}

/** The record's own title, or null when this device does not hold it (not synced yet). */
export function targetTitle(
  target: CommentTarget,
  mission: MissionSnapshot,
  i18n: Translator,
): string | null {
  if (target.kind === 'assessment') {
    const found = mission.assessments.find((a) => a.id === target.id);
    return found ? found.title || i18n.t('mission.assessments.untitled') : null;
  }
  if (target.kind === 'note') {
    const found = mission.notes.find((n) => n.id === target.id);
    return found ? shortTitle(found.text) || i18n.t('mission.notes.emptyNote') : null;
  }
  if (target.kind === 'action') {
    const found = mission.actions.find((a) => a.id === target.id);
    return found ? found.activity || i18n.t('mission.actions.untitled') : null;
  }
  return null;
}

export function targetLabel(
  target: Exclude<CommentTarget, { kind: 'mission' }>,
  title: string,
  t: LocalTranslate<ReviewMessageKey>,
): string {
  return t(`review.target.${target.kind}`, { title });
}

export function targetHref(missionId: MissionId, target: CommentTarget): string {
  if (target.kind === 'assessment') return link.assessment(missionId, target.id);
  if (target.kind === 'note') return link.note(missionId, target.id);
  if (target.kind === 'action') return link.action(missionId, target.id);
  return link.mission(missionId);
}

/** The mission itself first, then every record not in the trash: assessments, notes newest first, actions. */
export function targetOptions(
  missionId: MissionId,
  mission: MissionSnapshot,
  i18n: Translator,
  t: LocalTranslate<ReviewMessageKey>,
): Option[] {
  const live = <T extends { deletedAt: string | null }>(records: T[]) =>
    records.filter((record) => record.deletedAt === null);
  const records: Exclude<CommentTarget, { kind: 'mission' }>[] = [
    ...live(mission.assessments).map((a) => ({ kind: 'assessment' as const, id: a.id })),
    ...live(mission.notes)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((n) => ({ kind: 'note' as const, id: n.id })),
    ...live(mission.actions).map((a) => ({ kind: 'action' as const, id: a.id })),
  ];
  return [
    { value: targetKey({ kind: 'mission', id: missionId }), label: t('review.target.mission') },
    ...records.map((target) => ({
      value: targetKey(target),
      label: targetLabel(target, targetTitle(target, mission, i18n) ?? '', t),
    })),
  ];
}
