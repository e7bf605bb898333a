// Opening an invite link: gathers what decideJoin needs, and carries out what the person chose. The link's
// token is only ever looked up (nothing remembered) until the person says "sign in".
import { lookUpToken, readSession, type Fetch, type Me } from './account.ts';
import { decideJoin, hasWaitingWork, type JoinDecision, type Waiting } from './joinDecision.ts';
import { rememberAccountRole } from './signedIn.ts';
import { checkSignOutRemoval, signIn, signOut } from './session.ts';

/** The link signs in to the server that served the app. */
const APP_SERVER = '';

async function waitingWork(): Promise<Waiting | null> {
  const check = await checkSignOutRemoval();
  return check === null ? null : { changes: check.notOnServer, photos: check.photos };
}

/** Asks the server who the link's token is, and who this device is now, then decides. */
export async function assessInvite(
  inviteToken: string | null,
  fetcher: Fetch = fetch,
): Promise<JoinDecision> {
  if (inviteToken === null)
    return decideJoin({ inviteToken, invite: null, currentToken: null, current: null, waiting: null });
  const session = await readSession();
  const [invite, current, waiting] = await Promise.all([
    lookUpToken({ server: APP_SERVER, token: inviteToken }, fetcher),
    session === null || session.token === inviteToken ? null : lookUpToken(session, fetcher),
    session === null || session.token === inviteToken ? null : waitingWork(),
  ]);
  return decideJoin({
    inviteToken,
    invite,
    currentToken: session?.token ?? null,
    current: current?.kind === 'ok' ? current.me : null,
    waiting,
  });
}

/** Signs this device in with the link's token, which the server just confirmed to be `invite`. */
export async function acceptInvite(token: string, invite: Me): Promise<void> {
  await signIn({ server: APP_SERVER, token });
  await rememberAccountRole(invite.role);
}

export type SwitchOutcome =
  /** The previous account and its data are gone from this device: reload, then sign in with the link. */
  | { kind: 'removed' }
  /** Something new is waiting since the screen counted: nothing changed. */
  | { kind: 'blocked'; waiting: Waiting }
  /** Signed out, but some data remains (`blocked`: another tab holds it); retry the removal. */
  | { kind: 'incomplete'; blocked: boolean };

/**
 * Signs the previous account out and removes its data from this device, after counting once more that the
 * server has everything of it: the next account starts on a device that holds none of the previous one's.
 */
export async function removePreviousAccount(): Promise<SwitchOutcome> {
  const waiting = await waitingWork();
  if (waiting !== null && hasWaitingWork(waiting)) return { kind: 'blocked', waiting };
  const result = await signOut({ removeData: true });
  if (result.ok || result.reason === 'notSignedIn') return { kind: 'removed' };
  if (result.reason === 'wouldLoseWork')
    return { kind: 'blocked', waiting: { changes: result.check.notOnServer, photos: result.check.photos } };
  return { kind: 'incomplete', blocked: result.blocked };
}

/** After an incomplete removal: the decision was taken and the account is gone, only the deletion is repeated. */
export async function retryRemoval(): Promise<SwitchOutcome> {
  const { removeDeviceData } = await import('../storage/wipe.ts');
  const result = await removeDeviceData();
  return result.ok ? { kind: 'removed' } : { kind: 'incomplete', blocked: result.blocked };
}
