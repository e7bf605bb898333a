// Review rules: what a comment or a decision note may hold, and who may write a review.
import { describe, expect, it } from 'vitest';
import {
  MAX_REVIEW_TEXT,
  mayWriteReview,
  newestFirst,
  normalizeReviewText,
  reviewDocName,
  validateComment,
  validateDecisionNote,
  type CommentId,
  type ReviewComment,
} from '../../../src/domain/review.ts';
import type { MissionId } from '../../../src/domain/ids.ts';

describe('review comment validation', () => {
  it('requires some text: empty or only blank space is refused', () => {
    expect(validateComment('')).toEqual({ text: 'required' });
    expect(validateComment('  \n\t ')).toEqual({ text: 'required' });
    expect(validateComment('Falta el croquis del barrio.')).toEqual({});
  });

  it('accepts up to 4000 characters, counted after trimming', () => {
    expect(validateComment('a'.repeat(MAX_REVIEW_TEXT))).toEqual({});
    expect(validateComment(`  ${'a'.repeat(MAX_REVIEW_TEXT)}\n\n`)).toEqual({});
    expect(validateComment('a'.repeat(MAX_REVIEW_TEXT + 1))).toEqual({ text: 'tooLong' });
  });

  it('stores the text without surrounding blank space, keeping inner line breaks', () => {
    expect(normalizeReviewText('\n  Revisar la parroquia.\nY el croquis.  \n')).toBe(
      'Revisar la parroquia.\nY el croquis.',
    );
  });
});

describe('decision note validation', () => {
  it('is optional but limited to 4000 characters', () => {
    expect(validateDecisionNote('')).toEqual({});
    expect(validateDecisionNote('   ')).toEqual({});
    expect(validateDecisionNote('a'.repeat(MAX_REVIEW_TEXT))).toEqual({});
    expect(validateDecisionNote('a'.repeat(MAX_REVIEW_TEXT + 1))).toEqual({ note: 'tooLong' });
  });
});

describe('review access and order', () => {
  it('lets only a coordinator write a review', () => {
    expect(mayWriteReview('coordinator')).toBe(true);
    expect(mayWriteReview('technician')).toBe(false);
    expect(mayWriteReview('observer')).toBe(false);
    expect(mayWriteReview(null)).toBe(false);
  });

  it('names the review document after its mission', () => {
    const id = '0b8f9c2e-3c1a-4c8e-9a51-2f0d8b1e4a11' as MissionId;
    expect(reviewDocName(id)).toBe(`review:${id}`);
  });

  it('sorts comments newest first, ties in one order on every device', () => {
    const comment = (id: string, at: string) => ({ id: id as CommentId, at }) as ReviewComment;
    const sorted = [
      comment('b', '2024-05-01T10:00:00.000Z'),
      comment('c', '2024-05-02T09:00:00.000Z'),
      comment('a', '2024-05-01T10:00:00.000Z'),
    ].sort(newestFirst);
    expect(sorted.map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });
});
