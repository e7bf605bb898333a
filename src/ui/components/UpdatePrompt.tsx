// The bottom bar that offers a new version, says when the app is ready offline or was updated in another tab.
// Non-modal: work continues underneath, and nothing reloads without the user's say-so.
import { useEffect } from 'preact/hooks';
import { updateStore } from '../../pwa/register.ts';
import { useI18n } from '../i18n/context.tsx';
import { useUpdateState } from '../hooks/usePwa.ts';

/** The "ready offline" toast goes away on its own; the other notices stay until answered. */
const OFFLINE_READY_MS = 8000;

export function UpdatePrompt() {
  const { t } = useI18n();
  const state = useUpdateState();
  const store = updateStore();

  useEffect(() => {
    if (!state.offlineReady) return;
    const timer = setTimeout(() => store.dismissOfflineReady(), OFFLINE_READY_MS);
    return () => clearTimeout(timer);
  }, [state.offlineReady, store]);

  if (state.updatedElsewhere) {
    return (
      <div class="update-bar" role="status" aria-live="polite">
        <p>{t('pwa.update.elsewhere')}</p>
        <div class="update-bar__actions">
          <button
            type="button"
            class="button--primary"
            disabled={state.updating}
            onClick={() => void store.reloadWhenSaved()}
          >
            {t('pwa.update.reload')}
          </button>
        </div>
      </div>
    );
  }
  if (state.needRefresh || state.updating) {
    return (
      <div class="update-bar" role="status" aria-live="polite">
        <p>{state.updating ? t('pwa.update.applying') : t('pwa.update.ready')}</p>
        <div class="update-bar__actions">
          <button
            type="button"
            class="button--primary"
            disabled={state.updating}
            onClick={() => void store.applyUpdate()}
          >
            {t('pwa.update.apply')}
          </button>
          <button type="button" disabled={state.updating} onClick={() => store.postpone()}>
            {t('pwa.update.later')}
          </button>
        </div>
      </div>
    );
  }
  if (state.offlineReady) {
    return (
      <div class="update-bar update-bar--toast" role="status" aria-live="polite">
        <p>{t('pwa.offlineReady')}</p>
        <div class="update-bar__actions">
          <button type="button" onClick={() => store.dismissOfflineReady()}>
            {t('action.close')}
          </button>
        </div>
      </div>
    );
  }
  return null;
}
