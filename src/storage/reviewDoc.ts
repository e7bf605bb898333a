// The layout of one mission's review document (`review:<missionId>`), its read model and its low-level writes.
//
//   decision  Y.Map: schema, decision, by, at, note — one field per key, last writer wins
//   comments  Y.Map: comment id → Y.Map (schema, target, text, by, at, updatedAt, updatedBy, deletedAt)
//
// Every decision writes all of its fields, note included (null when there is none): two coordinators deciding
// at once then leave one whole decision, never one's verdict with the other's note. Comments are keyed by id,
// so two coordinators commenting offline both keep theirs.
import * as Y from 'yjs';
import { MingaError } from '../domain/errors.ts';
import {
  isCommentTargetKind,
  isNewerReviewSchema,
  isReviewDecision,
  newestFirst,
  REVIEW_SCHEMA_VERSION,
  type CommentId,
  type CommentTarget,
  type DecisionRecord,
  type ReviewComment,
  type ReviewDecision,
  type ReviewSnapshot,
} from '../domain/review.ts';
import { LOCAL_ORIGIN, type Stamp } from './missionDoc.ts';

type YRecord = Y.Map<unknown>;

export const DECISION_ROOT = 'decision';
export const COMMENTS_ROOT = 'comments';

export function decisionRoot(doc: Y.Doc): YRecord {
  return doc.getMap(DECISION_ROOT);
}

export function commentsRoot(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap(COMMENTS_ROOT);
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const schemaOf = (value: unknown): number => (typeof value === 'number' ? value : REVIEW_SCHEMA_VERSION);

export function readDecision(doc: Y.Doc): DecisionRecord | null {
  const root = decisionRoot(doc);
  const decision = root.get('decision');
  if (!isReviewDecision(decision)) return null;
  const note = root.get('note');
  const record: DecisionRecord = { decision, by: str(root.get('by')), at: str(root.get('at')) };
  if (typeof note === 'string' && note !== '') record.note = note;
  return record;
}

function readTarget(value: unknown): CommentTarget | null {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (!isCommentTargetKind(raw.kind) || typeof raw.id !== 'string' || raw.id === '') return null;
  return { kind: raw.kind, id: raw.id } as CommentTarget;
}

/** A comment as stored, or null when it is not one this version can show (no target or no text). */
export function readComment(id: string, map: YRecord): ReviewComment | null {
  const target = readTarget(map.get('target'));
  const text = str(map.get('text'));
  if (!target || text === '') return null;
  const deletedAt = map.get('deletedAt');
  return {
    id: id as CommentId,
    target,
    text,
    by: str(map.get('by')),
    at: str(map.get('at')),
    deletedAt: typeof deletedAt === 'string' ? deletedAt : null,
    schema: schemaOf(map.get('schema')),
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
    root.set('schema', REVIEW_SCHEMA_VERSION);
    root.set('decision', decision);
    root.set('by', stamp.actor.name);
    root.set('at', stamp.now);
    root.set('note', note === '' ? null : note);
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
    map.set('schema', REVIEW_SCHEMA_VERSION);
    map.set('target', { kind: target.kind, id: target.id });
    map.set('text', text);
    map.set('by', stamp.actor.name);
    map.set('at', stamp.now);
    map.set('updatedAt', stamp.now);
    map.set('updatedBy', stamp.actor.name);
    map.set('deletedAt', null);
  }, LOCAL_ORIGIN);
}

/** Soft delete: the comment stays in the document and can be restored. */
export function writeCommentDeleted(doc: Y.Doc, id: CommentId, deleted: boolean, stamp: Stamp): void {
  const map = commentsRoot(doc).get(id);
  if (!(map instanceof Y.Map)) throw new MingaError('notFound');
  assertWritable(map.get('schema'));
  doc.transact(() => {
    map.set('deletedAt', deleted ? stamp.now : null);
    map.set('updatedAt', stamp.now);
    map.set('updatedBy', stamp.actor.name);
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
