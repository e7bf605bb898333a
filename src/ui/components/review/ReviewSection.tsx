// A mission's review on its screen: the decision and the comments for everyone signed in, the controls for
// coordinators only (the server lets no one else write a review).
import { useState } from 'preact/hooks';
import { toMingaError, type MingaError } from '../../../domain/errors.ts';
import type { MissionId } from '../../../domain/ids.ts';
import { mayWriteReview, type CommentId } from '../../../domain/review.ts';
import { mayEditMissions } from '../../../domain/access.ts';
import type { OpenMission } from '../../../storage/docStore.ts';
import type { MissionSnapshot } from '../../../storage/missionView.ts';
import { deleteComment, restoreComment } from '../../../storage/reviewCommands.ts';
import { useProfile } from '../../appContext.ts';
import { useAccountRole } from '../../hooks/useAccountRole.ts';
import { useReview } from '../../hooks/useReview.ts';
import { useThreads } from '../../hooks/useThreads.ts';
import { reviewMessages } from '../../i18n/messages/review.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { ErrorBanner } from '../ErrorSummary.tsx';
import { CommentForm } from './CommentForm.tsx';
import { CommentList } from './CommentList.tsx';
import { DecisionSummary } from './Decision.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { Thread } from './Thread.tsx';

export function ReviewSection({
  missionId,
  mission,
  open,
}: {
  missionId: MissionId;
  mission: MissionSnapshot;
  /** The mission document, where replies to comments live. */
  open: OpenMission;
}) {
  const t = useMessages(reviewMessages);
  const profile = useProfile();
  // Null until signed in and confirmed by the server: a device working alone has no review.
  const role = useAccountRole();
  const { review, snapshot, error } = useReview(role ? missionId : null);
  const [deleted, setDeleted] = useState<CommentId | null>(null);
  const [failure, setFailure] = useState<MingaError | null>(null);
  const threads = useThreads(open);
  if (!role) return null;
  const coordinator = mayWriteReview(role);
  const comments = snapshot?.comments.filter((comment) => comment.deletedAt === null) ?? [];

  const run = (change: () => void) => {
    try {
      change();
      setFailure(null);
    } catch (caught) {
      setFailure(toMingaError(caught));
    }
  };

  return (
    <section class="review" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('review.heading')}</h2>
      <ErrorBanner error={error ?? failure} />
      {review && snapshot && (
        <>
          <DecisionSummary decision={snapshot.decision} />
          {coordinator && <DecisionForm review={review} role={role} />}
          {(coordinator || comments.length > 0) && (
            <section aria-labelledby="review-comments-heading">
              <h3 id="review-comments-heading">{t('review.comments.heading')}</h3>
              {deleted && (
                <p class="banner banner--info review-undo" role="status">
                  {t('review.comment.deleted')}{' '}
                  <button
                    type="button"
                    class="button"
                    onClick={() =>
                      run(() => {
                        restoreComment(review, deleted, profile, role);
                        setDeleted(null);
                      })
                    }
                  >
                    {t('review.comment.undo')}
                  </button>
                </p>
              )}
              <CommentList
                comments={comments}
                missionId={missionId}
                mission={mission}
                onDelete={
                  coordinator
                    ? (comment) =>
                        run(() => {
                          deleteComment(review, comment.id, profile, role);
                          setDeleted(comment.id);
                        })
                    : null
                }
                thread={(comment) => (
                  <Thread
                    commentId={comment.id}
                    replies={threads.get(comment.id) ?? []}
                    mission={mayEditMissions(role) ? open : null}
                    changesRequested={snapshot.decision?.decision === 'changesRequested'}
                  />
                )}
              />
            </section>
          )}
          {coordinator && <CommentForm review={review} role={role} missionId={missionId} mission={mission} />}
        </>
      )}
    </section>
  );
}
