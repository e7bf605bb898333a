// A field note's links to the mission's assessments and action items, chosen from a list.
import type { LinkTarget } from '../../../domain/model.ts';
import type { ActionId, AssessmentId } from '../../../domain/ids.ts';
import type { MissionSnapshot } from '../../../storage/missionView.ts';
import { SelectField, type Option } from '../fields.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { link } from '../../routes.ts';

const keyOf = (target: LinkTarget) => `${target.kind}:${target.id}`;

function parseKey(value: string): LinkTarget | null {
  const [kind, id] = value.split(':', 2);
  if (!id) return null;
  if (kind === 'assessment') return { kind, id: id as AssessmentId };
  if (kind === 'action') return { kind, id: id as ActionId };
  return null;
}

function useTargetLabel(snapshot: MissionSnapshot) {
  const { t } = useI18n();
  return (target: LinkTarget): string | null => {
    if (target.kind === 'assessment') {
      const found = snapshot.assessments.find((a) => a.id === target.id);
      return found ? found.title || t('mission.assessments.untitled') : null;
    }
    const found = snapshot.actions.find((a) => a.id === target.id);
    return found ? found.activity || t('mission.actions.untitled') : null;
  };
}

export function NoteLinks(props: {
  missionId: string;
  links: LinkTarget[];
  snapshot: MissionSnapshot;
  onChange: (links: LinkTarget[]) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const { links, snapshot } = props;
  const labelOf = useTargetLabel(snapshot);
  const linked = new Set(links.map(keyOf));
  const kindLabel = (target: LinkTarget) =>
    target.kind === 'assessment' ? t('mission.trash.kind.assessment') : t('mission.trash.kind.action');
  const candidates: LinkTarget[] = [
    ...snapshot.assessments
      .filter((a) => a.deletedAt === null)
      .map((a): LinkTarget => ({ kind: 'assessment', id: a.id })),
    ...snapshot.actions
      .filter((a) => a.deletedAt === null)
      .map((a): LinkTarget => ({ kind: 'action', id: a.id })),
  ].filter((target) => !linked.has(keyOf(target)));
  const options: Option[] = candidates.map((target) => ({
    value: keyOf(target),
    label: t('note.links.option', { kind: kindLabel(target), title: labelOf(target) ?? '' }),
  }));
  const add = (value: string) => {
    const target = parseKey(value);
    if (target) props.onChange([...links, target]);
  };
  const hrefOf = (target: LinkTarget) =>
    target.kind === 'assessment'
      ? link.assessment(props.missionId, target.id)
      : link.action(props.missionId, target.id);

  return (
    <section class="note-links">
      <h2>{t('note.links.heading')}</h2>
      {links.length > 0 && (
        <ul class="list">
          {links.map((target) => {
            const label = labelOf(target);
            return (
              <li key={keyOf(target)} class="row">
                {label === null ? (
                  <span class="muted">{t('note.links.missing')}</span>
                ) : (
                  <a href={hrefOf(target)}>
                    {t('note.links.option', { kind: kindLabel(target), title: label })}
                  </a>
                )}
                {!props.disabled && (
                  <button
                    type="button"
                    class="button"
                    onClick={() => props.onChange(links.filter((other) => keyOf(other) !== keyOf(target)))}
                  >
                    {t('action.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {/* Read-only: the links are shown, with no control that could not be used. */}
      {props.disabled
        ? links.length === 0 && <p class="muted">{t('note.links.none')}</p>
        : options.length > 0 && (
            <SelectField
              label={t('note.links.add')}
              value=""
              placeholder={t('note.links.choose')}
              options={options}
              onChange={add}
            />
          )}
    </section>
  );
}
