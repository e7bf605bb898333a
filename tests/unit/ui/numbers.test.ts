// Numbers typed as each language writes them: read back exactly, ambiguous ones refused, never half read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/domain/model.ts';
import { formatNumberInput, readNumber } from '../../../src/ui/i18n/numbers.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';

const value = (reading: ReturnType<typeof readNumber>) =>
  'value' in reading ? reading.value : reading.problem;

describe('readNumber', () => {
  it.each(LANGUAGES)('%s reads plain digits, spaced thousands and empty text', (lang) => {
    expect(value(readNumber('1200', lang))).toBe(1200);
    expect(value(readNumber(' 1 200 ', lang))).toBe(1200);
    expect(value(readNumber('1\u00a0200', lang))).toBe(1200);
    expect(value(readNumber('12\u202f345\u202f678', lang))).toBe(12345678);
    expect(value(readNumber('', lang))).toBeNull();
    expect(value(readNumber('   ', lang))).toBeNull();
    expect(value(readNumber('-15', lang))).toBe(-15);
    expect(value(readNumber('−15', lang))).toBe(-15);
  });

  it('reads "1,200" as twelve hundred in English and "1.200" in Spanish, Catalan and Portuguese', () => {
    expect(value(readNumber('1,200', 'en'))).toBe(1200);
    expect(value(readNumber('1,234,567', 'en'))).toBe(1234567);
    expect(value(readNumber('1,200.5', 'en'))).toBe(1200.5);
    for (const lang of ['es', 'ca', 'pt'] as const) {
      expect(value(readNumber('1.200', lang)), lang).toBe(1200);
      expect(value(readNumber('1.234.567', lang)), lang).toBe(1234567);
      expect(value(readNumber('1.200,5', lang)), lang).toBe(1200.5);
      expect(value(readNumber('1 200,5', lang)), lang).toBe(1200.5);
      expect(value(readNumber('2,5', lang)), lang).toBe(2.5);
    }
    expect(value(readNumber('2.5', 'en'))).toBe(2.5);
    expect(value(readNumber('0.125', 'en'))).toBe(0.125);
    expect(value(readNumber('0,125', 'pt'))).toBe(0.125);
  });

  it('refuses a separator that could mean thousands or decimals, and says so', () => {
    expect(value(readNumber('1.200', 'en'))).toBe('ambiguousNumber');
    expect(value(readNumber('1.200.000', 'en'))).toBe('ambiguousNumber');
    for (const lang of ['es', 'ca', 'pt'] as const) {
      expect(value(readNumber('1,200', lang)), lang).toBe('ambiguousNumber');
      expect(value(readNumber('1,200,000', lang)), lang).toBe('ambiguousNumber');
    }
  });

  it.each(LANGUAGES)('%s refuses what is not a number', (lang) => {
    for (const text of [
      'abc',
      '12a',
      '1..2',
      '1,,2',
      '1.2.3,4.5',
      '1 20',
      '12  345',
      '.5',
      '1.',
      '1,',
      '+5',
      '1e3',
    ])
      expect(value(readNumber(text, lang)), `${lang}: ${text}`).toBe('notANumber');
  });

  it('refuses misplaced thousands separators of the language itself', () => {
    expect(value(readNumber('12,00', 'en'))).toBe('notANumber');
    expect(value(readNumber('1,2345', 'en'))).toBe('notANumber');
    expect(value(readNumber('12.00', 'es'))).toBe('notANumber');
  });
});

describe('formatNumberInput', () => {
  it('writes a number as the language does, with the formatter the screens use', () => {
    expect(formatNumberInput(12345, 'en')).toBe('12,345');
    expect(formatNumberInput(12345, 'es')).toBe('12.345');
    expect(formatNumberInput(12345, 'pt')).toBe('12\u00a0345');
    expect(formatNumberInput(null, 'ca')).toBe('');
    for (const lang of LANGUAGES) expect(formatNumberInput(35264, lang)).toBe(translator(lang).number(35264));
  });

  it.each(LANGUAGES)('%s: every whole number shown is read back as itself', (lang) => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(value(readNumber(formatNumberInput(n, lang), lang))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it.each(LANGUAGES)('%s: numbers with one or two decimals shown are read back as themselves', (lang) => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 2 }), (n, places) => {
        const decimal = n / 10 ** places;
        expect(value(readNumber(formatNumberInput(decimal, lang), lang))).toBe(decimal);
      }),
      { numRuns: 500 },
    );
  });

  it.each(LANGUAGES)('%s: a number shown with spaces for thousands is read back too', (lang) => {
    fc.assert(
      fc.property(fc.nat({ max: 1e12 }), fc.constantFrom(' ', '\u00a0', '\u202f'), (n, space) => {
        const spaced = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, space);
        expect(value(readNumber(spaced, lang))).toBe(n);
      }),
    );
  });
});
