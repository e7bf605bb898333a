// The layout of one mission's review document (`review:<missionId>`), its read model and its low-level writes.
//
//   decision  Y.Map: the decision record (decision, note), laid out like any record (domain/records)
//   comments  Y.Map: comment id → Y.Map (a comment record: target, text, deletedAt)
//
// A decision always writes both of its fields: two coordinators deciding at once then leave both decisions in the
// document, one shown with a mark until someone chooses (docs/merge.md M2), never one's verdict with the other's
// note. Comments are keyed by id, so two coordinators commenting offline both keep theirs. Version-1 reviews
// (plain keys: decision, by, at, note; comments with target, text, by, at) are read beneath (M9).
import * as Y from 'yjs';
import { MingaError } from '../domain/errors.ts';
import {
  isNewerReviewSchema,
  newestFirst,
  REVIEW_SCHEMA_VERSION,
  type CommentId,
  type CommentTarget,
  type DecisionRecord,
  type ReviewComment,
  type ReviewDecision,
  type ReviewSnapshot,
} from '../domain/review.ts';
import { COMMENT_FIELDS, DECISION_FIELDS } from '../domain/schema/records.ts';
import { LOCAL_ORIGIN, writeStamp, type Stamp } from './missionDoc.ts';
import { scanRecord, type YRecord } from '../domain/records/layout.ts';
import { laterFirst, parseWrite, readFields } from '../domain/records/read.ts';
import { RecordWriter, initialiseRecord } from '../domain/records/write.ts';

export const DECISION_ROOT = 'decision';
export const COMMENTS_ROOT = 'comments';

export function decisionRoot(doc: Y.Doc): YRecord {
  return doc.getMap(DECISION_ROOT);
}

export function commentsRoot(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap(COMMENTS_ROOT);
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const isoOf = (at: number): string => (at < 0 ? '' : new Date(at).toISOString());

export function readDecision(doc: Y.Doc): DecisionRecord | null {
  const scan = scanRecord(decisionRoot(doc));
  const writes = (scan.writes.get('decision') ?? []).map(parseWrite).sort(laterFirst);
  if (writes.length === 0 && !scan.plain.has('decision')) return null;
  const read = readFields(scan, DECISION_FIELDS);
  // A verdict this version does not know is no decision it can show.
  if ('decision' in read.marks.invalid) return null;
  const shown = writes[0];
  const record: DecisionRecord = {
    decision: read.decision as ReviewDecision,
    by: shown ? shown.by : str(scan.plain.get('by')),
    at: shown ? isoOf(shown.at) : str(scan.plain.get('at')),
    marks: read.marks,
  };
  if (read.note !== '') record.note = read.note as string;
  return record;
}

/** A comment as stored, or null when it is not one this version can show (no target or no text). */
export function readComment(id: string, map: YRecord): ReviewComment | null {
  const scan = scanRecord(map);
  const read = readFields(scan, COMMENT_FIELDS);
  const target = read.target as { kind: CommentTarget['kind']; id: string };
  const text = read.text as string;
  if (target.id === '' || 'target.kind' in read.marks.invalid || text === '') return null;
  return {
    id: id as CommentId,
    target: { kind: target.kind, id: target.id } as CommentTarget,
    text,
    by: read.createdBy || str(scan.plain.get('by')),
    at: read.createdAt || str(scan.plain.get('at')),
    deletedAt: read.deletedAt,
    schema: read.schema,
    marks: read.marks,
  };
}

export function readReview(doc: Y.Doc): ReviewSnapshot {
  const comments: ReviewComment[] = [];
  commentsRoot(doc).forEach((map, id) => {
    const comment = map instanceof Y.Map ? readComment(id, map) : null;
    if (comment) comments.push(comment);
  });
  return { decision: readDecision(doc), comments: comments.sort(newestFirst) };
}

function assertWritable(schema: unknown): void {
  if (typeof schema === 'number' && isNewerReviewSchema(schema)) throw new MingaError('newerSchema');
}

/** `note` is already validated and trimmed; empty means none. */
export function writeDecision(doc: Y.Doc, decision: ReviewDecision, note: string, stamp: Stamp): void {
  const root = decisionRoot(doc);
  assertWritable(root.get('schema'));
  doc.transact(() => {
    const writer = new RecordWriter(doc, root, DECISION_FIELDS, writeStamp(stamp));
    writer.writeRegister('decision', decision);
    writer.writeRegister('note', note);
    writer.touch(REVIEW_SCHEMA_VERSION);
  }, LOCAL_ORIGIN);
}

/** `text` is already validated and trimmed. */
export function writeComment(
  doc: Y.Doc,
  id: CommentId,
  target: CommentTarget,
  text: string,
  stamp: Stamp,
): void {
  doc.transact(() => {
    const map: YRecord = new Y.Map();
    commentsRoot(doc).set(id, map);
    initialiseRecord(map, COMMENT_FIELDS, writeStamp(stamp), REVIEW_SCHEMA_VERSION);
    const writer = new RecordWriter(doc, map, COMMENT_FIELDS, writeStamp(stamp));
    writer.save({ target: { kind: target.kind, id: target.id }, text }, null);
    writer.touch(REVIEW_SCHEMA_VERSION);
  }, LOCAL_ORIGIN);
}

/** Soft delete: the comment stays in the document and can be restored. */
export function writeCommentDeleted(doc: Y.Doc, id: CommentId, deleted: boolean, stamp: Stamp): void {
  const map = commentsRoot(doc).get(id);
  if (!(map instanceof Y.Map)) throw new MingaError('notFound');
  assertWritable(map.get('schema'));
  doc.transact(() => {
    const writer = new RecordWriter(doc, map, COMMENT_FIELDS, writeStamp(stamp));
    writer.writeRegister('deletedAt', deleted ? stamp.now : null);
    writer.touch(REVIEW_SCHEMA_VERSION);
  }, LOCAL_ORIGIN);
}

/** Plain snapshots for the UI, recomputed only after the document changed. */
export class ReviewView {
  private readonly doc: Y.Doc;
  private current: ReviewSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly detach: (() => void)[] = [];

  constructor(doc: Y.Doc) {
    this.doc = doc;
    const onChange = () => {
      this.current = null;
      this.listeners.forEach((listener) => listener());
    };
    for (const root of [decisionRoot(doc), commentsRoot(doc)]) {
      root.observeDeep(onChange);
      this.detach.push(() => root.unobserveDeep(onChange));
    }
  }

  snapshot(): ReviewSnapshot {
    this.current ??= readReview(this.doc);
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.detach.forEach((undo) => undo());
    this.listeners.clear();
  }
}
