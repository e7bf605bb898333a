// The device's sign-in as stored, and the small HTTP API around it: who am I, invite a device, invite links.
import { isAccountRole, type AccountRole } from '../domain/access.ts';
import { getDb } from '../storage/db.ts';
import { rememberAccountRole, SERVER_KEY, TOKEN_KEY } from './signedIn.ts';

export type { AccountRole };

export interface Session {
  /** As typed at sign-in; empty means the server that served the app. */
  server: string;
  token: string;
}

export interface Me {
  tokenId: string;
  name: string;
  role: AccountRole;
}

export type MeResult =
  | { kind: 'ok'; me: Me }
  /** The server answered and does not accept the token (401) or the caller (403). */
  | { kind: 'refused' }
  /** No answer: offline, server down, or a reply that is not the API's. */
  | { kind: 'unreachable' };

export type Fetch = typeof fetch;

const REQUEST_TIMEOUT_MS = 10_000;

export async function readSession(): Promise<Session | null> {
  const settings = getDb().settings;
  const [token, server] = await Promise.all([settings.get(TOKEN_KEY), settings.get(SERVER_KEY)]);
  if (typeof token?.value !== 'string' || token.value === '') return null;
  return { token: token.value, server: typeof server?.value === 'string' ? server.value : '' };
}

/** The address of an API path on the session's server; relative when it is the app's own server. */
export function apiUrl(server: string, path: string): string {
  return `${server.trim().replace(/\/+$/, '')}${path}`;
}

function timeoutSignal(): AbortSignal | undefined {
  return typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(REQUEST_TIMEOUT_MS) : undefined;
}

function isMe(value: unknown): value is Me {
  const v = value as Partial<Me> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.tokenId === 'string' &&
    typeof v.name === 'string' &&
    isAccountRole(v.role)
  );
}

/** GET /api/me: checks the token with the server and says what it may do; the role is remembered offline. */
export async function fetchMe(session: Session, fetcher: Fetch = fetch): Promise<MeResult> {
  const result = await lookUpToken(session, fetcher);
  if (result.kind === 'ok') await rememberAccountRole(result.me.role);
  return result;
}

/** GET /api/me for any token, remembering nothing: an invite link's token is not this device's (yet). */
export async function lookUpToken(session: Session, fetcher: Fetch = fetch): Promise<MeResult> {
  try {
    const res = await fetcher(apiUrl(session.server, '/api/me'), {
      headers: { Authorization: `Bearer ${session.token}` },
      signal: timeoutSignal(),
    });
    if (res.status === 401 || res.status === 403) return { kind: 'refused' };
    if (!res.ok) return { kind: 'unreachable' };
    const body: unknown = await res.json();
    if (!isMe(body)) return { kind: 'unreachable' };
    return { kind: 'ok', me: { tokenId: body.tokenId, name: body.name, role: body.role } };
  } catch {
    return { kind: 'unreachable' };
  }
}

export interface InviteRequest {
  role: 'technician' | 'observer';
  name: string;
  missions: string[];
}

export class InviteError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`invite failed: ${status}`);
    this.status = status;
  }
}

/** POST /api/invites (coordinators only): a new token for another device. Throws InviteError (0: no answer). */
export async function createInvite(
  session: Session,
  request: InviteRequest,
  fetcher: Fetch = fetch,
): Promise<{ token: string; id: string }> {
  let res: Response;
  try {
    res = await fetcher(apiUrl(session.server, '/api/invites'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      signal: timeoutSignal(),
    });
  } catch {
    throw new InviteError(0);
  }
  if (!res.ok) throw new InviteError(res.status);
  const body = (await res.json()) as { token?: unknown; id?: unknown };
  if (typeof body.token !== 'string' || typeof body.id !== 'string') throw new InviteError(0);
  return { token: body.token, id: body.id };
}

/** `<base>/join#token=…`: in the fragment, which browsers never send, so the token stays out of server logs. */
export function inviteLink(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/join#token=${encodeURIComponent(token)}`;
}

/** The token of an invite link's fragment (`#token=…`), or null. */
export function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token !== null && token.trim() !== '' ? token.trim() : null;
}
