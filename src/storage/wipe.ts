// Removes everything Minga keeps on this device, for a shared phone: every mission document and the Dexie
// database (list, photos, sync state, settings, profile). The next person finds a new phone's setup screen.
// The service worker and its caches stay: they hold only the app, which must still open offline.
//
// Callers decide beforehand that nothing would be lost, and stop anything that writes (sync) first.
import { getDb } from './db.ts';
import { closeAllMissions } from './docStore.ts';
import { closeAllReviews } from './reviewStore.ts';
import { announce } from './removalChannel.ts';

/** Closes every document and the database of this tab, so that a removal elsewhere is not blocked by them. */
export async function releaseEverything(): Promise<void> {
  await closeAllReviews();
  await closeAllMissions();
  getDb().close();
}

/** y-indexeddb names each database after its document: `mission:<uuid>`, and the same scheme for the others. */
const DOCUMENT_PREFIXES = ['mission:', 'review:', 'programme:'];
/** A deletion still waiting this long is held by another connection (another tab, another window). */
const BLOCKED_AFTER_MS = 3000;
/** Rounds of close, delete and verify: a document opened by a task that was still finishing gets a second. */
const ROUNDS = 3;

export type WipeResult =
  | { ok: true }
  /** Some databases remain; `blocked` when another tab or window holds them open. */
  | { ok: false; blocked: boolean; remaining: string[] };

export interface WipeOptions {
  blockedAfterMs?: number;
}

type Deletion = 'deleted' | 'blocked' | 'failed';

/**
 * Closes every open document and the Dexie database, then deletes each database of ours and checks that none
 * remains. Safe to call again after a partial failure. This page's database stays closed afterwards (a late
 * write must not bring it back): reload the page to start afresh.
 */
export async function removeDeviceData(options: WipeOptions = {}): Promise<WipeResult> {
  const blockedAfterMs = options.blockedAfterMs ?? BLOCKED_AFTER_MS;
  const db = getDb();
  announce('removing');
  let result: WipeResult = { ok: false, blocked: false, remaining: [] };
  for (let round = 0; round < ROUNDS && !result.ok && !result.blocked; round++) {
    const documents = await documentDatabases();
    await closeAllReviews();
    await closeAllMissions();
    db.close();
    const failed: string[] = [];
    let blocked = false;
    for (const name of documents) {
      const outcome = await deleteDatabase(name, blockedAfterMs);
      if (outcome !== 'deleted') failed.push(name);
      blocked ||= outcome === 'blocked';
    }
    // The Dexie database goes last: while any document remains, it still lists them for the next attempt.
    if (failed.length === 0) {
      const outcome = await deleteDatabase(db.name, blockedAfterMs);
      if (outcome !== 'deleted') failed.push(db.name);
      blocked ||= outcome === 'blocked';
    }
    const remaining = [...new Set([...failed, ...(await remainingDatabases(db.name))])];
    result = remaining.length === 0 ? { ok: true } : { ok: false, blocked, remaining };
  }
  announce('removed');
  return result;
}

function isDocumentDatabase(name: string): boolean {
  return DOCUMENT_PREFIXES.some((prefix) => name.startsWith(prefix));
}

function canListDatabases(): boolean {
  return typeof indexedDB.databases === 'function';
}

/** Every document database on this origin where the browser can list them; else those the app registered. */
async function documentDatabases(): Promise<string[]> {
  if (canListDatabases()) {
    const listed = await indexedDB.databases();
    return listed.map((info) => info.name ?? '').filter(isDocumentDatabase);
  }
  const db = getDb();
  // After a failed attempt the database is closed; it still exists (it is deleted last), so open it again.
  if (!db.isOpen()) await db.open();
  return (await db.docs.toArray()).map((entry) => entry.name);
}

/** What is still there after deleting; nothing can be checked where the browser cannot list databases. */
async function remainingDatabases(dexieName: string): Promise<string[]> {
  if (!canListDatabases()) return [];
  const listed = await indexedDB.databases();
  return listed
    .map((info) => info.name ?? '')
    .filter((name) => name === dexieName || isDocumentDatabase(name));
}

/**
 * A connection that does not close on `versionchange` keeps the deletion waiting (the request fires `blocked`
 * and completes once it closes). Such a wait is reported rather than awaited: the user can close the other tab.
 */
function deleteDatabase(name: string, blockedAfterMs: number): Promise<Deletion> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    const timer = setTimeout(() => resolve('blocked'), blockedAfterMs);
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve('deleted');
    };
    request.onerror = () => {
      clearTimeout(timer);
      console.warn(`could not delete database ${name}`, request.error);
      resolve('failed');
    };
  });
}
