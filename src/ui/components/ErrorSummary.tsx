// Announces why a form could not be saved, or why it cannot be changed at all, at the top of the form.
import type { MingaError } from '../../domain/errors.ts';
import type { ReadOnlyReason } from '../hooks/useAccountRole.ts';
import { useI18n } from '../i18n/context.tsx';

export function ErrorBanner({ error }: { error: MingaError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div class="banner banner--error" role="alert">
      {t(`error.${error.reason}`)}
    </div>
  );
}

/** Says why nothing here can be changed, so read-only controls are not mistaken for a fault. */
export function ReadOnlyNotice({ reason }: { reason: ReadOnlyReason }) {
  const { t } = useI18n();
  return (
    <div class="banner banner--info" role="status" data-read-only={reason}>
      {t(reason === 'observer' ? 'readOnly.observer' : 'readOnly.notice')}
    </div>
  );
}
