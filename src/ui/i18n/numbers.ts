// Numbers typed into a form, read as the interface language writes them, and shown back the same way.
import type { Language } from '../../domain/model.ts';
import { LOCALES } from './translate.ts';

/** What a typed number means: a value (null when left empty), or why it cannot be read. */
export type NumberReading = { value: number | null } | { problem: 'notANumber' | 'ambiguousNumber' };

interface Separators {
  decimal: '.' | ',';
  group: '.' | ',';
}

const SEPARATORS: Record<Language, Separators> = {
  en: { decimal: '.', group: ',' },
  es: { decimal: ',', group: '.' },
  ca: { decimal: ',', group: '.' },
  pt: { decimal: ',', group: '.' },
};

// Spaces people and Intl use between thousands: space, no-break space, narrow no-break space, thin space.
const SPACE = /[ \u00a0\u202f\u2009]/g;
const SPACE_GROUPED = /^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$/;
const grouped = (separator: string) => new RegExp(`^\\d{1,3}(?:\\${separator}\\d{3})+$`);
const DIGITS = /^\d+$/;

/**
 * Reads "1200", "1 200", "1,200" (English) or "1.200" (Spanish, Catalan, Portuguese). A separator followed by
 * exactly three digits is a thousands separator; when it could as well be the language's decimal mark
 * ("1.200" in English, "1,200" in Spanish) the number is refused as ambiguous instead of guessed.
 */
export function readNumber(text: string, lang: Language): NumberReading {
  const trimmed = text.trim().replace(/^[−–]/, '-');
  if (trimmed === '') return { value: null };
  const negative = trimmed.startsWith('-');
  const body = negative ? trimmed.slice(1) : trimmed;
  const magnitude = readMagnitude(body, SEPARATORS[lang]);
  if (typeof magnitude !== 'number') return { problem: magnitude };
  return { value: negative ? -magnitude : magnitude };
}

function readMagnitude(
  body: string,
  { decimal, group }: Separators,
): number | 'notANumber' | 'ambiguousNumber' {
  if (!/^[\d., \u00a0\u202f\u2009]+$/.test(body) || !/^\d/.test(body)) return 'notANumber';
  // "1.200.000" in English: thousands written the other language's way; say so rather than "not a number".
  if (grouped(decimal).test(body) && body.split(decimal).length > 2) return 'ambiguousNumber';
  const decimalAt = body.lastIndexOf(decimal);
  const whole = decimalAt < 0 ? body : body.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : body.slice(decimalAt + 1);
  if (decimalAt >= 0 && !DIGITS.test(fraction)) return 'notANumber';
  const wholeValue = readWhole(whole, group);
  if (wholeValue === null) return 'notANumber';
  // "1.200" in English or "1,200" in Spanish: a decimal mark, or thousands written the other language's way.
  if (decimalAt >= 0 && /^[1-9]\d{0,2}$/.test(whole) && fraction.length === 3) return 'ambiguousNumber';
  return Number(`${wholeValue}${fraction ? `.${fraction}` : ''}`);
}

/** The digits of the part before the decimal mark, with its thousands separators taken out; null if misplaced. */
function readWhole(whole: string, group: string): string | null {
  if (DIGITS.test(whole)) return whole;
  if (SPACE_GROUPED.test(whole)) return whole.replace(SPACE, '');
  if (grouped(group).test(whole)) return whole.split(group).join('');
  return null;
}

const formats = new Map<Language, Intl.NumberFormat>();

/** A stored number as the language writes it, for a form field; empty for an unknown (null) value. */
export function formatNumberInput(value: number | null, lang: Language): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) return String(value);
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 20 });
    formats.set(lang, format);
  }
  return format.format(value);
}

const amountFormats = new Map<Language, Intl.NumberFormat>();
const euroFormats = new Map<Language, Intl.NumberFormat>();

/** An amount of euros for a form field: with its cents when it has any ("1.250,50"), empty when unknown. */
export function formatAmountInput(value: number | null, lang: Language): string {
  if (value === null || !Number.isFinite(value)) return formatNumberInput(value, lang);
  let format = amountFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 });
    amountFormats.set(lang, format);
  }
  return Number.isInteger(value) ? format.format(value) : format.format(value).replace(/([.,]\d)$/, '$10');
}

/** An amount of euros as the language shows money: "1.250,50 €", "€1,250.50". */
export function formatEuros(value: number, lang: Language): string {
  let format = euroFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' });
    euroFormats.set(lang, format);
  }
  return format.format(value);
}
