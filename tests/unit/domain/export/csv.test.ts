// Any text and any number survive a CSV round trip through the same library: text that a spreadsheet would run
// comes back with one leading apostrophe and nothing else changed; numbers come back as the same numbers.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, type Cell } from '../../../../src/domain/export/csv.ts';

function roundTrip(cells: Cell[]): string[] {
  const text = toCsv({ name: 't.csv', header: cells.map((_, i) => `c${i}`), rows: [cells] });
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n' });
  return parsed.data[1] ?? [];
}

const FORMULA = /^[=+\-@\t\r]/;

describe('CSV cells', () => {
  it('keep any text, neutralising only what starts like a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 6 }),
        (texts) => {
          expect(roundTrip(texts)).toEqual(texts.map((t) => (FORMULA.test(t) ? `'${t}` : t)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keep numbers as numbers, negative ones included; missing values are empty', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 6 }),
        (numbers) => {
          expect(roundTrip(numbers).map(Number)).toEqual(numbers.map((n) => (Object.is(n, -0) ? 0 : n)));
        },
      ),
      { numRuns: 300 },
    );
    expect(roundTrip([null, NaN, Infinity, 'x'])).toEqual(['', '', '', 'x']);
  });
});
