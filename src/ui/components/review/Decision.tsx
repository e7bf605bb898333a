// The review's decision as everyone sees it: the verdict, who decided and when, and the note that goes with it.
import { isReviewDecision, type DecisionRecord } from '../../../domain/review.ts';
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
          <OtherDecisions decision={decision} />
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

/** Decisions two coordinators made at once (docs/merge.md M2): the one not shown, named, never dropped. */
function OtherDecisions({ decision }: { decision: DecisionRecord }) {
  const t = useMessages(reviewMessages);
  const i18n = useI18n();
  const others = (decision.marks.conflicts.decision ?? []).slice(1);
  if (others.length === 0) return null;
  const verdict = (value: unknown) =>
    isReviewDecision(value) ? t(`review.decision.${value}`) : String(value).slice(0, 80);
  return (
    <div class="conflict-mark" data-conflict="decision">
      <p>{t('review.decidedTwice')}</p>
      <ul>
        {others.map((other) => (
          <li key={`${other.device}-${other.at}`}>
            {t('review.otherDecision', {
              decision: verdict(other.value),
              name: other.by,
              time: formatWhen(other.at, i18n),
            })}
          </li>
        ))}
      </ul>
      <p class="field__hint">{t('review.decidedTwiceHint')}</p>
    </div>
  );
}
