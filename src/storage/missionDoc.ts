// The layout of one mission's Y.Doc and the commands that change it. The only writer of mission content.
//
//   mission       Y.Map: the mission record
//   assessments   Y.Map: id → Y.Map (an assessment record)
//   notes         Y.Map: id → Y.Map
//   actions       Y.Map: id → Y.Map
//
// Inside each record, fields are laid out by src/domain/records/layout.ts and merge by the rules of docs/merge.md.
import * as Y from 'yjs';
import { MingaError } from '../domain/errors.ts';
import type { MissionId, RecordKind } from '../domain/ids.ts';
import type {
  ActionFields,
  ActionItem,
  Assessment,
  AssessmentFields,
  Mission,
  MissionFields,
  Note,
  NoteFields,
} from '../domain/model.ts';
import { SCHEMA_VERSION } from '../domain/model.ts';
import { isNewerSchema } from '../domain/rules.ts';
import type { TextEdit } from '../domain/textMerge.ts';
import { RECORD_FIELDS, type SchemaKind } from '../domain/schema/records.ts';
import { scanRecord as scan, type YRecord } from '../domain/records/layout.ts';
import { MISSION_ROOT, RECORD_ROOTS } from '../domain/records/mission.ts';
import { readFields } from '../domain/records/read.ts';
import { RecordWriter, initialiseRecord, type WriteStamp } from '../domain/records/write.ts';

export type { YRecord };

/** Marks local edits, so observers can tell them from loaded or remote updates. */
export const LOCAL_ORIGIN = Symbol('minga-local');

export interface Actor {
  name: string;
  /** The device's stable id (DeviceProfile.deviceId). */
  device: string;
}

export interface Stamp {
  actor: Actor;
  now: string;
}

export interface FieldsOf {
  mission: MissionFields;
  assessment: AssessmentFields;
  note: NoteFields;
  action: ActionFields;
}

/** The kinds of record a mission document holds (reviews are documents of their own). */
export type MissionRecordKind = keyof FieldsOf;

export interface RecordOf {
  assessment: Assessment;
  note: Note;
  action: ActionItem;
}

export function missionRoot(doc: Y.Doc): YRecord {
  return doc.getMap(MISSION_ROOT);
}

export function recordsRoot(doc: Y.Doc, kind: RecordKind): Y.Map<YRecord> {
  return doc.getMap(RECORD_ROOTS[kind]);
}

export function kindOfRoot(name: string): RecordKind | null {
  const entry = Object.entries(RECORD_ROOTS).find(([, root]) => root === name);
  return entry ? (entry[0] as RecordKind) : null;
}

function assertWritable(map: YRecord): void {
  const schema = map.get('schema');
  if (typeof schema === 'number' && isNewerSchema({ schema })) throw new MingaError('newerSchema');
}

export const writeStamp = (stamp: Stamp): WriteStamp => ({
  now: stamp.now,
  by: stamp.actor.name,
  device: stamp.actor.device,
});

export function readMission(doc: Y.Doc, id: MissionId): Mission | null {
  const root = missionRoot(doc);
  return root.size === 0 ? null : ({ ...readFields(scan(root), RECORD_FIELDS.mission), id } as Mission);
}

export function readRecord<K extends RecordKind>(kind: K, map: YRecord, id: string): RecordOf[K] {
  return { ...readFields(scan(map), RECORD_FIELDS[kind]), id } as unknown as RecordOf[K];
}

/** A stored entry read as a record; null when it is not a record at all (written by a broken device). */
export function readEntry<K extends RecordKind>(kind: K, entry: unknown, id: string): RecordOf[K] | null {
  return entry instanceof Y.Map ? readRecord(kind, entry as YRecord, id) : null;
}

function save<K extends keyof FieldsOf>(
  doc: Y.Doc,
  map: YRecord,
  kind: K,
  mine: Partial<FieldsOf[K]>,
  base: Partial<FieldsOf[K]> | null,
  stamp: Stamp,
): void {
  const writer = new RecordWriter(doc, map, RECORD_FIELDS[kind], writeStamp(stamp));
  if (writer.save(mine, base)) writer.touch();
}

function initialise(map: YRecord, kind: SchemaKind, stamp: Stamp): void {
  initialiseRecord(map, RECORD_FIELDS[kind], writeStamp(stamp), SCHEMA_VERSION);
}

export function createMission(doc: Y.Doc, fields: Partial<MissionFields>, stamp: Stamp): void {
  doc.transact(() => {
    const root = missionRoot(doc);
    initialise(root, 'mission', stamp);
    save(doc, root, 'mission', fields, null, stamp);
  }, LOCAL_ORIGIN);
}

/** `base`: the values the editing form started from; only what the user changed since is written (M11). */
export function updateMission(
  doc: Y.Doc,
  patch: Partial<MissionFields>,
  stamp: Stamp,
  base?: Partial<MissionFields>,
): void {
  const root = missionRoot(doc);
  assertWritable(root);
  doc.transact(() => save(doc, root, 'mission', patch, base ?? null, stamp), LOCAL_ORIGIN);
}

export function createRecord<K extends RecordKind>(
  doc: Y.Doc,
  kind: K,
  id: string,
  fields: Partial<FieldsOf[K]>,
  stamp: Stamp,
): void {
  doc.transact(() => {
    const map: YRecord = new Y.Map();
    recordsRoot(doc, kind).set(id, map);
    initialise(map, kind, stamp);
    save(doc, map, kind, fields, null, stamp);
  }, LOCAL_ORIGIN);
}

function existing(doc: Y.Doc, kind: RecordKind, id: string): YRecord {
  const map: unknown = recordsRoot(doc, kind).get(id);
  if (!(map instanceof Y.Map)) throw new MingaError('notFound');
  assertWritable(map as YRecord);
  return map as YRecord;
}

export function updateRecord<K extends RecordKind>(
  doc: Y.Doc,
  kind: K,
  id: string,
  patch: Partial<FieldsOf[K]>,
  stamp: Stamp,
  base?: Partial<FieldsOf[K]>,
): void {
  const map = existing(doc, kind, id);
  doc.transact(() => save(doc, map, kind, patch, base ?? null, stamp), LOCAL_ORIGIN);
}

/** One edit typed into part of a record's long text (see RecordWriter.editText). */
export function editRecordText(
  doc: Y.Doc,
  kind: RecordKind,
  id: string,
  name: string,
  edit: TextEdit,
  stamp: Stamp,
): void {
  const map = existing(doc, kind, id);
  doc.transact(() => {
    const writer = new RecordWriter(doc, map, RECORD_FIELDS[kind], writeStamp(stamp));
    writer.editText(name, edit);
    writer.touch();
  }, LOCAL_ORIGIN);
}

/** Settles a field two devices changed at once (M2): `path` as in FieldMarks, `value` the one to keep. */
export function settleField(
  doc: Y.Doc,
  map: YRecord,
  kind: SchemaKind,
  path: string,
  value: unknown,
  stamp: Stamp,
) {
  assertWritable(map);
  doc.transact(() => {
    const writer = new RecordWriter(doc, map, RECORD_FIELDS[kind], writeStamp(stamp));
    writer.writeRegister(path, value);
    writer.touch();
  }, LOCAL_ORIGIN);
}

function writeDeleted(doc: Y.Doc, map: YRecord, kind: SchemaKind, deleted: boolean, stamp: Stamp): void {
  doc.transact(() => {
    const writer = new RecordWriter(doc, map, RECORD_FIELDS[kind], writeStamp(stamp));
    writer.writeRegister('deletedAt', deleted ? stamp.now : null);
    writer.touch();
  }, LOCAL_ORIGIN);
}

/** Soft delete: the record stays in the document, so a concurrent edit to it is kept and it can be restored. */
export function setDeleted(doc: Y.Doc, kind: RecordKind, id: string, deleted: boolean, stamp: Stamp): void {
  writeDeleted(doc, existing(doc, kind, id), kind, deleted, stamp);
}

export function setMissionDeleted(doc: Y.Doc, deleted: boolean, stamp: Stamp): void {
  const root = missionRoot(doc);
  assertWritable(root);
  writeDeleted(doc, root, 'mission', deleted, stamp);
}
