// Offers installation: Chromium's own dialog behind an "Install app" button, a Share-sheet hint on iOS.
import { dismissIosHint, promptInstall } from '../../pwa/install.ts';
import { useI18n } from '../i18n/context.tsx';
import { useInstallState } from '../hooks/usePwa.ts';

export function InstallHint() {
  const { t } = useI18n();
  const state = useInstallState();
  if (state.installed) return null;
  if (state.canPrompt) {
    return (
      <p class="install-hint">
        <button type="button" class="button--primary" onClick={() => void promptInstall()}>
          {t('pwa.install.button')}
        </button>
      </p>
    );
  }
  if (state.showIosHint) {
    return (
      <div class="banner banner--info install-hint" role="note">
        <p>{t('pwa.install.ios')}</p>
        <button type="button" onClick={() => void dismissIosHint()}>
          {t('action.close')}
        </button>
      </div>
    );
  }
  return null;
}
