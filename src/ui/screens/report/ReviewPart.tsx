// The report's review: the coordinator's decision with its note, and the comments, each with what it is about.
import { newestFirst } from '../../../domain/review.ts';
import { useI18n } from '../../i18n/context.tsx';
import { reviewMessages } from '../../i18n/messages/review.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { targetLabel, targetTitle } from '../../components/review/targets.ts';
import { formatWhen } from '../../components/review/when.ts';
import { ReportSection, type SectionProps } from './section.tsx';

export function ReviewPart({ data }: SectionProps) {
  const t = useMessages(reviewMessages);
  const i18n = useI18n();
  const { review, snapshot } = data;
  if (!review) return null;
  const { decision } = review;
  const comments = review.comments.filter((comment) => comment.deletedAt === null).sort(newestFirst);
  return (
    <ReportSection id="review" title={t('review.heading')}>
      <div class="report-review" data-review-decision={decision ? decision.decision : 'none'}>
        {decision === null ? (
          <p class="report-review__verdict">{t('review.notReviewed')}</p>
        ) : (
          <>
            <p class="report-review__verdict">{t(`review.decision.${decision.decision}`)}</p>
            <p class="list__meta">
              {t('review.decidedBy', { name: decision.by, time: formatWhen(decision.at, i18n) })}
            </p>
            {decision.note && (
              <>
                <h3>{t('review.decisionNote')}</h3>
                <p class="pre-wrap">{decision.note}</p>
              </>
            )}
          </>
        )}
      </div>
      {comments.length > 0 && (
        <>
          <h3>{t('review.comments.heading')}</h3>
          <ul class="report-notes">
            {comments.map((comment) => {
              const { target } = comment;
              const title = target.kind === 'mission' ? null : targetTitle(target, snapshot, i18n);
              return (
                <li key={comment.id} class="report-note" data-comment-id={comment.id}>
                  <p class="pre-wrap">{comment.text}</p>
                  <p class="list__meta">
                    {t('review.comment.byline', { name: comment.by, time: formatWhen(comment.at, i18n) })}
                    {target.kind !== 'mission' && (
                      <>
                        {' · '}
                        {t('review.comment.about')}{' '}
                        {title === null ? t('review.target.missing') : targetLabel(target, title, t)}
                      </>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </ReportSection>
  );
}
