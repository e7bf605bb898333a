// The layout of one mission's Y.Doc and the commands that change it. The only writer of mission content.
import * as Y from 'yjs';
import { MingaError } from '../domain/errors.ts';
import type { MissionId, RecordKind } from '../domain/ids.ts';
import type { ActionItem, Assessment, Mission, Note } from '../domain/model.ts';
import { SCHEMA_VERSION } from '../domain/model.ts';
import { isNewerSchema } from '../domain/rules.ts';
import { toAction, toAssessment, toMission, toNote } from './normalize.ts';
import { toPlain, writeFields, type YRecord } from './yrecords.ts';

/** Fields kept as Y.Text so that two people's edits merge character by character. */
export const LONG_TEXT_FIELDS = {
  mission: ['torText', 'objectives'],
  assessment: ['gaps', 'recommendations'],
  note: ['text'],
  action: [],
} as const satisfies Record<RecordKind | 'mission', readonly string[]>;

const ROOT: Record<RecordKind, string> = { assessment: 'assessments', note: 'notes', action: 'actions' };

/** Marks local edits, so observers can tell them from loaded or remote updates. */
export const LOCAL_ORIGIN = Symbol('minga-local');

export interface Actor {
  name: string;
}

export interface Stamp {
  actor: Actor;
  now: string;
}

export function missionRoot(doc: Y.Doc): YRecord {
  return doc.getMap('mission');
}

export function recordsRoot(doc: Y.Doc, kind: RecordKind): Y.Map<YRecord> {
  return doc.getMap(ROOT[kind]);
}

export function kindOfRoot(name: string): RecordKind | null {
  const entry = Object.entries(ROOT).find(([, root]) => root === name);
  return entry ? (entry[0] as RecordKind) : null;
}

function assertWritable(map: YRecord): void {
  const schema = map.get('schema');
  if (typeof schema === 'number' && isNewerSchema({ schema })) throw new MingaError('newerSchema');
}

export function readMission(doc: Y.Doc, id: MissionId): Mission | null {
  const root = missionRoot(doc);
  return root.size === 0 ? null : toMission(id, toPlain(root));
}

export function readRecord(kind: 'assessment', map: YRecord, id: string): Assessment;
export function readRecord(kind: 'note', map: YRecord, id: string): Note;
export function readRecord(kind: 'action', map: YRecord, id: string): ActionItem;
export function readRecord(kind: RecordKind, map: YRecord, id: string): Assessment | Note | ActionItem;
export function readRecord(kind: RecordKind, map: YRecord, id: string): Assessment | Note | ActionItem {
  const raw = toPlain(map);
  if (kind === 'assessment') return toAssessment(id, raw);
  if (kind === 'note') return toNote(id, raw);
  return toAction(id, raw);
}

export function createMission(doc: Y.Doc, fields: Record<string, unknown>, stamp: Stamp): void {
  doc.transact(() => {
    const root = missionRoot(doc);
    writeFields(root, newMeta(stamp), []);
    writeFields(root, fields, LONG_TEXT_FIELDS.mission);
  }, LOCAL_ORIGIN);
}

/** `base`: the values the editing form started from (see writeFields), so a colleague's list edits survive. */
export function updateMission(doc: Y.Doc, patch: Record<string, unknown>, stamp: Stamp, base?: object): void {
  const root = missionRoot(doc);
  assertWritable(root);
  doc.transact(() => {
    if (writeFields(root, patch, LONG_TEXT_FIELDS.mission, base)) touch(root, stamp);
  }, LOCAL_ORIGIN);
}

export function createRecord(
  doc: Y.Doc,
  kind: RecordKind,
  id: string,
  fields: Record<string, unknown>,
  stamp: Stamp,
): void {
  doc.transact(() => {
    const map: YRecord = new Y.Map();
    recordsRoot(doc, kind).set(id, map);
    writeFields(map, newMeta(stamp), []);
    writeFields(map, fields, LONG_TEXT_FIELDS[kind]);
  }, LOCAL_ORIGIN);
}

function existing(doc: Y.Doc, kind: RecordKind, id: string): YRecord {
  const map = recordsRoot(doc, kind).get(id);
  if (!map) throw new MingaError('notFound');
  assertWritable(map);
  return map;
}

export function updateRecord(
  doc: Y.Doc,
  kind: RecordKind,
  id: string,
  patch: Record<string, unknown>,
  stamp: Stamp,
  base?: object,
): void {
  const map = existing(doc, kind, id);
  doc.transact(() => {
    if (writeFields(map, patch, LONG_TEXT_FIELDS[kind], base)) touch(map, stamp);
  }, LOCAL_ORIGIN);
}

/** Soft delete: the record stays in the document, so a concurrent edit to it is kept and it can be restored. */
export function setDeleted(doc: Y.Doc, kind: RecordKind, id: string, deleted: boolean, stamp: Stamp): void {
  const map = existing(doc, kind, id);
  doc.transact(() => {
    map.set('deletedAt', deleted ? stamp.now : null);
    touch(map, stamp);
  }, LOCAL_ORIGIN);
}

function newMeta(stamp: Stamp): Record<string, unknown> {
  return {
    schema: SCHEMA_VERSION,
    createdAt: stamp.now,
    createdBy: stamp.actor.name,
    updatedAt: stamp.now,
    updatedBy: stamp.actor.name,
    deletedAt: null,
  };
}

function touch(map: YRecord, stamp: Stamp): void {
  map.set('updatedAt', stamp.now);
  map.set('updatedBy', stamp.actor.name);
}
