// Opening an invite link (`/join#token=…`): signs this device in to the server that served the app.
import { useEffect, useState } from 'preact/hooks';
import { fetchMe, tokenFromFragment, type Me } from '../../sync/account.ts';
import { signIn } from '../../sync/index.ts';
import { useApp } from '../appContext.ts';
import { syncScreens } from '../i18n/messages/syncScreens.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { link } from '../routes.ts';

export type JoinOutcome =
  | { kind: 'noToken' }
  | { kind: 'working' }
  | { kind: 'connected'; me: Me }
  /** Signed in, but the server could not be asked: the connection will say later whether it accepts us. */
  | { kind: 'offline' }
  | { kind: 'refused' }
  | { kind: 'failed' };

/**
 * Asks the server first: a token it refuses is not stored, so a revoked or mistyped invite leaves the device
 * as it was (and an earlier sign-in in place). Without an answer the token is kept; sync retries on its own.
 */
export async function join(token: string): Promise<JoinOutcome> {
  const session = { server: '', token };
  const checked = await fetchMe(session);
  if (checked.kind === 'refused') return { kind: 'refused' };
  try {
    await signIn(session);
  } catch (error) {
    console.warn('join: sign-in failed', error);
    return { kind: 'failed' };
  }
  return checked.kind === 'ok' ? { kind: 'connected', me: checked.me } : { kind: 'offline' };
}

/** The token of the address, taken once; the fragment is then removed from the address bar and history. */
function useInviteToken(): string | null {
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  useEffect(() => {
    if (window.location.hash === '') return;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  }, []);
  return token;
}

function OutcomeMessage({ outcome }: { outcome: JoinOutcome }) {
  const t = useMessages(syncScreens);
  const { status } = useSyncStatus();
  // The live connection can refuse after an offline sign-in; that news wins.
  if (outcome.kind === 'refused' || (outcome.kind !== 'working' && status.kind === 'refused'))
    return (
      <p class="banner banner--error" role="alert">
        {t('join.refused')}
      </p>
    );
  switch (outcome.kind) {
    case 'working':
      return <p role="status">{t('join.signingIn')}</p>;
    case 'noToken':
      return <p class="banner banner--warn">{t('join.noToken')}</p>;
    case 'failed':
      return (
        <p class="banner banner--error" role="alert">
          {t('join.failed')}
        </p>
      );
    case 'offline':
      return (
        <p class="banner banner--info" role="status">
          {t('join.offline')}
        </p>
      );
    case 'connected':
      return (
        <p class="banner banner--info" role="status">
          {t('join.connected', { name: outcome.me.name, role: t(`sync.role.${outcome.me.role}`) })}
        </p>
      );
  }
}

export function JoinScreen() {
  const t = useMessages(syncScreens);
  const { profile } = useApp();
  const token = useInviteToken();
  const [outcome, setOutcome] = useState<JoinOutcome>(() =>
    token === null ? { kind: 'noToken' } : { kind: 'working' },
  );

  useEffect(() => {
    if (token === null) return;
    let current = true;
    void join(token).then((result) => {
      if (current) setOutcome(result);
    });
    return () => {
      current = false;
    };
  }, [token]);

  return (
    <section class="screen join">
      <h1>{t('join.title')}</h1>
      <OutcomeMessage outcome={outcome} />
      {outcome.kind !== 'working' && (
        <p>
          {/* Before the first-run setup the home route is the setup screen: say so. */}
          <a class="button button--primary" href={link.home()}>
            {profile ? t('join.toMissions') : t('join.toSetup')}
          </a>
        </p>
      )}
    </section>
  );
}
