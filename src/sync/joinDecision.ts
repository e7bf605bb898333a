// What opening an invite link may do on this device, decided from facts gathered beforehand: who the link signs
// in as, who the device is signed in as, and what of the current sign-in the server still lacks. Nothing here
// signs in: the screen asks first, so a link someone else sent cannot switch the device's account unseen.
import type { Me, MeResult } from './account.ts';

/** What the current sign-in has that the server lacks: changed records, photos not uploaded. */
export interface Waiting {
  changes: number;
  photos: number;
}

export interface JoinFacts {
  /** The token of the link, or null when the address held none. */
  inviteToken: string | null;
  /** The server's answer about the link's token (GET /api/me); null when there is no token to ask about. */
  invite: MeResult | null;
  /** The token this device is signed in with, or null. */
  currentToken: string | null;
  /** Who the current token is, when the server said so. */
  current: Me | null;
  /** What the current sign-in still has to send; null when unknown or not signed in. */
  waiting: Waiting | null;
}

export type JoinDecision =
  | { kind: 'noToken' }
  /** The same token as the device's: nothing to do. */
  | { kind: 'already'; invite: Me | null }
  /** The server does not accept the link's token (mistyped, revoked). */
  | { kind: 'invalid' }
  /** The server could not be asked: nothing is decided without knowing who the link signs in as. */
  | { kind: 'unreachable' }
  /** Not signed in: ask before signing in as `invite`. */
  | { kind: 'ask'; invite: Me }
  /** Signed in as someone else with work the server lacks: switching is refused until it is sent. */
  | { kind: 'blocked'; invite: Me; current: Me | null; waiting: Waiting }
  /** Signed in as someone else, everything sent: switching needs an explicit confirmation. */
  | { kind: 'confirmSwitch'; invite: Me; current: Me | null };

export function hasWaitingWork(waiting: Waiting | null): boolean {
  return waiting !== null && (waiting.changes > 0 || waiting.photos > 0);
}

export function decideJoin(facts: JoinFacts): JoinDecision {
  const { inviteToken, invite, currentToken, current } = facts;
  if (inviteToken === null) return { kind: 'noToken' };
  const me = invite?.kind === 'ok' ? invite.me : null;
  if (currentToken === inviteToken || (me !== null && current !== null && me.tokenId === current.tokenId))
    return { kind: 'already', invite: me };
  if (invite === null || invite.kind === 'unreachable') return { kind: 'unreachable' };
  if (invite.kind === 'refused' || me === null) return { kind: 'invalid' };
  if (currentToken === null) return { kind: 'ask', invite: me };
  // Unknown counts are not "nothing waiting": the switch waits until they can be counted.
  const waiting = facts.waiting ?? { changes: 0, photos: 0 };
  if (facts.waiting === null || hasWaitingWork(waiting))
    return { kind: 'blocked', invite: me, current, waiting };
  return { kind: 'confirmSwitch', invite: me, current };
}
