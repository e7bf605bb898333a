// Signing this device in and out of a sync server, and the one live connection while signed in.
import { asMissionId, missionDocName } from '../domain/ids.ts';
import { getDb } from '../storage/db.ts';
import { acquireMission, observeMissions, releaseMission } from '../storage/docStore.ts';
import { syncInBackground } from './background.ts';
import { httpBase, startBlobQueue, type BlobQueue } from './blobQueue.ts';
import type { BlobEndpoint } from './blobEndpoint.ts';
import { discoverMissions } from './discovery.ts';
import { SyncConnection, type ConnectionOptions } from './connection.ts';
import { ChangeFeed } from './feed.ts';
import { browserConnectivity } from './connectivity.ts';
import { countPending } from './pending.ts';
import { checkRemoval, type RemovalCheck } from './removalCheck.ts';
import { resetSyncStatus, setConnectionState } from './status.ts';
import { setPhotoQuota } from './photoQuota.ts';
import { loadServerState } from './syncState.ts';
import { onSaveState } from '../storage/saveStatus.ts';
import { fetchMe } from './account.ts';
import { ROLE_KEY } from './signedIn.ts';
import { removeDeviceData } from '../storage/wipe.ts';
import { pendingReviewChanges, syncReviews } from './reviewSync.ts';

export const SYNC_TOKEN_KEY = 'syncToken';
export const SYNC_SERVER_KEY = 'syncServer';

/** What the environment provides; tests replace connectivity, clocks, randomness and the page's origin. */
export type SyncEnvironment = Partial<
  Omit<ConnectionOptions, 'url' | 'server' | 'token' | 'onConnected' | 'onDisconnected'>
> & {
  /** The page's origin, used when the server is the one that served the app. */
  origin?: string;
  /** Missions synced at once in the background after each (re)connection; 0 turns the background pass off. */
  backgroundConcurrency?: number;
  /** How long after the socket opens the server's list of versions may take before the full pass runs. */
  feedWaitMs?: number;
};

export type SignOutResult =
  | { ok: true }
  /** Removing the data was refused, nothing changed: it would lose what `check` counts. */
  | { ok: false; reason: 'wouldLoseWork'; check: RemovalCheck }
  /** Signed out, but some databases remain (`blocked`: another tab holds them); removeDeviceData again. */
  | { ok: false; reason: 'removalIncomplete'; blocked: boolean; remaining: string[] }
  | { ok: false; reason: 'notSignedIn' };

let environment: SyncEnvironment = {};
let live: {
  connection: SyncConnection;
  feed: ChangeFeed;
  stopObserving: () => void;
  blobs: BlobQueue;
  stopWatchingSaves: () => void;
} | null = null;
let backgroundRunning = false;
/** Aborts the full pass (servers without the feed) when the socket reopens, so the new one starts at once. */
let backgroundPass: AbortController | null = null;

export function configureSync(next: SyncEnvironment): void {
  environment = next;
}

/** `https://host` → `wss://host/sync`; an empty server means the origin that served the app. */
export function syncUrl(server: string, origin: string): string {
  const base = (server.trim() || origin).replace(/\/+$/, '');
  return `${base.replace(/^http/, 'ws')}/sync`;
}

function pageOrigin(): string {
  return environment.origin ?? (typeof location === 'undefined' ? '' : location.origin);
}

/** The name stored acknowledgements carry: one spelling per server, whether typed with a slash or left empty. */
function serverKey(server: string): string {
  return (server.trim() || pageOrigin()).replace(/\/+$/, '');
}

/** At app start: resumes syncing when this device was signed in. */
export async function startSync(): Promise<boolean> {
  if (live) return true;
  const settings = getDb().settings;
  const [tokenRow, serverRow] = await Promise.all([
    settings.get(SYNC_TOKEN_KEY),
    settings.get(SYNC_SERVER_KEY),
  ]);
  if (typeof tokenRow?.value !== 'string' || tokenRow.value === '') return false;
  start(typeof serverRow?.value === 'string' ? serverRow.value : '', tokenRow.value);
  return true;
}

export async function signIn({ server, token }: { server: string; token: string }): Promise<void> {
  if (token.trim() === '') throw new Error('signIn: empty token');
  await stopSync();
  await getDb().settings.bulkPut([
    { key: SYNC_SERVER_KEY, value: server.trim() },
    { key: SYNC_TOKEN_KEY, value: token.trim() },
  ]);
  start(server.trim(), token.trim());
}

/**
 * Signs this device out. Keeping the data loses nothing, so it is always allowed. Removing it (a shared phone)
 * is refused while it would lose work — see removalCheck.ts — and otherwise leaves a new phone behind.
 */
export async function signOut({ removeData = false } = {}): Promise<SignOutResult> {
  const server = await storedServerKey();
  if (server === null) return { ok: false, reason: 'notSignedIn' };
  if (removeData) {
    const check = await checkRemoval(server);
    if (!check.removable) return { ok: false, reason: 'wouldLoseWork', check };
  }
  await stopSync();
  // The token goes first: whatever happens to the rest, the next person does not use this account.
  await getDb().settings.bulkDelete([SYNC_TOKEN_KEY, SYNC_SERVER_KEY, ROLE_KEY]);
  resetSyncStatus();
  if (!removeData) return { ok: true };
  // A background pass still finishing would open documents again while they are being deleted.
  await backgroundIdle(BACKGROUND_STOP_MS);
  try {
    const removed = await removeDeviceData();
    if (removed.ok) return { ok: true };
    return { ok: false, reason: 'removalIncomplete', blocked: removed.blocked, remaining: removed.remaining };
  } catch (error) {
    // Part of the data may be gone already: the caller must finish with removeDeviceData, not sign in again.
    console.warn('removing this device’s data failed', error);
    return { ok: false, reason: 'removalIncomplete', blocked: false, remaining: [] };
  }
}

/** What removing this device's data would lose now, to show before asking; null when not signed in. */
export async function checkSignOutRemoval(): Promise<RemovalCheck | null> {
  const server = await storedServerKey();
  return server === null ? null : checkRemoval(server);
}

/** The key acknowledgements from the signed-in server are stored under; null when signed out. */
async function storedServerKey(): Promise<string | null> {
  const settings = getDb().settings;
  const [tokenRow, serverRow] = await Promise.all([
    settings.get(SYNC_TOKEN_KEY),
    settings.get(SYNC_SERVER_KEY),
  ]);
  if (tokenRow === undefined) return null;
  return serverKey(typeof serverRow?.value === 'string' ? serverRow.value : '');
}

/** Once stopped, a pass only runs through its queue; it may still be waiting for the missions' list. */
const BACKGROUND_STOP_MS = 10_000;

async function backgroundIdle(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (backgroundRunning && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * Records each mission on this device has that the server (its key, as stored) has not acknowledged, and on a
 * coordinator's device each review's.
 */
export async function pendingChanges(server: string): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const entry of await getDb().docs.toArray()) {
    const id = asMissionId(entry.missionId);
    if (!id) continue;
    const mission = await acquireMission(id);
    try {
      const row = await loadServerState(missionDocName(id), server);
      result.set(entry.name, countPending(mission.doc, row?.serverStateVector ?? null));
    } finally {
      releaseMission(id);
    }
  }
  for (const [name, count] of await pendingReviewChanges(server)) result.set(name, count);
  return result;
}

/** After a photo is saved: upload it now rather than at the next connection. */
export function kickPhotoUploads(): void {
  live?.blobs.kick();
}

/** Closes the connection (tests, sign-out); local data and acknowledgements stay. */
export async function stopSync(): Promise<void> {
  if (!live) return;
  const { connection, feed, stopObserving, blobs, stopWatchingSaves } = live;
  live = null;
  backgroundPass?.abort();
  feed.stop();
  stopWatchingSaves();
  blobs.stop();
  setPhotoQuota(null);
  stopObserving();
  connection.destroy();
  setConnectionState('signedOut', null);
}

function start(server: string, token: string): void {
  const origin = pageOrigin();
  const key = serverKey(server);
  const {
    backgroundConcurrency = 6,
    connectivity,
    random,
    now,
    timers,
    backoff,
    WebSocketPolyfill,
  } = environment;
  const online = connectivity ?? browserConnectivity();
  const endpoint = { baseUrl: httpBase(server, origin), token };
  const blobs = startBlobQueue({
    endpoint,
    connectivity: online,
    timers,
    random,
    backoff,
    // Each pass says afresh whether the quota still holds photos back.
    onState: (_state, pass) => pass && setPhotoQuota(pass.quota),
  });
  const feed: ChangeFeed = new ChangeFeed({
    server: key,
    random,
    sync: async (names, signal) => {
      if (backgroundConcurrency <= 0) return;
      await syncInBackground({
        concurrency: backgroundConcurrency,
        names,
        signal,
        ...(environment.timers ? { timers: environment.timers } : {}),
      });
    },
    advance: (name, version): boolean => connection.advance(name, version),
  });
  let fallback: ReturnType<typeof setTimeout> | null = null;
  const connection: SyncConnection = new SyncConnection({
    connectivity: online,
    random,
    now,
    timers,
    backoff,
    WebSocketPolyfill,
    url: syncUrl(server, origin),
    server: key,
    token,
    feed,
    onConnected: () => {
      blobs.kick();
      backgroundPass?.abort();
      // A server without the feed never sends its versions: then every held mission is synced, as before it.
      if (fallback !== null) clearTimeout(fallback);
      fallback = setTimeout(() => {
        fallback = null;
        if (live?.feed !== feed || feed.isReady()) return;
        feed.markAbsent();
        if (backgroundConcurrency > 0) void runBackground(backgroundConcurrency, endpoint);
      }, environment.feedWaitMs ?? FEED_WAIT_MS);
    },
    // The wait is for this socket's list: after a cut, the feed is not ready because the socket is gone, not
    // because the server has no feed. Taken for absent, every mission on the device would be synced again.
    onDisconnected: () => {
      if (fallback !== null) clearTimeout(fallback);
      fallback = null;
    },
  });
  const stopMissions = observeMissions({
    opened: (mission) => void connection.attach(missionDocName(mission.id), mission.doc),
    closing: (mission) => connection.detach(missionDocName(mission.id)),
  });
  const stopReviews = syncReviews(connection, key);
  const stopObserving = () => {
    stopMissions();
    stopReviews();
  };
  live = { connection, feed, stopObserving, blobs, stopWatchingSaves: kickUploadsAfterSaves(blobs) };
  // The role may have changed on the server since the last start (it decides what the screens offer). The
  // feed's list of versions then says which documents to sync, and which missions are new to this device.
  void fetchMe({ server: endpoint.baseUrl, token: endpoint.token }).catch((error: unknown) =>
    console.warn('sync: could not read the account', error),
  );
}

/** How long after the socket opens the server's list of versions may take before the full pass runs. */
const FEED_WAIT_MS = 15_000;

/** A photo reaches the server soon after the record that shows it is saved, not at the next connection. */
function kickUploadsAfterSaves(blobs: BlobQueue): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = onSaveState((state) => {
    if (state.kind !== 'saved' || timer) return;
    timer = setTimeout(() => {
      timer = null;
      // Only when a photo waits: a pass opens every mission to learn which one a photo belongs to.
      void getDb()
        .blobs.where('upload')
        .equals('local')
        .count()
        .then((waiting) => waiting > 0 && blobs.kick());
    }, 2000);
  });
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}

async function runBackground(concurrency: number, endpoint: BlobEndpoint): Promise<void> {
  // One pass at a time: a flapping connection must not stack passes that open every mission again.
  if (backgroundRunning) await backgroundIdle(BACKGROUND_STOP_MS);
  if (backgroundRunning) return;
  backgroundRunning = true;
  const pass = new AbortController();
  backgroundPass = pass;
  try {
    // The role may have changed on the server since the last start (it decides what the screens offer).
    await fetchMe({ server: endpoint.baseUrl, token: endpoint.token });
    // Missions shared with this device on the server join the pass, not only those it already holds.
    await discoverMissions(endpoint);
    await syncInBackground({
      concurrency,
      signal: pass.signal,
      ...(environment.timers ? { timers: environment.timers } : {}),
    });
  } catch (error) {
    console.warn('sync: background pass failed', error);
  } finally {
    if (backgroundPass === pass) backgroundPass = null;
    backgroundRunning = false;
  }
}
