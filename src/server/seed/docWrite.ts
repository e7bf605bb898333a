// Writes demo records into mission and review documents with the domain's record writer, the one the app's
// storage commands use (src/storage/missionDoc.ts createMission/createRecord, reviewDoc.ts writeDecision and
// writeComment): the same layout, field by field, so the app reads seeded records as records its devices wrote.
// The server may not import src/storage (imports point one way), so these are those commands' few lines over the
// same writer; tests/server/seed.test.ts reads what they write through src/storage's MissionView and readReview.
import * as Y from 'yjs';
import type { RecordKind } from '../../domain/ids.ts';
import type { AssessmentFields, MissionFields, NoteFields, ActionFields } from '../../domain/model.ts';
import { MISSION_ROOT, RECORD_ROOTS } from '../../domain/records/mission.ts';
import type { YRecord } from '../../domain/records/layout.ts';
import { RecordWriter, initialiseRecord, type WriteStamp } from '../../domain/records/write.ts';
import { REVIEW_SCHEMA_VERSION, type CommentTarget, type ReviewDecision } from '../../domain/review.ts';
import type { RecordFields } from '../../domain/schema/fields.ts';
import {
  COMMENT_FIELDS,
  DECISION_FIELDS,
  RECORD_FIELDS,
  SCHEMA_VERSION,
} from '../../domain/schema/records.ts';

/** The roots of a review document, as src/storage/reviewDoc.ts lays it out. */
const DECISION_ROOT = 'decision';
const COMMENTS_ROOT = 'comments';

interface FieldsOf {
  assessment: AssessmentFields;
  note: NoteFields;
  action: ActionFields;
}

function write(
  doc: Y.Doc,
  map: YRecord,
  fields: RecordFields,
  values: object,
  stamp: WriteStamp,
  version: number,
) {
  initialiseRecord(map, fields, stamp, version);
  const writer = new RecordWriter(doc, map, fields, stamp);
  if (writer.save(values as Record<string, unknown>, null)) writer.touch(version);
}

export function writeMission(doc: Y.Doc, fields: Partial<MissionFields>, stamp: WriteStamp): void {
  doc.transact(() =>
    write(doc, doc.getMap(MISSION_ROOT), RECORD_FIELDS.mission, fields, stamp, SCHEMA_VERSION),
  );
}

export function writeRecord<K extends RecordKind>(
  doc: Y.Doc,
  kind: K,
  id: string,
  fields: Partial<FieldsOf[K]>,
  stamp: WriteStamp,
): void {
  doc.transact(() => {
    const map: YRecord = new Y.Map();
    doc.getMap<YRecord>(RECORD_ROOTS[kind]).set(id, map);
    write(doc, map, RECORD_FIELDS[kind], fields, stamp, SCHEMA_VERSION);
  });
}

/** A decision writes both of its fields, as the app's does (reviewDoc.ts writeDecision). */
export function writeDecision(doc: Y.Doc, decision: ReviewDecision, note: string, stamp: WriteStamp): void {
  doc.transact(() => {
    const writer = new RecordWriter(doc, doc.getMap(DECISION_ROOT), DECISION_FIELDS, stamp);
    writer.writeRegister('decision', decision);
    writer.writeRegister('note', note);
    writer.touch(REVIEW_SCHEMA_VERSION);
  });
}

export function writeComment(doc: Y.Doc, id: string, target: CommentTarget, text: string, stamp: WriteStamp) {
  doc.transact(() => {
    const map: YRecord = new Y.Map();
    doc.getMap<YRecord>(COMMENTS_ROOT).set(id, map);
    initialiseRecord(map, COMMENT_FIELDS, stamp, REVIEW_SCHEMA_VERSION);
    const writer = new RecordWriter(doc, map, COMMENT_FIELDS, stamp);
    writer.save({ target: { kind: target.kind, id: target.id }, text }, null);
    writer.touch(REVIEW_SCHEMA_VERSION);
  });
}
