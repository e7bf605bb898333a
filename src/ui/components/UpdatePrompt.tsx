// The bottom bar that offers a new version, says when the app is ready offline or was updated in another tab.
// Non-modal: work continues underneath, and nothing reloads without the user's say-so.
import { useEffect } from 'preact/hooks';
import { updateStore } from '../../pwa/register.ts';
import { useI18n } from '../i18n/context.tsx';
import { useUpdateState } from '../hooks/usePwa.ts';
import { useMissionsNotHere } from '../hooks/useMissionsNotHere.ts';
import { getDb } from '../../storage/db.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';

/** The "ready offline" toast goes away on its own; the other notices stay until answered. */
const OFFLINE_READY_MS = 8000;

export function UpdatePrompt() {
  const { t } = useI18n();
  const state = useUpdateState();
  const store = updateStore();
  // "Ready to work offline" holds only once every mission this device holds is on it; until then, say which.
  const notHere = useMissionsNotHere();
  const waiting = notHere.length > 0;

  useEffect(() => {
    if (!state.offlineReady || waiting) return;
    const timer = setTimeout(() => store.dismissOfflineReady(), OFFLINE_READY_MS);
    return () => clearTimeout(timer);
  }, [state.offlineReady, waiting, store]);

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
        {waiting ? <NotHere ids={notHere} /> : <p>{t('pwa.offlineReady')}</p>}
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

/** Titles named in the notice at most: the count says the rest, and the toast must not cover a phone's screen. */
const TITLES_SHOWN = 5;

/** How many missions are still downloading, and the titles of those this device already lists. */
function NotHere({ ids }: { ids: readonly string[] }) {
  const { t } = useI18n();
  const titles = useLiveQuery(
    async () =>
      (await getDb().missions.bulkGet([...ids]))
        .filter((row) => row !== undefined)
        .map((row) => ({ id: row.id, title: row.title })),
    [ids.join()],
  ).data;
  return (
    <div data-offline-not-ready={ids.length}>
      <p>{t('offline.notYet', { count: ids.length })}</p>
      {titles && titles.length > 0 && (
        <ul aria-label={t('offline.notYetList')}>
          {titles.slice(0, TITLES_SHOWN).map((row) => (
            <li key={row.id}>{row.title}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
