// The action-plan tab: overdue items first, then by due date; "Overdue" is written out, not shown by colour alone.
import { useMemo } from 'preact/hooks';
import type { ActionItem } from '../../../domain/model.ts';
import { isOverdue, todayIso } from '../../../domain/rules.ts';
import { useI18n } from '../../i18n/context.tsx';
import { link } from '../../routes.ts';
import { RecordFlags } from '../marks/FieldNotes.tsx';

interface Row {
  action: ActionItem;
  overdue: boolean;
}

function byUrgency(a: Row, b: Row): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  // Items without a due date go last.
  if (a.action.dueDate !== b.action.dueDate) {
    if (!a.action.dueDate) return 1;
    if (!b.action.dueDate) return -1;
    return a.action.dueDate.localeCompare(b.action.dueDate);
  }
  return a.action.createdAt.localeCompare(b.action.createdAt);
}

/** Live (not deleted) action items in display order, with their overdue flag. */
export function planRows(actions: ActionItem[], today: string = todayIso()): Row[] {
  return actions
    .filter((action) => action.deletedAt === null)
    .map((action) => ({ action, overdue: isOverdue(action, today) }))
    .sort(byUrgency);
}

function ActionRow({ missionId, row }: { missionId: string; row: Row }) {
  const { t, code, date } = useI18n();
  const { action, overdue } = row;
  return (
    <li data-action-id={action.id} class={overdue ? 'overdue' : undefined}>
      <a class="list__link" href={link.action(missionId, action.id)}>
        <strong class="list__title">{action.activity || t('mission.actions.untitled')}</strong>
        <span class="list__meta">
          {overdue && <strong class="overdue__flag">{t('mission.overdue')}</strong>}
          <span>
            {action.dueDate
              ? t('mission.actions.due', { date: date(action.dueDate) })
              : t('mission.actions.noDue')}
          </span>
          <span>{code('actionStatus', action.status)}</span>
          {action.responsible && <span>{action.responsible}</span>}
          <RecordFlags marks={action.marks} />
        </span>
      </a>
    </li>
  );
}

export function ActionList(props: { missionId: string; actions: ActionItem[]; canAdd: boolean }) {
  const { t } = useI18n();
  const { actions } = props;
  const rows = useMemo(() => planRows(actions), [actions]);
  return (
    <section>
      {props.canAdd && (
        <p class="form-actions">
          <a class="button" href={link.action(props.missionId, 'new')}>
            {t('mission.newAction')}
          </a>
        </p>
      )}
      {rows.length === 0 ? (
        <p class="empty">{t('mission.actions.empty')}</p>
      ) : (
        <ul class="list">
          {rows.map((row) => (
            <ActionRow key={row.action.id} missionId={props.missionId} row={row} />
          ))}
        </ul>
      )}
    </section>
  );
}
