// A mission's review: the coordinator's decision and comments, kept apart from the mission (see architecture).
import type { AccountRole } from './access.ts';
import type { ActionId, AssessmentId, MissionId, NoteId } from './ids.ts';
import type { FieldErrors } from './fieldErrors.ts';
import type { FieldMarks } from './marks.ts';

export type ReviewDecision = 'pending' | 'approved' | 'changesRequested';

export const REVIEW_DECISIONS: readonly ReviewDecision[] = ['pending', 'approved', 'changesRequested'];

/**
 * Bumped when the stored shape of a decision or comment changes; newer records are shown, never rewritten.
 * 2: fields laid out as the record schema lays them out (docs/merge.md); version 1 is read beneath (M9).
 */
export const REVIEW_SCHEMA_VERSION = 2;

export const MAX_REVIEW_TEXT = 4000;

export type CommentId = string & { readonly __brand: 'CommentId' };

export interface DecisionRecord {
  decision: ReviewDecision;
  /** The reviewer's name, as their device profile gives it. */
  by: string;
  /** ISO date-time. */
  at: string;
  note?: string;
  /** Two coordinators deciding at once: both decisions are kept and shown until one is chosen (M2). */
  marks: FieldMarks;
}

export type CommentTarget =
  | { kind: 'mission'; id: MissionId }
  | { kind: 'assessment'; id: AssessmentId }
  | { kind: 'note'; id: NoteId }
  | { kind: 'action'; id: ActionId };

export type CommentTargetKind = CommentTarget['kind'];

export const COMMENT_TARGET_KINDS: readonly CommentTargetKind[] = ['mission', 'assessment', 'note', 'action'];

export interface ReviewComment {
  id: CommentId;
  target: CommentTarget;
  text: string;
  by: string;
  at: string;
  /** Soft delete, like every record: a comment deleted on one device and answered on another is not lost. */
  deletedAt: string | null;
  schema: number;
  marks: FieldMarks;
}

export interface ReviewSnapshot {
  decision: DecisionRecord | null;
  /** Every comment, deleted ones included, newest first. */
  comments: ReviewComment[];
}

/** The review of mission `id` is its own document, so the server can let technicians read it but not write it. */
export function reviewDocName(id: MissionId): string {
  return `review:${id}`;
}

/** Written by a newer app version: shown, never rewritten into an older shape. */
export function isNewerReviewSchema(schema: number): boolean {
  return schema > REVIEW_SCHEMA_VERSION;
}

export function isReviewDecision(value: unknown): value is ReviewDecision {
  return typeof value === 'string' && (REVIEW_DECISIONS as readonly string[]).includes(value);
}

export function isCommentTargetKind(value: unknown): value is CommentTargetKind {
  return typeof value === 'string' && (COMMENT_TARGET_KINDS as readonly string[]).includes(value);
}

/**
 * The server lets only coordinators write `review:*`; anyone else's edit would stay on the device forever as
 * "not yet on the server". A device never signed in (null) has no review to write to.
 */
export function mayWriteReview(role: AccountRole | null): boolean {
  return role === 'coordinator';
}

/** What is stored: surrounding blank space is not part of what the reviewer meant. */
export function normalizeReviewText(text: string): string {
  return text.trim();
}

export function validateComment(text: string): FieldErrors {
  const errors: FieldErrors = {};
  const normalized = normalizeReviewText(text);
  if (normalized === '') errors.text = 'required';
  else if (normalized.length > MAX_REVIEW_TEXT) errors.text = 'tooLong';
  return errors;
}

/** The note that goes with a decision is optional. */
export function validateDecisionNote(note: string): FieldErrors {
  const errors: FieldErrors = {};
  if (normalizeReviewText(note).length > MAX_REVIEW_TEXT) errors.note = 'tooLong';
  return errors;
}

/** Newest first; comments made in the same millisecond keep one order on every device. */
export function newestFirst(a: ReviewComment, b: ReviewComment): number {
  return b.at.localeCompare(a.at) || a.id.localeCompare(b.id);
}
