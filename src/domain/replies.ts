// Replies to a review's comments and "done" marks. They live in the mission document, which every member may
// write, never in the review document, which only coordinators write: a technician answers and marks a requested
// change as done, but no write of theirs can reach a decision (docs/merge.md M14).
import * as v from 'valibot';
import { normalizeReviewText, type CommentId } from './review.ts';
import type { FieldErrors } from './fieldErrors.ts';
import { rowId } from './schema/values.ts';

/** The mission document's top-level map: reply id → one reply, written once (only `deletedAt` may change). */
export const REPLIES_ROOT = 'reviewReplies';

export const MAX_REPLY_TEXT = 2000;
/** Shown per comment: a device flooding a thread cannot make a screen slow; the newest are kept. */
export const MAX_REPLIES_PER_COMMENT = 200;
const MAX_NAME = 200;

export type ReplyId = string & { readonly __brand: 'ReplyId' };

export interface ReviewReply {
  id: ReplyId;
  commentId: CommentId;
  /** Empty for a reply that only marks the comment done or not done. */
  text: string;
  by: string;
  /** ISO date-time. */
  at: string;
  /** Whether the requested change is done, as the author saw it when writing: the newest reply decides. */
  done: boolean;
  deletedAt: string | null;
}

const isoDateTime = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check((s) => !Number.isNaN(Date.parse(s))),
);

/** What another device stored is read through this: anything else is ignored, never shown half-read. */
export const ReplySchema = v.object({
  commentId: rowId,
  text: v.pipe(v.string(), v.maxLength(MAX_REPLY_TEXT)),
  by: v.pipe(v.string(), v.maxLength(MAX_NAME)),
  at: isoDateTime,
  done: v.boolean(),
  deletedAt: v.nullable(isoDateTime),
});

export type StoredReply = v.InferOutput<typeof ReplySchema>;

/** One stored entry as a reply, or null when it is not one (wrong shape, too long, bad id or date). */
export function readReply(id: string, value: unknown): ReviewReply | null {
  if (!v.is(rowId, id)) return null;
  const parsed = v.safeParse(ReplySchema, value);
  if (!parsed.success) return null;
  return { ...parsed.output, id: id as ReplyId, commentId: parsed.output.commentId as CommentId };
}

/** Oldest first; replies written in the same millisecond keep one order on every device. */
export function oldestFirst(a: ReviewReply, b: ReviewReply): number {
  return a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
}

/** Every entry of the map, grouped by comment, oldest first, at most MAX_REPLIES_PER_COMMENT (the newest). */
export function groupReplies(entries: Iterable<[string, unknown]>): Map<CommentId, ReviewReply[]> {
  const threads = new Map<CommentId, ReviewReply[]>();
  for (const [id, value] of entries) {
    const reply = readReply(id, value);
    if (!reply) continue;
    const thread = threads.get(reply.commentId) ?? [];
    thread.push(reply);
    threads.set(reply.commentId, thread);
  }
  for (const [id, thread] of threads) {
    thread.sort(oldestFirst);
    if (thread.length > MAX_REPLIES_PER_COMMENT) threads.set(id, thread.slice(-MAX_REPLIES_PER_COMMENT));
  }
  return threads;
}

export interface DoneState {
  done: boolean;
  /** Who marked it done and when: the first reply of the newest run of "done" replies. */
  by: string;
  at: string;
}

/** Whether a comment's requested change is done: the newest reply (deleted ones included) says so. */
export function doneState(thread: readonly ReviewReply[]): DoneState | null {
  const last = thread.at(-1);
  if (!last?.done) return null;
  let first = last;
  for (let i = thread.length - 1; i >= 0 && thread[i]!.done; i--) first = thread[i]!;
  return { done: true, by: first.by, at: first.at };
}

/**
 * Whether `name` (this device's user) may delete the reply: only its author, and only a reply with text; a
 * "done" mark is undone by another mark, never deleted, since the newest one decides.
 */
export function mayDeleteReply(reply: ReviewReply, name: string): boolean {
  return (
    reply.deletedAt === null && reply.text !== '' && reply.by !== '' && reply.by === name.slice(0, MAX_NAME)
  );
}

export function validateReply(text: string): FieldErrors {
  const errors: FieldErrors = {};
  const normalized = normalizeReviewText(text);
  if (normalized === '') errors.text = 'required';
  else if (normalized.length > MAX_REPLY_TEXT) errors.text = 'tooLong';
  return errors;
}

/** The stored value of a new reply; `text` already validated and trimmed, or empty for a done mark alone. */
export function newReply(
  commentId: CommentId,
  text: string,
  done: boolean,
  by: string,
  at: string,
): StoredReply {
  return { commentId, text, by: by.slice(0, MAX_NAME), at, done, deletedAt: null };
}
