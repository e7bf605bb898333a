// The year's accounts as tables a reader can print: figures, budget, and the distributions with a bar for each.
import type { Distribution, FigureRow } from '../../../domain/accounts/figures.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { LOCALES } from '../../i18n/translate.ts';

const DISTRIBUTION_TITLE: Record<Distribution['key'], MessageKey> = {
  status: 'accounts.section.status',
  themes: 'accounts.section.themes',
  sdgGoals: 'accounts.section.sdgGoals',
  sdgTargets: 'accounts.section.sdgTargets',
  sendai: 'accounts.section.sendai',
};

/** The value as the reader's language writes it, or "not recorded", never a 0 that was not counted. */
export function FigureValue({ row }: { row: FigureRow }) {
  const { t, number, lang } = useI18n();
  if (row.value === null) return <span class="accounts__missing">{t('accounts.notRecorded')}</span>;
  const shown =
    row.unit === 'eur'
      ? new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' }).format(row.value)
      : row.unit === 'percent'
        ? `${number(row.value)} %`
        : row.of !== undefined
          ? t('accounts.plannedOf', { done: row.value, planned: row.of })
          : number(row.value);
  return (
    <>
      {shown}
      {row.missing > 0 && (
        <span class="accounts__gap"> ({t('accounts.missingIn', { count: row.missing })})</span>
      )}
    </>
  );
}

export function FigureTable({ caption, rows }: { caption: string; rows: FigureRow[] }) {
  const { t } = useI18n();
  return (
    <table class="accounts__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('accounts.figure')}</th>
          <th scope="col">{t('accounts.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-figure={row.key}>
            <th scope="row">{t(`accounts.${row.key}` as MessageKey)}</th>
            <td>
              <FigureValue row={row} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One distribution: a table whose count cells carry a bar drawn to scale (inline SVG, no library). */
export function DistributionTable({ distribution }: { distribution: Distribution }) {
  const { t, code, number } = useI18n();
  const title = t(DISTRIBUTION_TITLE[distribution.key]);
  const top = Math.max(1, ...distribution.entries.map(([, n]) => n));
  return (
    <table class="accounts__table accounts__distribution" data-distribution={distribution.key}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col">{t('accounts.missions')}</th>
        </tr>
      </thead>
      <tbody>
        {distribution.entries.length === 0 ? (
          <tr>
            <td colSpan={2}>{t('accounts.nothing')}</td>
          </tr>
        ) : (
          distribution.entries.map(([value, missions]) => (
            <tr key={value} data-code={value}>
              <th scope="row">{distribution.labels ? code(distribution.labels, value) : value}</th>
              <td class="accounts__bar-cell">
                <svg class="accounts__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                  <rect width={(missions / top) * 100} height="10" />
                </svg>
                <span>{number(missions)}</span>
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
