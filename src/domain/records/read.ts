// Reads a record's Y.Map through the record schema: whatever another device or version wrote, every field comes
// out as a value of its declared type, with conflicts and invalid values marked instead of thrown (M1, M2, M10).
import * as v from 'valibot';
import * as Y from 'yjs';
import {
  register,
  type CollectionField,
  type Field,
  type RankedField,
  type RecordFields,
  type RegisterField,
  type SetField,
  type StructField,
} from '../schema/fields.ts';
import { timestamp } from '../schema/values.ts';
import type { ConflictValue, FieldMarks, RecordMeta } from '../model.ts';
import { NO_MARKS } from '../model.ts';
import { childPath, isObject, legacyList, segment, type RecordScan, type RegisterWrite } from './layout.ts';

export interface Write {
  key: string;
  value: unknown;
  /** The writing device's clock, in ms; -1 when the entry is not one this version understands. */
  at: number;
  by: string;
  device: string;
}

const MAX_TIME = 8.64e15;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export function parseWrite(write: RegisterWrite): Write {
  const raw = isObject(write.raw) ? write.raw : null;
  const at = typeof raw?.at === 'number' && Math.abs(raw.at) <= MAX_TIME ? raw.at : -1;
  return { key: write.key, value: raw ? raw.v : write.raw, at, by: str(raw?.by), device: str(raw?.dev) };
}

/** The shown write comes first: the latest by the devices' clocks, then a fixed order on every device. */
export function laterFirst(a: Write, b: Write): number {
  return b.at - a.at || (a.device < b.device ? 1 : a.device > b.device ? -1 : 0) || (a.key < b.key ? 1 : -1);
}

const isoOf = (at: number): string => (at < 0 ? '' : new Date(at).toISOString());

/** Which written values are the same: JSON, with the BigInts a document can hold (JSON has none) spelled out. */
const sameness = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'bigint' ? { bigint: inner.toString() } : inner,
  ) ?? 'undefined';

/** Internal registers: kept by the same rule, never shown to anyone as a conflict. */
export const ORDER = '_order';
export const UPDATED = '_updated';
const orderField = register(v.number(), 0);
const presenceField = register(v.boolean(), false);
const updatedField = register(v.null(), null);
const deletedField = register(v.nullable(timestamp), null);

/** Reads a record's fields one at a time, noting their marks; `readFields` reads them all. */
export class RecordReader {
  readonly conflicts: Record<string, ConflictValue[]> = {};
  readonly invalid: Record<string, unknown> = {};

  readonly scan: RecordScan;

  constructor(scan: RecordScan) {
    this.scan = scan;
  }

  marks(): FieldMarks {
    const none = Object.keys(this.conflicts).length === 0 && Object.keys(this.invalid).length === 0;
    return none ? NO_MARKS : { conflicts: this.conflicts, invalid: this.invalid };
  }

  /** The writes of one short value, shown one first; empty when none was written since schema 1. */
  writes(path: string): Write[] {
    return (this.scan.writes.get(path) ?? []).map(parseWrite).sort(laterFirst);
  }

  register(path: string, field: RegisterField, legacy: unknown, shown = true): unknown {
    const writes = this.writes(path);
    let raw: unknown;
    if (writes.length > 0) {
      raw = writes[0]!.value;
      if (shown) this.noteConflict(path, writes);
    } else if (legacy !== undefined) {
      raw = legacy;
    } else {
      return field.default;
    }
    const result = v.safeParse(field.schema, raw);
    if (result.success) return result.output;
    if (shown) this.invalid[path] = raw;
    return field.default;
  }

  private noteConflict(path: string, writes: Write[]): void {
    if (writes.length < 2) return;
    const seen = new Set<string>();
    const values: ConflictValue[] = [];
    for (const write of writes) {
      const key = sameness(write.value);
      if (seen.has(key)) continue;
      seen.add(key);
      values.push({ value: write.value, at: isoOf(write.at), by: write.by, device: write.device });
    }
    if (values.length > 1) this.conflicts[path] = values;
  }

  text(name: string): string {
    const value = this.scan.plain.get(name);
    if (value instanceof Y.Text) return value.toString();
    if (typeof value === 'string' || value === undefined) return value ?? '';
    this.invalid[name] = value;
    return '';
  }

  set(path: string, field: SetField, legacy: unknown): unknown[] {
    const items = new Map<string, unknown>();
    const removed = this.scan.removed.get(path);
    const add = (raw: unknown, fromLegacy: boolean) => {
      const result = v.safeParse(field.item, raw);
      if (!result.success) {
        this.invalid[path] = raw;
        return;
      }
      const key = field.keyOf(result.output);
      if (!(fromLegacy && removed?.has(key))) items.set(key, result.output);
    };
    for (const raw of legacyList(legacy)) add(raw, true);
    for (const raw of this.scan.members.get(path)?.values() ?? []) add(raw, false);
    return [...items.values()].sort((a, b) => field.compare(a, b));
  }

  struct(path: string, field: StructField, legacy: unknown): Record<string, unknown> | null {
    const old = isObject(legacy) ? legacy : undefined;
    if (field.nullable) {
      const legacyPresence = legacy === undefined ? undefined : old !== undefined;
      if (!this.register(path, presenceField, legacyPresence)) return null;
    }
    const values: Record<string, unknown> = {};
    let whole = true;
    for (const [name, inner] of Object.entries(field.fields)) {
      const at = childPath(path, name);
      values[name] = this.register(at, inner, old?.[name]);
      // A value the group cannot be without (a coordinate of a GPS fix) that nothing ever gave.
      if (field.nullable && inner.required && !this.scan.writes.has(at) && old?.[name] === undefined) {
        this.invalid[at] = undefined;
      }
      if (at in this.invalid) whole = false;
    }
    // A GPS fix with a broken or missing coordinate is no fix: shown as missing, its fields marked invalid, never
    // as 0, 0.
    return whole || !field.nullable ? values : null;
  }

  /** Members of a collection or ranked list: schema-1 entries not removed since, and those added since. */
  private membersOf(path: string, legacy: unknown, legacyKey: (item: unknown, index: number) => unknown) {
    const members = new Map<string, { legacy: Record<string, unknown> | undefined; index: number }>();
    const removed = this.scan.removed.get(path);
    legacyList(legacy).forEach((item, index) => {
      const key = legacyKey(item, index);
      if (typeof key === 'string' && !removed?.has(key)) {
        members.set(key, { legacy: isObject(item) ? item : undefined, index });
      }
    });
    for (const key of this.scan.members.get(path)?.keys() ?? []) {
      if (!members.has(key)) members.set(key, { legacy: undefined, index: Number.MAX_SAFE_INTEGER });
    }
    return members;
  }

  collection(path: string, field: CollectionField, legacy: unknown): Record<string, unknown>[] {
    const rows: { order: number; key: string; value: Record<string, unknown> }[] = [];
    for (const [key, member] of this.membersOf(path, legacy, legacyKeyOf(field))) {
      if (!v.is(field.key, key)) {
        this.invalid[path] = key;
        continue;
      }
      const at = childPath(path, segment(key));
      const value: Record<string, unknown> = { [field.keyField]: key };
      for (const [name, inner] of Object.entries(field.fields)) {
        value[name] = this.register(childPath(at, name), inner, member.legacy?.[name]);
      }
      const order = this.register(childPath(at, ORDER), orderField, member.index, false) as number;
      rows.push({ order, key, value });
    }
    return rows.sort(byOrder).map((row) => row.value);
  }

  ranked(path: string, field: RankedField, legacy: unknown): string[] {
    const rows: { order: number; key: string }[] = [];
    for (const [key, member] of this.membersOf(path, legacy, legacyKeyOf(field))) {
      if (!v.is(field.item, key)) {
        this.invalid[path] = key;
        continue;
      }
      const order = this.register(childPath(path, segment(key), ORDER), orderField, member.index, false);
      rows.push({ order: order as number, key });
    }
    return rows.sort(byOrder).map((row) => row.key);
  }

  field(name: string, field: Field): unknown {
    const legacy = this.scan.plain.get(name);
    switch (field.kind) {
      case 'register':
        return this.register(name, field, legacy);
      case 'text':
        return this.text(name);
      case 'set':
        return this.set(name, field, legacy);
      case 'struct':
        return this.struct(name, field, legacy);
      case 'collection':
        return this.collection(name, field, legacy);
      case 'ranked':
        return this.ranked(name, field, legacy);
    }
  }

  meta(): Omit<RecordMeta, 'marks'> {
    const plain = this.scan.plain;
    const updated = this.writes(UPDATED)[0];
    const deletedWrites = this.writes('deletedAt');
    const legacyDeleted = plain.get('deletedAt');
    const deletedAt = this.register('deletedAt', deletedField, legacyDeleted ?? undefined) as string | null;
    return {
      schema: typeof plain.get('schema') === 'number' ? (plain.get('schema') as number) : 1,
      createdAt: str(plain.get('createdAt')),
      createdBy: str(plain.get('createdBy')),
      updatedAt: updated ? isoOf(updated.at) : str(plain.get('updatedAt')),
      updatedBy: updated ? updated.by : str(plain.get('updatedBy')),
      deletedAt,
      deletedBy: deletedAt === null ? null : (deletedWrites[0]?.by ?? str(plain.get('updatedBy'))),
    };
  }
}

/**
 * How a schema-1 list entry is keyed: sectors by their code, rows without an id (team) by their position, which
 * every device reads alike from the same stored list.
 */
export function legacyKeyOf(field: CollectionField | RankedField): (item: unknown, index: number) => unknown {
  if (field.kind === 'ranked') return (item) => item;
  return (item, index) =>
    isObject(item)
      ? (item[field.keyField] ?? (field.keyField === 'id' ? `L${index}` : undefined))
      : undefined;
}

/** The keys of a schema-1 list's entries, to know which removals need a tombstone (M9). */
export function legacyKeys(field: CollectionField | RankedField | SetField, legacy: unknown): Set<string> {
  const keys = new Set<string>();
  legacyList(legacy).forEach((item, index) => {
    if (field.kind === 'set') {
      const result = v.safeParse(field.item, item);
      if (result.success) keys.add(field.keyOf(result.output));
    } else {
      const key = legacyKeyOf(field)(item, index);
      if (typeof key === 'string') keys.add(key);
    }
  });
  return keys;
}

function byOrder(a: { order: number; key: string }, b: { order: number; key: string }): number {
  return a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Every field of a record, its meta and its marks; never throws on what a document holds. */
export function readFields<R extends RecordFields>(
  scan: RecordScan,
  fields: R,
): Record<string, unknown> & RecordMeta {
  const reader = new RecordReader(scan);
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) values[name] = reader.field(name, field);
  const meta = reader.meta();
  return { ...values, ...meta, marks: reader.marks() };
}

export { updatedField, deletedField, orderField, presenceField };
