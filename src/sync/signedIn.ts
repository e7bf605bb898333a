// "Is this device signed in?" without loading the sync module: the entry point asks it before importing sync.
import { getDb } from '../storage/db.ts';

/**
 * The same keys session.ts stores the sign-in under (SYNC_TOKEN_KEY, SYNC_SERVER_KEY), repeated here so the
 * first screen need not load session.ts and the Hocuspocus client; a unit test keeps them equal.
 */
export const TOKEN_KEY = 'syncToken';
export const SERVER_KEY = 'syncServer';

export async function hasSyncToken(): Promise<boolean> {
  const row = await getDb().settings.get(TOKEN_KEY);
  return typeof row?.value === 'string' && row.value !== '';
}
