// Signing this device in and out of a sync server, and the one live connection while signed in.
import { asMissionId, missionDocName } from '../domain/ids.ts';
import { getDb } from '../storage/db.ts';
import { acquireMission, observeMissions, releaseMission } from '../storage/docStore.ts';
import { syncInBackground } from './background.ts';
import { httpBase, startBlobQueue, type BlobQueue } from './blobQueue.ts';
import type { BlobEndpoint } from './blobEndpoint.ts';
import { discoverMissions } from './discovery.ts';
import { SyncConnection, type ConnectionOptions } from './connection.ts';
import { browserConnectivity } from './connectivity.ts';
import { countPending } from './pending.ts';
import { resetSyncStatus, setConnectionState } from './status.ts';
import { loadServerState } from './syncState.ts';
import { onSaveState } from '../storage/saveStatus.ts';
import { fetchMe } from './account.ts';
import { ROLE_KEY } from './signedIn.ts';
import { pendingReviewChanges, syncReviews } from './reviewSync.ts';

export const SYNC_TOKEN_KEY = 'syncToken';
export const SYNC_SERVER_KEY = 'syncServer';

/** What the environment provides; tests replace connectivity, clocks, randomness and the page's origin. */
export type SyncEnvironment = Partial<Omit<ConnectionOptions, 'url' | 'server' | 'token' | 'onConnected'>> & {
  /** The page's origin, used when the server is the one that served the app. */
  origin?: string;
  /** Missions synced at once in the background after each (re)connection; 0 turns the background pass off. */
  backgroundConcurrency?: number;
};

export type SignOutResult =
  | { ok: true }
  /** Local changes have not reached the server: export them first, or sign out with `force`. */
  | { ok: false; reason: 'pendingChanges'; pending: number; documents: string[] }
  | { ok: false; reason: 'notSignedIn' };

let environment: SyncEnvironment = {};
let live: {
  connection: SyncConnection;
  stopObserving: () => void;
  blobs: BlobQueue;
  stopWatchingSaves: () => void;
} | null = null;
let backgroundRunning = false;

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
 * Refuses while any mission holds changes the server has not acknowledged, unless `force`: on a shared phone
 * the next user must not inherit, nor the previous one lose, unsynced work without a decision.
 */
export async function signOut({ force = false } = {}): Promise<SignOutResult> {
  const settings = getDb().settings;
  const [tokenRow, serverRow] = await Promise.all([
    settings.get(SYNC_TOKEN_KEY),
    settings.get(SYNC_SERVER_KEY),
  ]);
  if (tokenRow === undefined) return { ok: false, reason: 'notSignedIn' };
  if (!force) {
    const pending = await pendingChanges(
      serverKey(typeof serverRow?.value === 'string' ? serverRow.value : ''),
    );
    const documents = [...pending].filter(([, count]) => count > 0).map(([name]) => name);
    if (documents.length > 0) {
      const total = documents.reduce((sum, name) => sum + (pending.get(name) ?? 0), 0);
      return { ok: false, reason: 'pendingChanges', pending: total, documents };
    }
  }
  await stopSync();
  await settings.bulkDelete([SYNC_TOKEN_KEY, SYNC_SERVER_KEY, ROLE_KEY]);
  resetSyncStatus();
  return { ok: true };
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
  const { connection, stopObserving, blobs, stopWatchingSaves } = live;
  live = null;
  stopWatchingSaves();
  blobs.stop();
  stopObserving();
  connection.destroy();
  setConnectionState('signedOut', null);
}

function start(server: string, token: string): void {
  const origin = pageOrigin();
  const key = serverKey(server);
  const {
    backgroundConcurrency = 2,
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
  });
  const connection = new SyncConnection({
    connectivity: online,
    random,
    now,
    timers,
    backoff,
    WebSocketPolyfill,
    url: syncUrl(server, origin),
    server: key,
    token,
    onConnected: () => {
      blobs.kick();
      if (backgroundConcurrency > 0) void runBackground(backgroundConcurrency, endpoint);
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
  live = { connection, stopObserving, blobs, stopWatchingSaves: kickUploadsAfterSaves(blobs) };
  // The socket opens only once a document is attached: a device holding no mission yet would never connect,
  // so discovery and the first background pass start now, over HTTP, and attach what they find.
  if (backgroundConcurrency > 0) void runBackground(backgroundConcurrency, endpoint);
}

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
  if (backgroundRunning) return;
  backgroundRunning = true;
  try {
    // The role may have changed on the server since the last start (it decides what the screens offer).
    await fetchMe({ server: endpoint.baseUrl, token: endpoint.token });
    // Missions shared with this device on the server join the pass, not only those it already holds.
    await discoverMissions(endpoint);
    await syncInBackground({ concurrency, ...(environment.timers ? { timers: environment.timers } : {}) });
  } catch (error) {
    console.warn('sync: background pass failed', error);
  } finally {
    backgroundRunning = false;
  }
}
