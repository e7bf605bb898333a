// Schemas of the values records hold; each message is a validation code (validation.ts) the UI translates.
import * as v from 'valibot';
import { CANTONS, includes } from '../codes.ts';
import type { ValueSchema } from './fields.ts';

export const MAX_TITLE = 200;
export const MAX_LONG_TEXT = 100_000;
/** Tags and priorities: a few words each. */
export const MAX_LABEL = 100;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const shortText = (max = MAX_TITLE): ValueSchema<string> =>
  v.pipe(v.string('invalid'), v.maxLength(max, 'tooLong'));

/** A label that identifies itself in a set (a tag, a priority): not empty, no surrounding space. */
export const label: ValueSchema<string> = v.pipe(
  v.string('invalid'),
  v.check((s) => s.trim() !== '' && s.trim() === s, 'invalid'),
  v.maxLength(MAX_LABEL, 'tooLong'),
);

/** An ISO date, or empty for "not given". */
export const dateOrEmpty: ValueSchema<string> = v.pipe(
  v.string('invalid'),
  v.check((s) => s === '' || isIsoDate(s), 'invalidDate'),
);

/** An ISO date-time as devices stamp it. */
export const timestamp: ValueSchema<string> = v.pipe(
  v.string('invalid'),
  v.check((s) => s === '' || !Number.isNaN(Date.parse(s)), 'invalidDate'),
  v.maxLength(40, 'tooLong'),
);

export const codeOf = <const T extends readonly (string | number)[]>(
  list: T,
  message = 'unknownCode',
): ValueSchema<T[number]> => v.custom<T[number]>((value) => includes(list, value), message);

export const optionalCodeOf = <const T extends readonly (string | number)[]>(
  list: T,
): ValueSchema<T[number] | null> => v.nullable(codeOf(list));

/** A code of the list, or empty for "not recorded". */
export const codeOrEmpty = <const T extends readonly string[]>(list: T): ValueSchema<T[number] | ''> =>
  v.custom<T[number] | ''>((value) => value === '' || includes(list, value), 'unknownCode');

/** A canton P-code from the code list, or empty for "not chosen". */
export const cantonOrEmpty: ValueSchema<string> = v.pipe(
  v.string('invalid'),
  v.check((s) => s === '' || CANTONS.some((c) => c.pcode === s), 'unknownCode'),
);

/** A count of people: unknown (null) or a whole number ≥ 0. */
export const count: ValueSchema<number | null> = v.nullable(
  v.pipe(v.number('notANumber'), v.minValue(0, 'negative'), v.integer('notInteger')),
);

/** The largest amount or number of days a mission can hold; anything above is a typing slip or garbage. */
export const MAX_AMOUNT_EUR = 1_000_000_000;
export const MAX_PERSON_DAYS = 100_000;

/** True when `value` has no more than `places` decimals (as typed: 12.34 is fine, 12.345 is not). */
const decimals = (value: number, places: number): boolean => {
  const scale = 10 ** places;
  return Math.abs(Math.round(value * scale) / scale - value) < 1e-9 * Math.max(1, Math.abs(value));
};

/** Euros with cents, ≥ 0; unknown (null) when not recorded. */
export const amountEur: ValueSchema<number | null> = v.nullable(
  v.pipe(
    v.number('notANumber'),
    v.minValue(0, 'negative'),
    v.maxValue(MAX_AMOUNT_EUR, 'tooLarge'),
    v.check((n) => decimals(n, 2), 'amountCents'),
  ),
);

/** Person-days, whole or half (12.5), ≥ 0; unknown (null) when not recorded. */
export const personDays: ValueSchema<number | null> = v.nullable(
  v.pipe(
    v.number('notANumber'),
    v.minValue(0, 'negative'),
    v.maxValue(MAX_PERSON_DAYS, 'tooLarge'),
    v.check((n) => Number.isInteger(n * 2), 'halfDays'),
  ),
);

const finite = (code: string, limit: number): ValueSchema<number> =>
  v.pipe(v.number('notANumber'), v.minValue(-limit, code), v.maxValue(limit, code));

export const latitude = finite('latitudeRange', 90);
export const longitude = finite('longitudeRange', 180);
export const metres: ValueSchema<number> = v.pipe(v.number('notANumber'), v.minValue(0, 'negative'));

/** SDG goals ("11") and targets ("11.5", "11.b"). */
export const sdgCode: ValueSchema<string> = v.pipe(
  v.string('invalid'),
  v.regex(/^(?:[1-9]|1[0-7])(?:\.[0-9a-z]{1,2})?$/, 'unknownCode'),
);

/** Ids of records and rows: what `crypto.randomUUID()` makes, or a short legacy key. */
export const rowId: ValueSchema<string> = v.pipe(
  v.string('invalid'),
  v.regex(/^[A-Za-z0-9-]{1,64}$/, 'invalid'),
);

export const sha256: ValueSchema<string> = v.pipe(v.string('invalid'), v.regex(/^[0-9a-f]{64}$/, 'invalid'));
