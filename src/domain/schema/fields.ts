// The kinds of field a record can declare, each with its merge rule (docs/merge.md), and the value types they read as.
import * as v from 'valibot';

/** A stored value's schema; its messages are validation codes (see validation.ts) the UI translates. */
export type ValueSchema<T> = v.GenericSchema<unknown, T>;

/**
 * A short value, last writer wins by the devices' clocks; concurrent writes are all kept and shown as a conflict
 * until someone settles it (M1, M2).
 */
export interface RegisterField<T = unknown> {
  readonly kind: 'register';
  readonly schema: ValueSchema<T>;
  readonly default: T;
  /** A value the user must give; checked when a form is saved, never when a stored record is read. */
  readonly required: boolean;
}

/** A long text, kept as a Y.Text: two people's edits merge by character (M3). */
export interface TextField {
  readonly kind: 'text';
  readonly max: number;
}

/** An unordered set of values, keyed by what identifies them: both sides' additions are kept (M4). */
export interface SetField<T = unknown> {
  readonly kind: 'set';
  readonly item: ValueSchema<T>;
  // Methods, not function properties: a set of codes is then usable wherever any set is expected.
  keyOf(item: T): string;
  /** The order lists are read back in: the same on every device, whatever order additions arrived in. */
  compare(a: T, b: T): number;
}

export type Fields = Readonly<Record<string, RegisterField>>;

/** A group of short values that merge field by field (M5); `nullable` adds a presence register. */
export interface StructField<F extends Fields = Fields, N extends boolean = boolean> {
  readonly kind: 'struct';
  readonly fields: F;
  readonly nullable: N;
}

/**
 * Members keyed by `keyField`, each a group of short values merged field by field; added in any order, shown in
 * the order they were added (or ranked, when `ranked`), removals lose to a concurrent edit of the member (M6, M7).
 */
export interface CollectionField<
  K extends string = string,
  KT extends string = string,
  F extends Fields = Fields,
> {
  readonly kind: 'collection';
  readonly keyField: K;
  readonly key: ValueSchema<KT>;
  readonly fields: F;
  readonly ranked: boolean;
  /** Most members a form may save; more can arrive by merging, and are shown. */
  readonly max: number;
}

/** A ranked list of short texts (priorities): both sides' additions are kept, in rank order (M8). */
export interface RankedField {
  readonly kind: 'ranked';
  readonly item: ValueSchema<string>;
  readonly max: number;
}

export type Field = RegisterField | TextField | SetField | StructField | CollectionField | RankedField;
export type RecordFields = Readonly<Record<string, Field>>;

type RegisterValues<F extends Fields> = { -readonly [K in keyof F]: F[K]['default'] };

export type ValueOf<F> =
  F extends RegisterField<infer T>
    ? T
    : F extends TextField
      ? string
      : F extends SetField<infer T>
        ? T[]
        : F extends StructField<infer S, infer N>
          ? N extends true
            ? RegisterValues<S> | null
            : RegisterValues<S>
          : F extends CollectionField<infer K, infer KT, infer S>
            ? (Record<K, KT> & RegisterValues<S>)[]
            : F extends RankedField
              ? string[]
              : never;

export type ValuesOf<R extends RecordFields> = { -readonly [K in keyof R]: ValueOf<R[K]> };

export function register<T>(
  schema: ValueSchema<T>,
  defaultValue: NoInfer<T>,
  options: { required?: boolean } = {},
): RegisterField<T> {
  return { kind: 'register', schema, default: defaultValue, required: options.required ?? false };
}

export function text(max: number): TextField {
  return { kind: 'text', max };
}

export function set<T>(
  item: ValueSchema<T>,
  keyOf: (item: T) => string,
  compare: SetField<T>['compare'],
): SetField<T> {
  return { kind: 'set', item, keyOf, compare };
}

export function struct<F extends Fields>(fields: F): StructField<F, false>;
export function struct<F extends Fields>(fields: F, options: { nullable: true }): StructField<F, true>;
export function struct<F extends Fields>(fields: F, options?: { nullable: boolean }): StructField<F> {
  return { kind: 'struct', fields, nullable: options?.nullable ?? false };
}

export function collection<const K extends string, KT extends string, F extends Fields>(spec: {
  keyField: K;
  key: ValueSchema<KT>;
  fields: F;
  ranked?: boolean;
  max: number;
}): CollectionField<K, KT, F> {
  return { kind: 'collection', ranked: spec.ranked ?? false, ...spec };
}

export function ranked(item: ValueSchema<string>, max: number): RankedField {
  return { kind: 'ranked', item, max };
}

/** The value a field reads as when nothing was ever written to it. */
export function defaultOf(field: Field): unknown {
  switch (field.kind) {
    case 'register':
      return field.default;
    case 'text':
      return '';
    case 'set':
    case 'collection':
    case 'ranked':
      return [];
    case 'struct':
      return field.nullable ? null : structDefaults(field.fields);
  }
}

export function structDefaults(fields: Fields): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.default]));
}

/** The first problem valibot finds, as a validation code; null when the value is acceptable. */
export function problemOf(schema: ValueSchema<unknown>, value: unknown): string | null {
  const result = v.safeParse(schema, value, { abortEarly: true });
  return result.success ? null : (result.issues[0]?.message ?? 'invalid');
}
