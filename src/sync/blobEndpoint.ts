// Where this device sends and fetches photo bytes: the signed-in server's HTTP base and its token.
import { getDb, type MingaDb } from '../storage/db.ts';
import { SYNC_SERVER_KEY, SYNC_TOKEN_KEY } from './session.ts';

/** Where blobs go: the server's HTTP base (no trailing slash) and the device's token. */
export interface BlobEndpoint {
  baseUrl: string;
  token: string;
}

/** `https://host/` or `wss://host` → `https://host`; an empty server means the origin that served the app. */
export function httpBase(server: string, origin: string): string {
  return (server.trim() || origin).replace(/\/+$/, '').replace(/^ws/, 'http');
}

/** The signed-in server and token from settings, or null when this device is not signed in. */
export async function currentEndpoint(
  db: MingaDb = getDb(),
  origin = typeof location === 'undefined' ? '' : location.origin,
): Promise<BlobEndpoint | null> {
  const [token, server] = await Promise.all([
    db.settings.get(SYNC_TOKEN_KEY),
    db.settings.get(SYNC_SERVER_KEY),
  ]);
  if (typeof token?.value !== 'string' || token.value === '') return null;
  const baseUrl = httpBase(typeof server?.value === 'string' ? server.value : '', origin);
  return baseUrl === '' ? null : { baseUrl, token: token.value };
}
