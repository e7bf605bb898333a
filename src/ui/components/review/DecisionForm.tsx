// A coordinator's decision on the mission: approve it or ask for changes, with an optional note for the team.
import { useState } from 'preact/hooks';
import type { AccountRole } from '../../../domain/access.ts';
import { toMingaError, type MingaError } from '../../../domain/errors.ts';
import { MAX_REVIEW_TEXT, validateDecisionNote, type ReviewDecision } from '../../../domain/review.ts';
import type { ValidationCode } from '../../../domain/validation.ts';
import { setDecision } from '../../../storage/reviewCommands.ts';
import type { OpenReview } from '../../../storage/reviewStore.ts';
import { useProfile } from '../../appContext.ts';
import { reviewMessages } from '../../i18n/messages/review.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { ErrorBanner } from '../ErrorSummary.tsx';
import { TextArea } from '../fields.tsx';

export function DecisionForm({ review, role }: { review: OpenReview; role: AccountRole }) {
  const t = useMessages(reviewMessages);
  const profile = useProfile();
  const [note, setNote] = useState('');
  const [error, setError] = useState<ValidationCode | undefined>(undefined);
  const [failure, setFailure] = useState<MingaError | null>(null);
  const [saved, setSaved] = useState(false);

  const decide = (decision: ReviewDecision) => {
    const invalid = validateDecisionNote(note).note;
    setError(invalid);
    setSaved(false);
    // The note stays on screen: nothing typed is lost to a refusal.
    if (invalid) return;
    try {
      setDecision(review, { decision, note }, profile, role);
      setNote('');
      setFailure(null);
      setSaved(true);
    } catch (caught) {
      setFailure(toMingaError(caught));
    }
  };

  return (
    <section class="review-form" aria-labelledby="review-decide-heading">
      <h3 id="review-decide-heading">{t('review.decide.heading')}</h3>
      <ErrorBanner error={failure} />
      <TextArea
        label={t('review.decide.note')}
        optional
        hint={t('review.textHint', { max: MAX_REVIEW_TEXT })}
        value={note}
        rows={3}
        error={error}
        onInput={(value) => {
          setNote(value);
          setSaved(false);
        }}
      />
      <div class="form-actions">
        <button type="button" class="button button--primary" onClick={() => decide('approved')}>
          {t('review.approve')}
        </button>
        <button type="button" class="button" onClick={() => decide('changesRequested')}>
          {t('review.requestChanges')}
        </button>
      </div>
      <p class="list__meta" role="status">
        {saved ? t('review.decide.saved') : ''}
      </p>
    </section>
  );
}
