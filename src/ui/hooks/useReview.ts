// Opens one mission's review document while the component shows it, and re-renders on every change.
import { useEffect, useState } from 'preact/hooks';
import { toMingaError, type MingaError } from '../../domain/errors.ts';
import type { MissionId } from '../../domain/ids.ts';
import type { ReviewSnapshot } from '../../domain/review.ts';
import { acquireReview, releaseReview, type OpenReview } from '../../storage/reviewStore.ts';

export interface ReviewState {
  review: OpenReview | null;
  snapshot: ReviewSnapshot | null;
  error: MingaError | null;
}

const CLOSED: ReviewState = { review: null, snapshot: null, error: null };

/** `id` null: nothing is opened (a device not signed in has no review to show). */
export function useReview(id: MissionId | null): ReviewState {
  const [state, setState] = useState<ReviewState>(CLOSED);

  useEffect(() => {
    setState(CLOSED);
    if (!id) return;
    let cancelled = false;
    let unsubscribe = () => {};
    acquireReview(id).then(
      (review) => {
        if (cancelled) return;
        const publish = () => setState({ review, snapshot: review.view.snapshot(), error: null });
        unsubscribe = review.view.subscribe(publish);
        publish();
      },
      (error: unknown) => !cancelled && setState({ ...CLOSED, error: toMingaError(error) }),
    );
    return () => {
      cancelled = true;
      unsubscribe();
      releaseReview(id);
    };
  }, [id]);

  return state;
}
