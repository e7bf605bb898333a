// "Sign out", which refuses while changes have not reached the server: export a backup first, or force it.
import { useState } from 'preact/hooks';
import { APP_VERSION } from '../../pwa/version.ts';
import { syncScreens } from '../i18n/messages/syncScreens.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { downloadBlob } from './download.ts';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'refused'; pending: number } | { kind: 'failed' };

type Export = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'failed' };

/** Loaded on demand: signing out needs the sync module, which a device never signed in has not loaded. */
async function runSignOut(force: boolean) {
  const { signOut } = await import('../../sync/index.ts');
  return signOut({ force });
}

async function exportBackup(): Promise<string> {
  // Loaded on demand: it opens every mission document.
  const [{ buildBackup }, { markBackedUp }] = await Promise.all([
    import('../../storage/backup.ts'),
    import('../../storage/backupStatus.ts'),
  ]);
  const backup = await buildBackup(APP_VERSION);
  downloadBlob(backup.blob, backup.fileName);
  await markBackedUp();
  return backup.fileName;
}

function PendingWarning(props: {
  pending: number;
  exported: Export;
  onExport: () => void;
  onForce: () => void;
  onCancel: () => void;
}) {
  const t = useMessages(syncScreens);
  const { pending, exported } = props;
  return (
    <div class="banner banner--warn sync-signout__pending" role="alert">
      <p>{pending === 1 ? t('sync.pendingOne') : t('sync.pendingMany', { count: pending })}</p>
      <p>{t('sync.pendingAdvice')}</p>
      {exported.kind === 'done' && <p role="status">{t('sync.exported', { file: exported.file })}</p>}
      {exported.kind === 'failed' && <p>{t('sync.exportFailed')}</p>}
      <div class="form-actions">
        <button
          type="button"
          class="button--primary"
          disabled={exported.kind === 'busy'}
          onClick={props.onExport}
        >
          {exported.kind === 'busy' ? t('sync.exporting') : t('sync.exportFirst')}
        </button>
        <button type="button" class="button--danger" onClick={props.onForce}>
          {t('sync.signOutAnyway')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('sync.staySignedIn')}
        </button>
      </div>
    </div>
  );
}

export function SignOutControl({ onSignedOut }: { onSignedOut: () => void }) {
  const t = useMessages(syncScreens);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [exported, setExported] = useState<Export>({ kind: 'idle' });

  const signOut = async (force: boolean) => {
    setState({ kind: 'busy' });
    try {
      const result = await runSignOut(force);
      if (result.ok || result.reason === 'notSignedIn') onSignedOut();
      else setState({ kind: 'refused', pending: result.pending });
    } catch (error) {
      console.warn('sign-out failed', error);
      setState({ kind: 'failed' });
    }
  };

  const runExport = async () => {
    setExported({ kind: 'busy' });
    try {
      setExported({ kind: 'done', file: await exportBackup() });
    } catch (error) {
      console.warn('backup export failed', error);
      setExported({ kind: 'failed' });
    }
  };

  if (state.kind === 'refused')
    return (
      <PendingWarning
        pending={state.pending}
        exported={exported}
        onExport={() => void runExport()}
        onForce={() => void signOut(true)}
        onCancel={() => setState({ kind: 'idle' })}
      />
    );
  return (
    <>
      {state.kind === 'failed' && (
        <p class="banner banner--error" role="alert">
          {t('sync.signOutFailed')}
        </p>
      )}
      <p>
        <button
          type="button"
          class="button--danger"
          disabled={state.kind === 'busy'}
          onClick={() => void signOut(false)}
        >
          {state.kind === 'busy' ? t('sync.signingOut') : t('sync.signOut')}
        </button>
      </p>
    </>
  );
}
