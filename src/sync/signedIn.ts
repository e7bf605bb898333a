// "Is this device signed in?" without loading the sync module: the entry point asks it before importing sync.
import { isAccountRole, type AccountRole } from '../domain/access.ts';
import { getDb } from '../storage/db.ts';

/**
 * The same keys session.ts stores the sign-in under (SYNC_TOKEN_KEY, SYNC_SERVER_KEY), repeated here so the
 * first screen need not load session.ts and the Hocuspocus client; a unit test keeps them equal.
 */
export const TOKEN_KEY = 'syncToken';
export const SERVER_KEY = 'syncServer';
/** The role the server last reported for the token, kept so an offline start knows what the user may do. */
export const ROLE_KEY = 'syncRole';

export async function hasSyncToken(): Promise<boolean> {
  const row = await getDb().settings.get(TOKEN_KEY);
  return typeof row?.value === 'string' && row.value !== '';
}

/** The role last confirmed by the server for this device's token; null when not signed in or never confirmed. */
export async function readAccountRole(): Promise<AccountRole | null> {
  const [token, role] = await Promise.all([getDb().settings.get(TOKEN_KEY), getDb().settings.get(ROLE_KEY)]);
  if (typeof token?.value !== 'string' || token.value === '') return null;
  return isAccountRole(role?.value) ? role.value : null;
}

export async function rememberAccountRole(role: AccountRole): Promise<void> {
  const current = await getDb().settings.get(ROLE_KEY);
  if (current?.value !== role) await getDb().settings.put({ key: ROLE_KEY, value: role });
}
