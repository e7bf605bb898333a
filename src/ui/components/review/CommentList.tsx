// The review's comments, newest first, each with its author, time and the record it is about.
import type { ComponentChildren } from 'preact';
import type { MissionId } from '../../../domain/ids.ts';
import type { ReviewComment } from '../../../domain/review.ts';
import type { MissionSnapshot } from '../../../storage/missionView.ts';
import { useI18n } from '../../i18n/context.tsx';
import { reviewMessages } from '../../i18n/messages/review.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { targetHref, targetLabel, targetTitle } from './targets.ts';
import { formatWhen } from './when.ts';

function About(props: { comment: ReviewComment; missionId: MissionId; mission: MissionSnapshot }) {
  const t = useMessages(reviewMessages);
  const i18n = useI18n();
  const { target } = props.comment;
  if (target.kind === 'mission') return null;
  const title = targetTitle(target, props.mission, i18n);
  return (
    <p class="review-comment__about">
      <span class="list__meta">{t('review.comment.about')}</span>{' '}
      {title === null ? (
        <span class="muted">{t('review.target.missing')}</span>
      ) : (
        <a class="review-comment__target" href={targetHref(props.missionId, target)}>
          {targetLabel(target, title, t)}
        </a>
      )}
    </p>
  );
}

export function CommentList(props: {
  comments: ReviewComment[];
  missionId: MissionId;
  mission: MissionSnapshot;
  /** Shown to a coordinator only: a technician's delete would never reach the server. */
  onDelete: ((comment: ReviewComment) => void) | null;
  /** The replies and reply box under each comment. */
  thread?: (comment: ReviewComment) => ComponentChildren;
}) {
  const t = useMessages(reviewMessages);
  const i18n = useI18n();
  if (props.comments.length === 0) return <p class="empty">{t('review.comments.empty')}</p>;
  return (
    <ul class="list review-comments">
      {props.comments.map((comment) => {
        const bylineId = `review-comment-${comment.id}`;
        return (
          <li key={comment.id} class="review-comment" data-comment-id={comment.id}>
            {/* Plain text with its line breaks kept: never parsed as HTML. */}
            <p class="pre-wrap">{comment.text}</p>
            <p class="list__meta" id={bylineId}>
              {t('review.comment.byline', { name: comment.by, time: formatWhen(comment.at, i18n) })}
            </p>
            <About comment={comment} missionId={props.missionId} mission={props.mission} />
            {props.onDelete && (
              <button
                type="button"
                class="button"
                aria-describedby={bylineId}
                onClick={() => props.onDelete?.(comment)}
              >
                {t('review.comment.delete')}
              </button>
            )}
            {props.thread?.(comment)}
          </li>
        );
      })}
    </ul>
  );
}
