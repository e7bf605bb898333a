// The year's accounts as one CSV table: a row per figure and per distribution entry, codes beside the labels
// the reader's language gives them, and the count of missions that did not record a figure.
import { budgetRows, distributions, executionRows } from './figures.ts';
import type { YearAccounts } from './indicators.ts';

export type AccountsCell = string | number | null;

export interface AccountsTable {
  name: string;
  header: readonly string[];
  rows: AccountsCell[][];
}

/** Labels of the figures and of the codes of each distribution; the CSV keeps codes where none is given. */
export interface AccountsLabels {
  section: (key: string) => string;
  figure: (key: string) => string;
  code: (list: string, value: string) => string;
}

export const ACCOUNTS_HEADER = [
  'year',
  'section',
  'item',
  'label',
  'value',
  'of',
  'not_recorded_in_missions',
];

export function accountsTable(accounts: YearAccounts, labels: AccountsLabels): AccountsTable {
  const rows: AccountsCell[][] = [];
  const { year } = accounts;
  for (const [section, figures] of [
    ['execution', executionRows(accounts)],
    ['budget', budgetRows(accounts)],
  ] as const) {
    for (const row of figures) {
      rows.push([
        year,
        labels.section(section),
        row.key,
        labels.figure(row.key),
        row.value,
        row.of ?? null,
        row.missing,
      ]);
    }
  }
  for (const distribution of distributions(accounts)) {
    for (const [value, missions] of distribution.entries) {
      rows.push([
        year,
        labels.section(distribution.key),
        value,
        distribution.labels ? labels.code(distribution.labels, value) : value,
        missions,
        accounts.missions,
        0,
      ]);
    }
  }
  return { name: `accounts-${year}.csv`, header: ACCOUNTS_HEADER, rows };
}
