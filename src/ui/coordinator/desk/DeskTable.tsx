// The desk's table of missions: every column sorts from its header (aria-sort says how), the title selects a
// mission for the summary beside it, and "N new" counts what others changed since this user last looked.
import { useId, useMemo } from 'preact/hooks';
import { cantonByPcode } from '../../../domain/codes.ts';
import {
  DESK_SORT_KEYS,
  nextSort,
  type DeskRow,
  type DeskSort,
  type DeskSortKey,
} from '../../../domain/desk/desk.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useMessages, type LocalTranslate } from '../../i18n/useMessages.ts';
import type { Translator } from '../../i18n/translate.ts';
import { deskScreenMessages } from '../../i18n/messages/deskScreen.ts';
import { useReviewLabel } from './reviewLabel.ts';

type DeskText = LocalTranslate<keyof (typeof deskScreenMessages)['en']>;

/** "N new", or a quiet "Nothing new"; plain text and markup, so 200 rows do not each look their strings up. */
function newBadge(count: number, t: DeskText) {
  if (count === 0) return <span class="desk-new desk-new--none">{t('desk.nothingNew')}</span>;
  return (
    <span class="desk-new" data-new-count={count}>
      {t('desk.new', { count })}
    </span>
  );
}

function datesText(row: { startDate: string; endDate: string }, i18n: Translator): string {
  if (!row.startDate) return '';
  return row.endDate
    ? i18n.t('missions.dateRange', { start: i18n.date(row.startDate), end: i18n.date(row.endDate) })
    : i18n.date(row.startDate);
}

export function NewBadge({ count }: { count: number }) {
  return newBadge(count, useMessages(deskScreenMessages));
}

export function DatesText({ row }: { row: { startDate: string; endDate: string } }) {
  return <>{datesText(row, useI18n())}</>;
}

function SortHeader(props: { column: DeskSortKey; sort: DeskSort; onSort: (sort: DeskSort) => void }) {
  const t = useMessages(deskScreenMessages);
  const { column, sort } = props;
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'} data-column={column}>
      <button type="button" class="desk-sort" onClick={() => props.onSort(nextSort(sort, column))}>
        {t(`desk.col.${column}`)}
        <span class="desk-sort__arrow" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '↑' : '↓') : '↑↓'}
        </span>
      </button>
    </th>
  );
}

interface Labels {
  i18n: Translator;
  t: DeskText;
  reviewLabel: (decision: DeskRow['review']) => string;
}

function Row(props: { row: DeskRow; selected: boolean; onSelect: (id: string) => void; labels: Labels }) {
  const { i18n, t, reviewLabel } = props.labels;
  const { code, dateTime } = i18n;
  const { row } = props;
  const canton = cantonByPcode(row.hostCanton);
  return (
    <tr data-mission-id={row.id} class={props.selected ? 'desk-row desk-row--selected' : 'desk-row'}>
      <th scope="row">
        <button
          type="button"
          class="desk-select"
          aria-pressed={props.selected}
          onClick={() => props.onSelect(row.id)}
        >
          {row.title}
        </button>
      </th>
      <td>{newBadge(row.newCount, t)}</td>
      <td data-review={row.review ?? 'none'}>{reviewLabel(row.review)}</td>
      <td>{code('missionStatus', row.status)}</td>
      <td>{datesText(row, i18n)}</td>
      <td>{canton?.name ?? row.hostCanton}</td>
      <td>{row.themes.map((theme) => code('theme', theme)).join(', ')}</td>
      <td>{row.team.join(', ')}</td>
      <td>{row.lastSync === null ? t('desk.neverSynced') : dateTime(row.lastSync)}</td>
    </tr>
  );
}

export function DeskTable(props: {
  rows: DeskRow[];
  total: number;
  sort: DeskSort;
  onSort: (sort: DeskSort) => void;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useMessages(deskScreenMessages);
  const i18n = useI18n();
  const reviewLabel = useReviewLabel();
  const labels = useMemo(() => ({ i18n, t, reviewLabel }), [i18n, t, reviewLabel]);
  const captionId = useId();
  return (
    <>
      <p class="list__meta" id={captionId} role="status">
        {t('desk.caption', { shown: props.rows.length, total: props.total })}
      </p>
      {/* Focusable so that a keyboard can scroll it where the screen is narrower than the table. */}
      <div class="desk-table" role="region" aria-label={t('desk.scroll')} tabIndex={0}>
        <table aria-describedby={captionId}>
          <thead>
            <tr>
              {DESK_SORT_KEYS.map((column) => (
                <SortHeader key={column} column={column} sort={props.sort} onSort={props.onSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <Row
                key={row.id}
                row={row}
                selected={row.id === props.selected}
                onSelect={props.onSelect}
                labels={labels}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
