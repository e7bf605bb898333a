// The review's decision as everyone sees it: the verdict, who decided and when, and the note that goes with it.
import type { DecisionRecord } from '../../../domain/review.ts';
import { useI18n } from '../../i18n/context.tsx';
import { reviewMessages } from '../../i18n/messages/review.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { formatWhen } from './when.ts';

export function DecisionSummary({ decision }: { decision: DecisionRecord | null }) {
  const t = useMessages(reviewMessages);
  const i18n = useI18n();
  const verdict = decision?.decision ?? 'pending';
  return (
    // A live region: a decision that arrives while a technician looks at the mission is announced.
    <div
      class={`review-decision review-decision--${verdict}`}
      data-review-decision={decision ? verdict : 'none'}
      role="status"
    >
      {decision === null ? (
        <p class="review-decision__verdict">{t('review.notReviewed')}</p>
      ) : (
        <>
          <p class="review-decision__verdict">{t(`review.decision.${verdict}`)}</p>
          <p class="list__meta">
            {t('review.decidedBy', { name: decision.by, time: formatWhen(decision.at, i18n) })}
          </p>
          {decision.note && (
            <>
              <p class="review-decision__label">{t('review.decisionNote')}</p>
              {/* Plain text with its line breaks kept: never parsed as HTML. */}
              <p class="pre-wrap">{decision.note}</p>
            </>
          )}
        </>
      )}
    </div>
  );
}
