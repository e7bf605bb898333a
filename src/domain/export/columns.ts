// A table declared as columns: header, how to read the cell, and whether it is a translated label (left out
// when no labels are given, as from the command line, which knows no language).
import type { Cell, Table } from './csv.ts';
import type { CodeList, LabelOf } from './labels.ts';

export interface Column<R> {
  header: string;
  value: (row: R, label: LabelOf) => Cell;
  label?: boolean;
}

export function column<R>(header: string, value: (row: R) => Cell): Column<R> {
  return { header, value };
}

/** A label column beside a code column: the code's label in the chosen language. */
export function labelColumn<R>(
  header: string,
  list: CodeList,
  codes: (row: R) => readonly (string | number)[] | string | number | null,
): Column<R> {
  return {
    header,
    label: true,
    value: (row, label) => {
      const value = codes(row);
      if (value === null || value === '') return '';
      return Array.isArray(value)
        ? value.map((code: string | number) => label(list, code)).join('; ')
        : label(list, value as string | number);
    },
  };
}

const noLabel: LabelOf = (_list, code) => String(code);

export function buildTable<R>(
  name: string,
  columns: readonly Column<R>[],
  rows: Iterable<R>,
  labels: LabelOf | null,
): Table {
  const used = labels ? columns : columns.filter((c) => !c.label);
  const label = labels ?? noLabel;
  const out: Cell[][] = [];
  for (const row of rows) out.push(used.map((c) => c.value(row, label)));
  return { name, header: used.map((c) => c.header), rows: out };
}

/** A count or measure that may be missing. */
export function num(value: number | null | undefined): Cell {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
