// Translation and locale formatting, independent of Preact so it can be unit tested.
import type { Language } from '../../domain/model.ts';
import { CATALOGS, type MessageKey } from './catalog.ts';

export type Params = Record<string, string | number>;

// Portuguese is written for partner cities on both sides of the Atlantic (Maputo, Brazilian members of the city
// networks). pt-PT is the norm Mozambique follows, and its formats read the same in Brazil: day-first numeric
// dates (16/04/2016) and an ISO space as thousands separator; a Brazilian "1.200" is still read (numbers.ts).
export const LOCALES: Record<Language, string> = { ca: 'ca-ES', es: 'es-EC', en: 'en-GB', pt: 'pt-PT' };

export interface Translator {
  lang: Language;
  t: (key: MessageKey, params?: Params) => string;
  /** Looks up a key built at run time (a code label); falls back to the code itself. */
  code: (prefix: string, value: string | number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string | number) => string;
  time: (at: number) => string;
  number: (value: number) => string;
}

export function translator(lang: Language): Translator {
  const messages = CATALOGS[lang];
  const locale = LOCALES[lang];
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  // A 24-hour clock in every language: Ecuadorian Spanish defaults to 12 hours, Catalan and English (UK) to 24,
  // and a mixed team reading "7:01 p. m." beside "19:01" for the same moment is one confusion too many.
  const clock = { hourCycle: 'h23' } as const;
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...clock,
  });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...clock });
  const t = (key: MessageKey, params?: Params) => interpolate(messages[key] ?? key, params, numberFormat);
  return {
    lang,
    t,
    code: (prefix, value) => (messages as Record<string, string>)[`${prefix}.${value}`] ?? String(value),
    // Dates without a time are calendar days: format them in UTC so no time zone shifts the day. A date no
    // device should have written is shown as it is, never thrown on (docs/merge.md M10).
    date: (iso) => (iso ? safeFormat(dateFormat, `${String(iso).slice(0, 10)}T00:00:00Z`, iso) : ''),
    dateTime: (iso) => safeFormat(dateTimeFormat, iso, iso),
    time: (at) => timeFormat.format(new Date(at)),
    number: (value) => numberFormat.format(value),
  };
}

function safeFormat(format: Intl.DateTimeFormat, at: string | number, shown: string | number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? String(shown) : format.format(date);
}

function interpolate(template: string, params: Params | undefined, numbers: Intl.NumberFormat): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ca' || base === 'es' || base === 'en' || base === 'pt') return base;
  }
  return 'es';
}
