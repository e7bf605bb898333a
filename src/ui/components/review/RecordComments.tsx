// The review's comments about one record, on that record's read view, each with its thread. Shown to everyone
// signed in; nothing when the review has no comment about the record.
import type { CommentTarget } from '../../../domain/review.ts';
import type { OpenMission } from '../../../storage/docStore.ts';
import { mayEditMissions } from '../../../domain/access.ts';
import { useAccountRole } from '../../hooks/useAccountRole.ts';
import { useReview } from '../../hooks/useReview.ts';
import { useThreads } from '../../hooks/useThreads.ts';
import { useI18n } from '../../i18n/context.tsx';
import { threadMessages } from '../../i18n/messages/threads.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { ErrorBanner } from '../ErrorSummary.tsx';
import { Thread } from './Thread.tsx';
import { formatWhen } from './when.ts';

export function RecordComments(props: {
  open: OpenMission;
  target: Exclude<CommentTarget, { kind: 'mission' }>;
}) {
  const t = useMessages(threadMessages);
  const i18n = useI18n();
  // Null until signed in and confirmed by the server: a device working alone has no review.
  const role = useAccountRole();
  const { snapshot, error } = useReview(role ? props.open.id : null);
  const threads = useThreads(props.open);
  const { target } = props;
  const comments = (snapshot?.comments ?? []).filter(
    (comment) =>
      comment.deletedAt === null && comment.target.kind === target.kind && comment.target.id === target.id,
  );
  if (!role || (comments.length === 0 && !error)) return null;
  // Replies live in the mission document: whoever may write it may reply (an observer only reads).
  const mayReply = mayEditMissions(role);
  const changesRequested = snapshot?.decision?.decision === 'changesRequested';
  return (
    <section class="review review-record" aria-labelledby="record-review-heading">
      <h2 id="record-review-heading">{t('thread.heading')}</h2>
      <ErrorBanner error={error} />
      {changesRequested && (
        <p class="review-decision review-decision--changesRequested" data-review-decision="changesRequested">
          {t('thread.decision.changesRequested')}
        </p>
      )}
      <ul class="list review-comments">
        {comments
          .slice()
          .reverse()
          .map((comment) => (
            <li key={comment.id} class="review-comment" data-comment-id={comment.id}>
              {/* Plain text with its line breaks kept: never parsed as HTML. */}
              <p class="pre-wrap">{comment.text}</p>
              <p class="list__meta">
                {t('thread.byline', { name: comment.by, time: formatWhen(comment.at, i18n) })}
              </p>
              <Thread
                commentId={comment.id}
                replies={threads.get(comment.id) ?? []}
                mission={mayReply ? props.open : null}
                changesRequested={changesRequested}
              />
            </li>
          ))}
      </ul>
    </section>
  );
}
