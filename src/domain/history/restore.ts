// Restoring a past version as a new change: every field of its records written again through the record writer,
// records it did not have marked deleted. Nothing is rewritten; devices merge the restore like any other edit.
import * as Y from 'yjs';
import type { RecordKind } from '../ids.ts';
import { scanRecord, type YRecord } from '../records/layout.ts';
import { MISSION_ROOT, RECORD_ROOTS } from '../records/mission.ts';
import { readFields } from '../records/read.ts';
import { initialiseRecord, RecordWriter, type WriteStamp } from '../records/write.ts';
import type { RecordFields } from '../schema/fields.ts';
import { RECORD_FIELDS } from '../schema/records.ts';
import { SCHEMA_VERSION } from '../schema/version.ts';

export interface RecordRef {
  kind: RecordKind;
  id: string;
}

/** The fields the schema declares, read from a record as it was. */
function valuesOf(map: YRecord, fields: RecordFields): Record<string, unknown> {
  const read = readFields(scanRecord(map), fields);
  return Object.fromEntries(Object.keys(fields).map((name) => [name, read[name]]));
}

const deletedAtOf = (map: YRecord, fields: RecordFields): string | null =>
  readFields(scanRecord(map), fields).deletedAt;

/** Writes `past`'s values over `current` (created when missing); true when anything was written. */
function restoreRecord(
  doc: Y.Doc,
  current: YRecord,
  past: YRecord,
  fields: RecordFields,
  stamp: WriteStamp,
): boolean {
  const writer = new RecordWriter(doc, current, fields, stamp);
  writer.save(valuesOf(past, fields), null);
  // Deletion is the record's meta, not a schema field: live again, or deleted again, as it was then.
  const wasDeleted = deletedAtOf(past, fields);
  if ((wasDeleted === null) !== (deletedAtOf(current, fields) === null))
    writer.writeRegister('deletedAt', wasDeleted);
  if (!writer.changed) return false;
  writer.touch();
  return true;
}

function markDeleted(doc: Y.Doc, map: YRecord, fields: RecordFields, stamp: WriteStamp): boolean {
  if (deletedAtOf(map, fields) !== null) return false;
  const writer = new RecordWriter(doc, map, fields, stamp);
  writer.writeRegister('deletedAt', stamp.now);
  writer.touch();
  return true;
}

/** A record the document lost altogether comes back with its creation facts as they were. */
function recreate(root: Y.Map<unknown>, id: string, past: YRecord, fields: RecordFields, stamp: WriteStamp) {
  const map: YRecord = new Y.Map();
  root.set(id, map);
  initialiseRecord(map, fields, stamp, SCHEMA_VERSION);
  for (const fact of ['createdAt', 'createdBy', 'createdDevice']) {
    const value = past.get(fact);
    if (typeof value === 'string') map.set(fact, value);
  }
  return map;
}

function restoreKind(
  doc: Y.Doc,
  past: Y.Doc,
  kind: RecordKind,
  stamp: WriteStamp,
  only: string | null,
): number {
  const fields = RECORD_FIELDS[kind];
  const root = doc.getMap<unknown>(RECORD_ROOTS[kind]);
  const pastRoot = past.getMap<unknown>(RECORD_ROOTS[kind]);
  let written = 0;
  pastRoot.forEach((entry, id) => {
    if (!(entry instanceof Y.Map) || (only !== null && id !== only)) return;
    const now = root.get(id);
    const target =
      now instanceof Y.Map ? (now as YRecord) : recreate(root, id, entry as YRecord, fields, stamp);
    if (restoreRecord(doc, target, entry as YRecord, fields, stamp) || !(now instanceof Y.Map)) written += 1;
  });
  if (only !== null) return written;
  root.forEach((entry, id) => {
    if (entry instanceof Y.Map && !(pastRoot.get(id) instanceof Y.Map))
      if (markDeleted(doc, entry as YRecord, fields, stamp)) written += 1;
  });
  return written;
}

/**
 * Turns `doc` into the content `past` had, for the whole mission or for one record, as one transaction on `doc`
 * (`origin` lets the caller tell it apart). Returns how many records it wrote.
 */
export function restoreVersion(
  doc: Y.Doc,
  past: Y.Doc,
  stamp: WriteStamp,
  only: RecordRef | null = null,
  origin: unknown = null,
): number {
  let written = 0;
  doc.transact(() => {
    if (only === null) {
      const pastMission = past.getMap<unknown>(MISSION_ROOT) as YRecord;
      const mission = doc.getMap<unknown>(MISSION_ROOT) as YRecord;
      if (pastMission.size > 0) {
        if (mission.size === 0) initialiseRecord(mission, RECORD_FIELDS.mission, stamp, SCHEMA_VERSION);
        if (restoreRecord(doc, mission, pastMission, RECORD_FIELDS.mission, stamp)) written += 1;
      }
    }
    for (const kind of Object.keys(RECORD_ROOTS) as RecordKind[]) {
      if (only !== null && only.kind !== kind) continue;
      written += restoreKind(doc, past, kind, stamp, only?.id ?? null);
    }
  }, origin);
  return written;
}
