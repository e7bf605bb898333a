// Home: every mission on this device, searchable and filterable, newest activity first.
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { CANTONS, MISSION_STATUSES, THEMES, cantonByPcode } from '../../domain/codes.ts';
import { toMingaError } from '../../domain/errors.ts';
import { matchesQuery, overlapsRange } from '../../domain/rules.ts';
import { getDb, type MissionRow } from '../../storage/db.ts';
import { ErrorBanner } from '../components/ErrorSummary.tsx';
import { BackupReminder } from '../components/StoragePanel.tsx';
import { InstallHint } from '../components/InstallHint.tsx';
import { StorageRisk } from '../components/StorageRisk.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useChangesRequested } from '../hooks/useChangesRequested.ts';
import { useAccountRole, useMayEditMissionsOnceKnown } from '../hooks/useAccountRole.ts';
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';
import { useEverywhereSearch, warmSearch } from '../hooks/useEverywhereSearch.ts';
import { SearchHits } from '../components/search/SearchHits.tsx';
import type { MissionHits } from '../../storage/search.ts';

export interface MissionFilters {
  query: string;
  status: string;
  canton: string;
  theme: string;
  from: string;
  to: string;
  showDeleted: boolean;
}

const NO_FILTERS: MissionFilters = {
  query: '',
  status: '',
  canton: '',
  theme: '',
  from: '',
  to: '',
  showDeleted: false,
};

// Kept for the session, so opening a mission and coming back does not lose the search.
let remembered: MissionFilters = NO_FILTERS;

/** Back to an unfiltered list (a fresh session; tests start from it). */
export function forgetMissionFilters(): void {
  remembered = NO_FILTERS;
}

/**
 * The rows to show, deleted or not, matching every filter set, most recently changed first. The query matches a
 * mission's own fields, or any of its records when the search across everything (`found`) has answered.
 */
export function filterMissions(
  rows: readonly MissionRow[],
  filters: MissionFilters,
  deleted: boolean,
  found: ReadonlyMap<string, MissionHits> | null = null,
): MissionRow[] {
  return rows
    .filter(
      (row) =>
        row.deleted === (deleted ? 1 : 0) &&
        (matchesQuery(row.searchText, filters.query) || found?.has(row.id) === true) &&
        (filters.status === '' || String(row.status) === filters.status) &&
        (filters.canton === '' || row.hostCanton === filters.canton) &&
        (filters.theme === '' || row.themes.includes(filters.theme)) &&
        overlapsRange(row.startDate, row.endDate, filters.from, filters.to),
    )
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

function activeFilterCount(filters: MissionFilters): number {
  return [filters.status, filters.canton, filters.theme, filters.from, filters.to].filter(Boolean).length;
}

function MissionItem(props: { row: MissionRow; found: MissionHits | undefined; changesRequested: boolean }) {
  const { row, found } = props;
  const { t, code, date } = useI18n();
  const canton = cantonByPcode(row.hostCanton);
  return (
    <li data-mission-id={row.id}>
      <a class="list__link" href={link.mission(row.id)}>
        <strong class="mission-item__title">{row.title}</strong>
        <span class="list__meta">
          <span>{canton?.name ?? row.hostCanton}</span>
          <span>{code('missionStatus', row.status)}</span>
          {row.startDate && (
            <span>
              {row.endDate
                ? t('missions.dateRange', { start: date(row.startDate), end: date(row.endDate) })
                : date(row.startDate)}
            </span>
          )}
          {row.readOnly === 1 && <span>{t('missions.readOnlyBadge')}</span>}
          {props.changesRequested && (
            <span class="review-badge" data-review-state="changesRequested">
              {t('missions.review.changesRequested')}
            </span>
          )}
        </span>
        <span class="list__meta">
          <span>{t('missions.count.assessments', { count: row.counts.assessments })}</span>
          <span>{t('missions.count.notes', { count: row.counts.notes })}</span>
          <span>{t('missions.count.actions', { count: row.counts.actions })}</span>
          {row.counts.overdue > 0 && (
            <span class="overdue">{t('missions.count.overdue', { count: row.counts.overdue })}</span>
          )}
        </span>
      </a>
      {found && <SearchHits title={row.title} found={found} />}
    </li>
  );
}

interface FilterPanelProps {
  filters: MissionFilters;
  update: (patch: Partial<MissionFilters>) => void;
}

function FilterPanel({ filters, update }: FilterPanelProps) {
  const { t, code } = useI18n();
  const any = t('missions.filter.any');
  return (
    <>
      <SelectField
        label={t('missions.filter.status')}
        value={filters.status}
        placeholder={any}
        options={MISSION_STATUSES.map((s) => ({ value: String(s), label: code('missionStatus', s) }))}
        onChange={(status) => update({ status })}
      />
      <SelectField
        label={t('missions.filter.canton')}
        value={filters.canton}
        placeholder={any}
        options={CANTONS.map((c) => ({
          value: c.pcode,
          label: t('missions.cantonOption', { name: c.name, pcode: c.pcode }),
        }))}
        onChange={(canton) => update({ canton })}
      />
      <SelectField
        label={t('missions.filter.theme')}
        value={filters.theme}
        placeholder={any}
        options={THEMES.map((theme) => ({ value: theme, label: code('theme', theme) }))}
        onChange={(theme) => update({ theme })}
      />
      <div class="mission-filters__dates">
        <TextField
          type="date"
          label={t('missions.filter.from')}
          value={filters.from}
          onInput={(from) => update({ from })}
        />
        <TextField
          type="date"
          label={t('missions.filter.to')}
          value={filters.to}
          onInput={(to) => update({ to })}
        />
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={filters.showDeleted}
          onChange={(e) => update({ showDeleted: e.currentTarget.checked })}
        />
        {t('missions.showDeleted')}
      </label>
      <button type="button" class="button" onClick={() => update({ ...NO_FILTERS, query: filters.query })}>
        {t('missions.filter.clear')}
      </button>
    </>
  );
}

function MissionList(props: {
  rows: MissionRow[];
  empty: string;
  found: ReadonlyMap<string, MissionHits> | null;
  changesRequested: ReadonlySet<string>;
}) {
  const { rows, empty, found } = props;
  if (rows.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ul class="list mission-list">
      {rows.map((row) => (
        <MissionItem
          key={row.id}
          row={row}
          found={found?.get(row.id)}
          changesRequested={props.changesRequested.has(row.id)}
        />
      ))}
    </ul>
  );
}

function MissionResults(props: { all: MissionRow[]; filters: MissionFilters; mayEdit: boolean }) {
  const { all, filters } = props;
  const { t } = useI18n();
  const found = useEverywhereSearch(filters.query, all);
  const changesRequested = useChangesRequested();
  const live = filterMissions(all, filters, false, found);
  const anyLive = all.some((row) => row.deleted === 0);
  const toChange = all.filter((row) => row.deleted === 0 && changesRequested.has(row.id)).length;
  // An observer's list fills from the server: "tap New mission" would point to a button they do not have.
  const empty = props.mayEdit ? t('missions.empty') : t('missions.emptyObserver');
  return (
    <>
      {filters.query.trim() !== '' && found === null && (
        <p class="list__meta" role="status">
          {t('search.searching')}
        </p>
      )}
      {toChange > 0 && (
        <p class="banner banner--warn" data-review-state="changesRequested">
          {t('missions.review.changesRequestedCount', { count: toChange })}
        </p>
      )}
      <MissionList
        rows={live}
        empty={anyLive ? t('missions.noMatch') : empty}
        found={found}
        changesRequested={changesRequested}
      />
      {filters.showDeleted && (
        <section aria-labelledby="missions-deleted">
          <h2 id="missions-deleted">{t('missions.deletedHeading')}</h2>
          {props.mayEdit && <p class="list__meta">{t('missions.deletedHint')}</p>}
          <MissionList
            rows={filterMissions(all, filters, true, found)}
            empty={t('missions.noDeleted')}
            found={found}
            changesRequested={changesRequested}
          />
        </section>
      )}
    </>
  );
}

export function MissionListScreen() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<MissionFilters>(remembered);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const missions = useLiveQuery(() => getDb().missions.toArray(), []);
  const mayEdit = useMayEditMissionsOnceKnown();
  const role = useAccountRole();

  const update = (patch: Partial<MissionFilters>) => {
    const next = { ...filters, ...patch };
    remembered = next;
    setFilters(next);
  };
  // The list filters as one types; submitting only closes the phone keyboard.
  const submitSearch = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    (document.activeElement as HTMLElement | null)?.blur();
  };
  const active = activeFilterCount(filters);

  return (
    <section class="screen mission-list-screen">
      <header class="screen__header">
        <div>
          <h1>{t('app.name')}</h1>
          <p class="list__meta">{t('app.tagline')}</p>
        </div>
        <a class="button" href={link.settings()}>
          {t('nav.settings')}
        </a>
      </header>
      <form
        role="search"
        class="mission-search"
        onSubmit={submitSearch}
        onFocusIn={() => warmSearch(missions.data)}
      >
        <TextField
          type="search"
          label={t('action.search')}
          value={filters.query}
          onInput={(query) => update({ query })}
        />
        <button type="submit" class="button">
          {t('action.search')}
        </button>
      </form>
      <button
        type="button"
        class="button mission-filters__toggle"
        aria-expanded={filtersOpen}
        aria-controls="mission-filters"
        onClick={() => setFiltersOpen(!filtersOpen)}
      >
        {active > 0 ? t('missions.filtersActive', { count: active }) : t('missions.filters')}
      </button>
      <div
        id="mission-filters"
        class={filtersOpen ? 'mission-filters mission-filters--open' : 'mission-filters'}
      >
        <FilterPanel filters={filters} update={update} />
      </div>
      <ErrorBanner error={missions.error ? toMingaError(missions.error) : null} />
      <StorageRisk />
      <BackupReminder />
      <InstallHint />
      {role === 'coordinator' && (
        <p class="mission-list__coordinator">
          <a class="button" href={link.desk()}>
            {t('nav.desk')}
          </a>
          <a class="button" href={link.severity()}>
            {t('nav.severity')}
          </a>
        </p>
      )}
      {missions.isLoading || mayEdit === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <MissionResults all={missions.data ?? []} filters={filters} mayEdit={mayEdit} />
      )}
      {mayEdit && (
        <a class="button button--primary fab" href={link.newMission()}>
          {t('missions.new')}
        </a>
      )}
    </section>
  );
}
