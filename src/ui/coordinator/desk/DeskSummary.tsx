// Beside the table: the selected mission at a glance, and the ways on (open it read-only, its report, export).
import { cantonByPcode } from '../../../domain/codes.ts';
import type { DeskRow } from '../../../domain/desk/desk.ts';
import type { MissionRow } from '../../../storage/db.ts';
import { markSeen } from '../../../storage/desk.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useMessages } from '../../i18n/useMessages.ts';
import { deskScreenMessages } from '../../i18n/messages/deskScreen.ts';
import { link } from '../../routes.ts';
import { DatesText, NewBadge } from './DeskTable.tsx';
import { useReviewLabel } from './reviewLabel.ts';

export function DeskSummary(props: { row: DeskRow | null; mission: MissionRow | null }) {
  const { code, dateTime } = useI18n();
  const t = useMessages(deskScreenMessages);
  const reviewLabel = useReviewLabel();
  const { row, mission } = props;
  return (
    <aside
      class={row ? 'desk-summary' : 'desk-summary desk-summary--empty'}
      aria-labelledby="desk-summary-heading"
    >
      <h2 id="desk-summary-heading" tabIndex={-1}>
        {t('desk.summary.heading')}
      </h2>
      {!row ? (
        <p class="empty">{t('desk.summary.none')}</p>
      ) : (
        <div data-summary-id={row.id}>
          <h3 class="desk-summary__title">{row.title}</h3>
          <dl class="desk-summary__facts">
            <dt>{t('desk.col.status')}</dt>
            <dd>{code('missionStatus', row.status)}</dd>
            <dt>{t('desk.col.dates')}</dt>
            <dd>
              <DatesText row={row} />
            </dd>
            <dt>{t('desk.col.canton')}</dt>
            <dd>{cantonByPcode(row.hostCanton)?.name ?? row.hostCanton}</dd>
            <dt>{t('desk.col.team')}</dt>
            <dd>{row.team.join(', ')}</dd>
            <dt>{t('desk.col.review')}</dt>
            <dd>{reviewLabel(row.review)}</dd>
            <dt>{t('desk.col.lastSync')}</dt>
            <dd>{row.lastSync === null ? t('desk.neverSynced') : dateTime(row.lastSync)}</dd>
          </dl>
          {mission && (
            <p class="list__meta">
              {t('desk.summary.counts', {
                assessments: mission.counts.assessments,
                notes: mission.counts.notes,
                actions: mission.counts.actions,
              })}
            </p>
          )}
          {row.newCount > 0 ? (
            <p>{t('desk.summary.new', { count: row.newCount })}</p>
          ) : (
            <p>
              <NewBadge count={0} />
            </p>
          )}
          <ul class="desk-summary__links">
            <li>
              <a
                class="button button--primary"
                href={link.mission(row.id)}
                onClick={() => void markSeen(row.id).catch(() => undefined)}
              >
                {t('desk.summary.open')}
              </a>
            </li>
            <li>
              <a class="button" href={link.report(row.id)}>
                {t('desk.summary.report')}
              </a>
            </li>
            <li>
              <a class="button" href={link.export(row.id)}>
                {t('desk.summary.export')}
              </a>
            </li>
          </ul>
        </div>
      )}
    </aside>
  );
}
