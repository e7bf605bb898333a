// Announces that a form could not be saved and why, at the top of the form.
import type { MingaError } from '../../domain/errors.ts';
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

export function ReadOnlyNotice() {
  const { t } = useI18n();
  return (
    <div class="banner banner--info" role="status">
      {t('readOnly.notice')}
    </div>
  );
}
