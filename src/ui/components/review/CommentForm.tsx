// A coordinator's comment, on the mission as a whole or on one of its records.
import { useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { AccountRole } from '../../../domain/access.ts';
import { toMingaError, type MingaError } from '../../../domain/errors.ts';
import type { MissionId } from '../../../domain/ids.ts';
import { MAX_REVIEW_TEXT, validateComment } from '../../../domain/review.ts';
import type { ValidationCode } from '../../../domain/validation.ts';
import type { MissionSnapshot } from '../../../storage/missionView.ts';
import { addComment } from '../../../storage/reviewCommands.ts';
import type { OpenReview } from '../../../storage/reviewStore.ts';
import { useProfile } from '../../appContext.ts';
import { useI18n } from '../../i18n/context.tsx';
import { reviewMessages } from '../../i18n/messages/review.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { ErrorBanner } from '../ErrorSummary.tsx';
import { SelectField, TextArea } from '../fields.tsx';
import { MISSION_TARGET, parseTargetKey, targetOptions } from './targets.ts';

export function CommentForm(props: {
  review: OpenReview;
  role: AccountRole;
  missionId: MissionId;
  mission: MissionSnapshot;
}) {
  const { review, role, missionId, mission } = props;
  const t = useMessages(reviewMessages);
  const i18n = useI18n();
  const profile = useProfile();
  const [target, setTarget] = useState(MISSION_TARGET);
  const [text, setText] = useState('');
  const [error, setError] = useState<ValidationCode | undefined>(undefined);
  const [failure, setFailure] = useState<MingaError | null>(null);
  const [saved, setSaved] = useState(false);
  const options = useMemo(() => targetOptions(missionId, mission, i18n, t), [missionId, mission, i18n, t]);

  const submit = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid = validateComment(text).text;
    setError(invalid);
    setSaved(false);
    // The text stays on screen: nothing typed is lost to a refusal.
    if (invalid) return;
    try {
      addComment(review, { target: parseTargetKey(target, missionId), text }, profile, role);
      setText('');
      setTarget(MISSION_TARGET);
      setFailure(null);
      setSaved(true);
    } catch (caught) {
      setFailure(toMingaError(caught));
    }
  };

  return (
    <form class="review-form" aria-labelledby="review-add-heading" onSubmit={submit}>
      <h3 id="review-add-heading">{t('review.add.heading')}</h3>
      <ErrorBanner error={failure} />
      <SelectField label={t('review.add.target')} value={target} options={options} onChange={setTarget} />
      <TextArea
        label={t('review.add.text')}
        hint={t('review.textHint', { max: MAX_REVIEW_TEXT })}
        value={text}
        rows={4}
        error={error}
        onInput={(value) => {
          setText(value);
          setSaved(false);
        }}
      />
      <div class="form-actions">
        <button type="submit" class="button button--primary">
          {t('review.add.submit')}
        </button>
      </div>
      <p class="list__meta" role="status">
        {saved ? t('review.add.saved') : ''}
      </p>
    </form>
  );
}
