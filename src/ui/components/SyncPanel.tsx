// Settings → Sync: whether this device is signed in, to which server, how sync stands; sign out; invites.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { fetchMe, readSession, type MeResult, type Session } from '../../sync/account.ts';
import { useI18n } from '../i18n/context.tsx';
import { syncScreens } from '../i18n/messages/syncScreens.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { SignOutControl } from './SignOutControl.tsx';
import { PhotoQuotaNotice } from './PhotoQuotaNotice.tsx';
import { lastSyncedAt, refusalText, syncStatusLabel } from './syncLabels.ts';

type InviteComponent = ComponentType<{ session: Session }>;

/** What the server says of this token; null until it answered (or could not). */
function useMe(session: Session): MeResult | null {
  const [me, setMe] = useState<MeResult | null>(null);
  useEffect(() => {
    let current = true;
    fetchMe(session).then(
      (result) => current && setMe(result),
      (error: unknown) => console.warn('could not ask the server who this device is', error),
    );
    return () => {
      current = false;
    };
  }, [session]);
  return me;
}

function serverLabel(session: Session): string {
  return session.server.trim() || window.location.origin;
}

/** The invite form carries the QR encoder: loaded only when a coordinator asks for it. */
function InviteLauncher({ session }: { session: Session }) {
  const t = useMessages(syncScreens);
  const [Invite, setInvite] = useState<InviteComponent | null>(null);
  const [loading, setLoading] = useState(false);
  if (Invite) return <Invite session={session} />;
  const open = () => {
    setLoading(true);
    import('./InviteDevice.tsx')
      .then((module) => setInvite(() => module.InviteDevice))
      .catch((error: unknown) => console.warn('invite form failed to load', error))
      .finally(() => setLoading(false));
  };
  return (
    <p>
      <button type="button" disabled={loading} onClick={open}>
        {t('invite.open')}
      </button>
    </p>
  );
}

function SignedIn({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const i18n = useI18n();
  const t = useMessages(syncScreens);
  const { signedIn, status } = useSyncStatus();
  const me = useMe(session);
  const syncedAt = lastSyncedAt(status);
  return (
    <>
      <dl class="sync-panel__facts">
        <dt>{t('sync.server')}</dt>
        <dd data-testid="sync-server">{serverLabel(session)}</dd>
        {me?.kind === 'ok' && (
          <>
            <dt>{t('sync.account')}</dt>
            <dd>{t('sync.accountValue', { name: me.me.name, role: t(`sync.role.${me.me.role}`) })}</dd>
          </>
        )}
        {signedIn && (
          <>
            <dt>{t('sync.status')}</dt>
            <dd data-testid="sync-status">{syncStatusLabel(status, i18n)}</dd>
            {/* "Up to date" with nothing ever synced (no missions yet) needs no "not yet" beside it. */}
            {(syncedAt !== null || status.kind !== 'upToDate') && (
              <>
                <dt>{t('sync.lastSynced')}</dt>
                <dd>{syncedAt === null ? t('sync.neverSynced') : i18n.dateTime(syncedAt)}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {status.kind === 'refused' && <p class="banner banner--warn">{refusalText(status.reason, i18n)}</p>}
      {me?.kind === 'refused' && status.kind !== 'refused' && (
        <p class="banner banner--warn">{refusalText('unauthorized', i18n)}</p>
      )}
      <PhotoQuotaNotice />
      <SignOutControl onSignedOut={onSignedOut} />
      {me?.kind === 'ok' && me.me.role === 'coordinator' && (
        <section class="sync-panel__invite" aria-labelledby="sync-invite-title">
          <h3 id="sync-invite-title">{t('invite.title')}</h3>
          <InviteLauncher session={session} />
        </section>
      )}
    </>
  );
}

export function SyncPanel() {
  const t = useMessages(syncScreens);
  // undefined while reading: nothing flashes "not signed in" on a signed-in device.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [justSignedOut, setJustSignedOut] = useState(false);
  useEffect(() => {
    let current = true;
    readSession().then(
      (stored) => current && setSession(stored),
      // Storage unreadable (or closed while leaving): say nothing rather than claim a state.
      (error: unknown) => console.warn('could not read the sync session', error),
    );
    return () => {
      current = false;
    };
  }, []);

  const signedOut = () => {
    setSession(null);
    setJustSignedOut(true);
  };

  return (
    <section class="sync-panel" aria-labelledby="sync-panel-title">
      <h2 id="sync-panel-title">{t('sync.title')}</h2>
      {justSignedOut && (
        <p class="banner banner--info" role="status">
          {t('sync.signedOut')}
        </p>
      )}
      {session === null && <p>{t('sync.notSignedIn')}</p>}
      {session && <SignedIn session={session} onSignedOut={signedOut} />}
    </section>
  );
}
