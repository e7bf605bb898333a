// The commands that change a review: only a coordinator's device calls them, with validated text.
import type { AccountRole } from '../domain/access.ts';
import { MingaError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { DeviceProfile } from '../domain/model.ts';
import {
  mayWriteReview,
  normalizeReviewText,
  validateComment,
  validateDecisionNote,
  type CommentId,
  type CommentTarget,
  type ReviewDecision,
} from '../domain/review.ts';
import { hasErrors } from '../domain/validation.ts';
import { stampFor } from './commands.ts';
import { writeComment, writeCommentDeleted, writeDecision } from './reviewDoc.ts';
import type { OpenReview } from './reviewStore.ts';

/**
 * The server drops a technician's or observer's writes to a review; made anyway, they would wait on the
 * device forever as "not yet on the server". Screens never offer them: reaching here is a programming error.
 */
function assertReviewer(role: AccountRole | null): void {
  if (!mayWriteReview(role))
    throw new Error(`review: a ${role ?? 'signed-out'} device may not write reviews`);
}

export function setDecision(
  review: OpenReview,
  input: { decision: ReviewDecision; note: string },
  profile: Pick<DeviceProfile, 'name' | 'deviceId'>,
  role: AccountRole | null,
): void {
  assertReviewer(role);
  if (hasErrors(validateDecisionNote(input.note))) throw new MingaError('invalid');
  writeDecision(review.doc, input.decision, normalizeReviewText(input.note), stampFor(profile));
}

export function addComment(
  review: OpenReview,
  input: { target: CommentTarget; text: string },
  profile: Pick<DeviceProfile, 'name' | 'deviceId'>,
  role: AccountRole | null,
): CommentId {
  assertReviewer(role);
  if (hasErrors(validateComment(input.text))) throw new MingaError('invalid');
  const id = newId<CommentId>();
  writeComment(review.doc, id, input.target, normalizeReviewText(input.text), stampFor(profile));
  return id;
}

/** Soft delete: the comment leaves the list but stays in the document, and restoreComment brings it back. */
export function deleteComment(
  review: OpenReview,
  id: CommentId,
  profile: Pick<DeviceProfile, 'name' | 'deviceId'>,
  role: AccountRole | null,
): void {
  assertReviewer(role);
  writeCommentDeleted(review.doc, id, true, stampFor(profile));
}

export function restoreComment(
  review: OpenReview,
  id: CommentId,
  profile: Pick<DeviceProfile, 'name' | 'deviceId'>,
  role: AccountRole | null,
): void {
  assertReviewer(role);
  writeCommentDeleted(review.doc, id, false, stampFor(profile));
}
