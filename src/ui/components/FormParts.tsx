// The parts every record form shares: what went wrong or was restored, above; Save and Cancel, below.
import type { ComponentChildren, Ref } from 'preact';
import type { MingaError } from '../../domain/errors.ts';
import type { ReadOnlyReason } from '../hooks/useAccountRole.ts';
import { useI18n } from '../i18n/context.tsx';
import { ErrorBanner, ReadOnlyNotice } from './ErrorSummary.tsx';

export function FormNotices(props: {
  /** The summary of a refused save; it receives focus so keyboards and screen readers land on it. */
  showSummary: boolean;
  summaryRef: Ref<HTMLDivElement>;
  failure: MingaError | null;
  /** Why the form cannot be changed; null when it can. */
  readOnly: ReadOnlyReason | null;
  /** The "your unsaved changes were restored" text, shown when a draft came back from disk. */
  restoredMessage: string | null;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <>
      {props.showSummary && (
        <div class="banner banner--error" role="alert" tabIndex={-1} ref={props.summaryRef}>
          {t('form.errorSummary')}
        </div>
      )}
      <ErrorBanner error={props.failure} />
      {props.readOnly && <ReadOnlyNotice reason={props.readOnly} />}
      {props.restoredMessage && !props.readOnly && <p class="banner banner--info">{props.restoredMessage}</p>}
      {props.children}
    </>
  );
}

/**
 * Cancel on the left as a plain text button, Save on the right as the one filled button: far apart and unlike
 * each other, so a thumb aiming at one does not hit the other.
 */
export function FormActions(props: {
  readOnly: boolean;
  busy: boolean;
  onCancel: () => void;
  class?: string;
}) {
  const { t } = useI18n();
  return (
    <div
      class={
        props.class ? `form-actions form-actions--split ${props.class}` : 'form-actions form-actions--split'
      }
    >
      <button type="button" class="button button--quiet" onClick={props.onCancel}>
        {props.readOnly ? t('nav.back') : t('action.cancel')}
      </button>
      {!props.readOnly && (
        <button type="submit" class="button button--primary" disabled={props.busy}>
          {t('action.save')}
        </button>
      )}
    </div>
  );
}
