// The year's execution and accountability report: figures counted from the list rows of every mission on the
// device (never by opening mission documents), printable, and downloadable as CSV.
import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { AccountsMission } from '../../domain/accounts/indicators.ts';
import { yearAccounts } from '../../domain/accounts/indicators.ts';
import { budgetRows, distributions, executionRows } from '../../domain/accounts/figures.ts';
import { getDb } from '../../storage/db.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';
import { DistributionTable, FigureTable } from '../components/accounts/AccountsTables.tsx';
import { PrintButton } from '../components/accounts/PrintButton.tsx';
import { AccountsCsvButton } from '../components/accounts/AccountsCsvButton.tsx';
import '../components/accounts/accounts.css';

/** The years the missions' days on site touch, newest first, with this year always offered. */
function yearsOf(missions: readonly AccountsMission[], thisYear: number): number[] {
  const years = new Set<number>([thisYear]);
  for (const mission of missions) {
    const start = Number(mission.startDate.slice(0, 4));
    const end = Number((mission.endDate || mission.startDate).slice(0, 4));
    if (!Number.isInteger(start) || start < 1900) continue;
    for (let year = start; year <= Math.max(start, Math.min(end, start + 20)); year++) years.add(year);
  }
  return [...years].sort((a, b) => b - a);
}

export function AccountsScreen() {
  const { t } = useI18n();
  const { query, route, path } = useLocation();
  const rows = useLiveQuery(() => getDb().missions.toArray(), []);
  const missions = useMemo(
    () => (rows.data ?? []).flatMap((row) => (row.accounts ? [row.accounts] : [])),
    [rows.data],
  );
  const thisYear = new Date().getFullYear();
  const years = useMemo(() => yearsOf(missions, thisYear), [missions, thisYear]);
  const asked = Number(query['year']);
  // Without a year asked for: the newest year with missions, not an empty current one.
  const year =
    Number.isInteger(asked) && asked > 1900
      ? asked
      : (years.find((y) => y <= thisYear && missions.some((m) => m.startDate.startsWith(String(y)))) ??
        thisYear);
  const accounts = useMemo(() => yearAccounts(missions, year), [missions, year]);

  return (
    <section class="screen accounts">
      <header class="screen__header">
        <h1>{t('accounts.title')}</h1>
        <a class="button no-print" href={link.settings()}>
          {t('nav.back')}
        </a>
      </header>
      <div class="accounts__controls no-print">
        <div class="field">
          <label class="field__label" for="accounts-year">
            {t('accounts.year')}
          </label>
          <select
            id="accounts-year"
            value={String(year)}
            onChange={(event) => route(`${path}?year=${(event.target as HTMLSelectElement).value}`, true)}
          >
            {(years.includes(year) ? years : [year, ...years]).map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <PrintButton label={t('accounts.print')} />
        <AccountsCsvButton accounts={accounts} />
      </div>
      <p>{t('accounts.intro', { year: String(year) })}</p>
      <p class="field__hint">{t('accounts.rule')}</p>
      {rows.isLoading ? (
        <p role="status">{t('accounts.loading')}</p>
      ) : accounts.missions === 0 ? (
        <p role="status">{t('accounts.none', { year: String(year) })}</p>
      ) : (
        <>
          <FigureTable caption={t('accounts.section.execution')} rows={executionRows(accounts)} />
          <FigureTable caption={t('accounts.section.budget')} rows={budgetRows(accounts)} />
          {distributions(accounts).map((distribution) => (
            <DistributionTable key={distribution.key} distribution={distribution} />
          ))}
        </>
      )}
      {accounts.undated > 0 && (
        <p class="field__hint">{t('accounts.undated', { count: accounts.undated })}</p>
      )}
    </section>
  );
}
