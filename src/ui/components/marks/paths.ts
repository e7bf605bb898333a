// What a mark's path ("title", "gps.lat", "sectors.health.severity", "team.<id>.role") names in the record schema:
// the short value it is, so a value can be checked before it is kept and an invalid one cleared to its default.
import * as v from 'valibot';
import type { RecordKind } from '../../../domain/ids.ts';
import { register, type Field, type RegisterField } from '../../../domain/schema/fields.ts';
import { RECORD_FIELDS } from '../../../domain/schema/records.ts';
import { timestamp } from '../../../domain/schema/values.ts';

export type MarkedKind = 'mission' | RecordKind;

const presence = register(v.boolean(), false);
const deleted = register(v.nullable(timestamp), null);

/** The short value at `path`, or null for texts, lists and paths the schema does not know. */
export function registerAt(kind: MarkedKind, path: string): RegisterField | null {
  const [name = '', ...rest] = path.split('.');
  if (name === 'deletedAt') return rest.length === 0 ? deleted : null;
  const field = (RECORD_FIELDS[kind] as Readonly<Record<string, Field>>)[name];
  if (!field) return null;
  if (field.kind === 'register') return rest.length === 0 ? field : null;
  if (field.kind === 'struct') {
    if (rest.length === 0) return field.nullable ? presence : null;
    return rest.length === 1 ? (field.fields[rest[0]!] ?? null) : null;
  }
  if (field.kind === 'collection') return rest.length === 2 ? (field.fields[rest[1]!] ?? null) : null;
  return null;
}

/** Whether `value` is one the field accepts, so keeping it settles the field with a usable value. */
export function acceptable(kind: MarkedKind, path: string, value: unknown): boolean {
  const field = registerAt(kind, path);
  return field !== null && v.is(field.schema, value);
}

/**
 * What "Clear" writes in place of an invalid value: the field's default. A position with a broken coordinate is
 * removed instead, never kept as 0, 0 (docs/merge.md M5). Null when it cannot be cleared field by field (a list
 * entry or a text): saving the form with a new value replaces those.
 */
export function clearingOf(kind: MarkedKind, path: string): { path: string; value: unknown } | null {
  const field = registerAt(kind, path);
  if (!field) return null;
  const [name = '', ...rest] = path.split('.');
  const struct = (RECORD_FIELDS[kind] as Readonly<Record<string, Field>>)[name];
  if (struct?.kind === 'struct' && struct.nullable && rest.length === 1 && 'lat' in struct.fields) {
    return { path: name, value: false };
  }
  return { path, value: field.default };
}
