// Signing out: keeping this device's data (nothing is lost), or removing it on a shared phone. Removal is refused
// while it would lose work — changes the server lacks that no backup holds, photos not uploaded — and a backup
// made and confirmed here lifts both.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RemovalCheck } from '../../sync/removalCheck.ts';
import { useI18n } from '../i18n/context.tsx';
import { syncScreens } from '../i18n/messages/syncScreens.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { routes } from '../routes.ts';
import { BackupMaker } from './BackupMaker.tsx';

type Step =
  | { kind: 'choose' }
  | { kind: 'busy'; doing: 'signingOut' | 'checking' | 'removing' }
  | { kind: 'refused'; check: RemovalCheck }
  | { kind: 'incomplete'; blocked: boolean }
  | { kind: 'failed' };

/** Loaded on demand: signing out needs the sync module, which a device never signed in has not loaded. */
const loadSession = () => import('../../sync/session.ts');

/** A new phone's first screen: a fresh page, with nothing of the previous person's left in memory either. */
function restartApp(): void {
  window.location.replace(routes.home);
}

function Refusal(props: {
  check: RemovalCheck;
  onBackedUp: () => void;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const t = useMessages(syncScreens);
  const { t: common } = useI18n();
  const { check } = props;
  const allowed = check.removable;
  const changes = check.notOnServer;
  // The button that opened it (or, once backed up, the backup) is gone: keyboard and screen-reader users continue
  // from the explanation.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), [allowed]);
  return (
    <div class="banner banner--warn sync-signout__refused" role="alert" tabIndex={-1} ref={panel}>
      {!allowed && <p>{t('sync.remove.refused')}</p>}
      {changes > 0 && check.notBackedUp > 0 && (
        <p>{changes === 1 ? t('sync.pendingOne') : t('sync.pendingMany', { count: changes })}</p>
      )}
      {changes > 0 && check.notBackedUp === 0 && (
        <p>
          {changes === 1 ? t('sync.remove.backedUpOne') : t('sync.remove.backedUpMany', { count: changes })}
        </p>
      )}
      {check.photos > 0 && (
        <p>
          {check.photos === 1
            ? t('sync.remove.photosOne')
            : t('sync.remove.photosMany', { count: check.photos })}
        </p>
      )}
      {!allowed && <p>{t('sync.remove.exportAdvice')}</p>}
      {/* Kept once allowed: removal is only shown here when a backup holds some changes; it may be renewed. */}
      <BackupMaker onConfirmed={props.onBackedUp} />
      <div class="form-actions">
        {allowed && (
          <button type="button" class="button--danger" onClick={props.onRemove}>
            {t('sync.removeAnyway')}
          </button>
        )}
        <button type="button" onClick={props.onCancel}>
          {common('action.cancel')}
        </button>
      </div>
    </div>
  );
}

export function SignOutControl({
  onSignedOut,
  onRemoved = restartApp,
}: {
  onSignedOut: () => void;
  /** After this device's data is gone; by default the app starts again, on the setup screen. */
  onRemoved?: () => void;
}) {
  const t = useMessages(syncScreens);
  const [step, setStep] = useState<Step>({ kind: 'choose' });

  const keepData = async () => {
    setStep({ kind: 'busy', doing: 'signingOut' });
    try {
      const result = await (await loadSession()).signOut();
      if (result.ok || result.reason === 'notSignedIn') onSignedOut();
      else setStep({ kind: 'failed' });
    } catch (error) {
      console.warn('sign-out failed', error);
      setStep({ kind: 'failed' });
    }
  };

  const remove = async (check: RemovalCheck, back: Step) => {
    const question = check.notOnServer > 0 ? 'sync.remove.confirmBackedUp' : 'sync.remove.confirm';
    if (!window.confirm(t(question))) {
      setStep(back);
      return;
    }
    setStep({ kind: 'busy', doing: 'removing' });
    try {
      const result = await (await loadSession()).signOut({ removeData: true });
      if (result.ok) onRemoved();
      else if (result.reason === 'wouldLoseWork') setStep({ kind: 'refused', check: result.check });
      else if (result.reason === 'removalIncomplete')
        setStep({ kind: 'incomplete', blocked: result.blocked });
      else onSignedOut();
    } catch (error) {
      // Thrown before anything was removed (the check, or stopping sync): signing out can simply be retried.
      console.warn('sign-out failed', error);
      setStep({ kind: 'failed' });
    }
  };

  const startRemoval = async () => {
    setStep({ kind: 'busy', doing: 'checking' });
    try {
      const check = await (await loadSession()).checkSignOutRemoval();
      if (check === null) onSignedOut();
      else if (check.removable) await remove(check, { kind: 'choose' });
      else setStep({ kind: 'refused', check });
    } catch (error) {
      console.warn('sign-out check failed', error);
      setStep({ kind: 'failed' });
    }
  };

  /** The decision was taken and the account is gone: only the deletion is repeated. */
  const retryRemoval = async () => {
    setStep({ kind: 'busy', doing: 'removing' });
    try {
      const { removeDeviceData } = await import('../../storage/wipe.ts');
      const result = await removeDeviceData();
      if (result.ok) onRemoved();
      else setStep({ kind: 'incomplete', blocked: result.blocked });
    } catch (error) {
      console.warn('removing this device’s data failed', error);
      setStep({ kind: 'incomplete', blocked: false });
    }
  };

  /** Counted again once a backup was confirmed: what it holds no longer keeps the data from being removed. */
  const recheck = async (check: RemovalCheck) => {
    try {
      const again = await (await loadSession()).checkSignOutRemoval();
      setStep(again === null ? { kind: 'choose' } : { kind: 'refused', check: again });
    } catch (error) {
      console.warn('sign-out check failed', error);
      setStep({ kind: 'refused', check });
    }
  };

  if (step.kind === 'refused')
    return (
      <Refusal
        check={step.check}
        onBackedUp={() => void recheck(step.check)}
        onRemove={() => void remove(step.check, step)}
        onCancel={() => setStep({ kind: 'choose' })}
      />
    );

  if (step.kind === 'incomplete' || (step.kind === 'busy' && step.doing === 'removing'))
    return (
      <div class="sync-signout">
        {step.kind === 'incomplete' ? (
          <p class="banner banner--error" role="alert">
            {t(step.blocked ? 'sync.remove.blocked' : 'sync.remove.incomplete')}
          </p>
        ) : (
          <p role="status">{t('sync.removing')}</p>
        )}
        {step.kind === 'incomplete' && (
          <p>
            <button type="button" class="button--danger" onClick={() => void retryRemoval()}>
              {t('sync.remove.retry')}
            </button>
          </p>
        )}
      </div>
    );

  const busy = step.kind === 'busy' ? step.doing : null;
  return (
    <section class="sync-signout" aria-labelledby="sync-signout-title">
      <h3 id="sync-signout-title">{t('sync.signOut')}</h3>
      {step.kind === 'failed' && (
        <p class="banner banner--error" role="alert">
          {t('sync.signOutFailed')}
        </p>
      )}
      <p>{t('sync.signOutIntro')}</p>
      <div class="form-actions">
        <button type="button" disabled={busy !== null} onClick={() => void keepData()}>
          {busy === 'signingOut' ? t('sync.signingOut') : t('sync.signOutKeep')}
        </button>
        <button
          type="button"
          class="button--danger"
          disabled={busy !== null}
          onClick={() => void startRemoval()}
        >
          {busy === 'checking' ? t('sync.checking') : t('sync.signOutRemove')}
        </button>
      </div>
    </section>
  );
}
