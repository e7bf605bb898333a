// A review state as the desk names it: a decision in the review's own words, or "Not reviewed".
import { useCallback } from 'preact/hooks';
import type { ReviewDecision } from '../../../domain/review.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { deskScreenMessages } from '../../i18n/messages/deskScreen.ts';
import { reviewMessages } from '../../i18n/messages/review.ts';

export function useReviewLabel(): (decision: ReviewDecision | null) => string {
  const desk = useMessages(deskScreenMessages);
  const review = useMessages(reviewMessages);
  return useCallback(
    (decision: ReviewDecision | null) =>
      decision === null ? desk('desk.review.none') : review(`review.decision.${decision}`),
    [desk, review],
  );
}
