// CSV as spreadsheet programs open it: UTF-8 with a byte-order mark (or accents break), CRLF line ends, and text
// cells that a spreadsheet would run as a formula neutralised with a leading apostrophe; numbers stay numbers.
import Papa from 'papaparse';

export type Cell = string | number | null;

export interface Table {
  /** File name, e.g. notes.csv. */
  name: string;
  header: readonly string[];
  rows: Cell[][];
}

export const BOM = '\uFEFF';
/**
 * Papaparse's own pattern ends in `.*$`, which misses a cell whose formula is followed by a line break; any text
 * starting so is neutralised here, whatever follows.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: Cell): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}

export function toCsv(table: Table): string {
  const body = Papa.unparse(
    { fields: [...table.header], data: table.rows.map((row) => row.map(cell)) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `${BOM}${body}\r\n`;
}
