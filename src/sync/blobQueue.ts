// Photo uploads to the sync server: a queue whose only state is the Dexie `upload` field, so it survives reloads.
import { asMissionId, type MissionId, type Sha256 } from '../domain/ids.ts';
import { getDb, type MingaDb } from '../storage/db.ts';
import { acquireMission, releaseMission } from '../storage/docStore.ts';
import { DEFAULT_BACKOFF, nextDelay, type BackoffOptions } from './backoff.ts';
import { realTimers, type Timers } from './connection.ts';
import { browserConnectivity, type Connectivity } from './connectivity.ts';
import type { BlobEndpoint } from './blobEndpoint.ts';
import { isPhotoQuota, type PhotoQuota } from './photoQuota.ts';

export { currentEndpoint, httpBase, type BlobEndpoint } from './blobEndpoint.ts';
export { fetchMissingPhoto, type FetchPhotoOptions } from './photoDownload.ts';

/**
 * Which missions reference each photo, read from the mission documents themselves: a blob row does not know
 * its mission, and the server only accepts a blob for a mission the caller may write.
 */
export async function missionsByPhoto(db: MingaDb = getDb()): Promise<Map<Sha256, MissionId[]>> {
  const result = new Map<Sha256, MissionId[]>();
  for (const entry of await db.docs.toArray()) {
    const id = asMissionId(entry.missionId);
    if (!id) continue;
    const mission = await acquireMission(id);
    try {
      const { assessments, notes } = mission.view.snapshot();
      for (const record of [...assessments, ...notes]) {
        for (const { sha256 } of record.photos) {
          const list = result.get(sha256) ?? [];
          if (!list.includes(id)) list.push(id);
          result.set(sha256, list);
        }
      }
    } finally {
      releaseMission(id);
    }
  }
  return result;
}

export interface UploadPass {
  uploaded: Sha256[];
  /** Network errors, 5xx, 429: worth trying again later. */
  retry: Sha256[];
  /** The server will never take these as they are (413 too large, 422 hash mismatch, 400). */
  rejected: { sha256: Sha256; status: number }[];
  /** No mission on this device references them (yet): nothing to upload them for. */
  unreferenced: Sha256[];
  /** 401 or 403: the token is unknown, revoked or not allowed; the queue stops. */
  refused: number | null;
  /** A photo held back by the server's quota (429 with its code): kept, and tried again later. */
  quota: PhotoQuota | null;
}

/** The quota code of a 429 reply, if it names one; the body is read, or discarded. */
async function quotaOf(response: Response): Promise<PhotoQuota | null> {
  if (response.status !== 429) {
    await response.body?.cancel();
    return null;
  }
  try {
    const body = (await response.json()) as { error?: unknown } | null;
    return isPhotoQuota(body?.error) ? body.error : null;
  } catch {
    return null;
  }
}

export interface UploadOptions {
  db?: MingaDb;
  fetch?: typeof fetch;
  /** Blobs not to try in this pass (rejected earlier in the session). */
  skip?: ReadonlySet<string>;
}

/** One pass: every 'local' blob, one at a time (phones on 3G), once per mission that references it. */
export async function uploadPending(
  endpoint: BlobEndpoint,
  options: UploadOptions = {},
): Promise<UploadPass> {
  const db = options.db ?? getDb();
  const send = options.fetch ?? fetch;
  const pass: UploadPass = {
    uploaded: [],
    retry: [],
    rejected: [],
    unreferenced: [],
    refused: null,
    quota: null,
  };
  const pending = (await db.blobs.where('upload').equals('local').primaryKeys()).filter(
    (sha) => !options.skip?.has(sha),
  );
  if (pending.length === 0) return pass;
  const missions = await missionsByPhoto(db);
  for (const sha256 of pending) {
    const targets = missions.get(sha256) ?? [];
    if (targets.length === 0) {
      pass.unreferenced.push(sha256);
      continue;
    }
    // Read one row at a time: all of a week's photos at once would not fit a small phone's memory.
    const row = await db.blobs.get(sha256);
    if (row === undefined || row.upload !== 'local') continue;
    let status = 0;
    for (const mission of targets) {
      try {
        const response = await send(`${endpoint.baseUrl}/api/blobs/${sha256}?mission=${mission}`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${endpoint.token}`, 'Content-Type': row.mime },
          body: row.blob,
        });
        status = response.status;
        pass.quota = (await quotaOf(response)) ?? pass.quota;
      } catch {
        status = 0;
      }
      if (status < 200 || status >= 300) break;
    }
    if (status === 401 || status === 403) {
      pass.refused = status;
      return pass;
    }
    if (status >= 200 && status < 300) {
      await db.blobs.where('sha256').equals(sha256).modify({ upload: 'uploaded' });
      pass.uploaded.push(sha256);
    } else if (status === 0 || status === 429 || status >= 500) pass.retry.push(sha256);
    else pass.rejected.push({ sha256, status });
  }
  return pass;
}

export type BlobQueueState =
  | { kind: 'idle' }
  | { kind: 'uploading' }
  | { kind: 'offline' }
  | { kind: 'waiting'; attempt: number; retryInMs: number }
  | { kind: 'refused'; status: number }
  | { kind: 'stopped' };

export interface BlobQueueOptions {
  endpoint: BlobEndpoint;
  db?: MingaDb;
  fetch?: typeof fetch;
  connectivity?: Connectivity;
  timers?: Timers;
  random?: () => number;
  backoff?: BackoffOptions;
  /** Every state change, with the pass that caused it when there was one. */
  onState?: (state: BlobQueueState, pass: UploadPass | null) => void;
}

export interface BlobQueue {
  /** Run a pass now (a photo was saved, the connection came back); a pass under way is followed by another. */
  kick(): void;
  stop(): void;
  state(): BlobQueueState;
}

/**
 * Uploads until nothing 'local' is left that can go, retrying with capped backoff. Nothing is kept in memory
 * that a reload would lose: a new queue after a reload finds the same 'local' rows.
 */
export function startBlobQueue(options: BlobQueueOptions): BlobQueue {
  const timers = options.timers ?? realTimers;
  const connectivity = options.connectivity ?? browserConnectivity();
  const random = options.random ?? Math.random;
  const rejected = new Set<string>();
  let state: BlobQueueState = { kind: 'idle' };
  let attempt = 0;
  let timer: unknown = null;
  let running = false;
  let again = false;

  const set = (next: BlobQueueState, pass: UploadPass | null = null): void => {
    state = next;
    options.onState?.(next, pass);
  };
  const finished = (): boolean => state.kind === 'stopped' || state.kind === 'refused';

  const run = async (): Promise<void> => {
    if (finished()) return;
    if (running) {
      again = true;
      return;
    }
    if (!connectivity.online()) return set({ kind: 'offline' });
    running = true;
    set({ kind: 'uploading' });
    let pass: UploadPass | null = null;
    try {
      pass = await uploadPending(options.endpoint, { db: options.db, fetch: options.fetch, skip: rejected });
    } catch (error) {
      // A storage failure is treated like a network one: retried, never fatal to the app.
      console.warn('blobQueue: pass failed', error);
    } finally {
      running = false;
    }
    if (finished()) return;
    pass?.rejected.forEach(({ sha256 }) => rejected.add(sha256));
    if (pass?.refused) {
      unsubscribe();
      return set({ kind: 'refused', status: pass.refused }, pass);
    }
    if (again) {
      again = false;
      void run();
    } else if (pass === null || pass.retry.length > 0) {
      const retryInMs = nextDelay(attempt, random, options.backoff ?? DEFAULT_BACKOFF);
      attempt += 1;
      timer = timers.setTimeout(() => {
        timer = null;
        void run();
      }, retryInMs);
      set({ kind: 'waiting', attempt, retryInMs }, pass);
    } else {
      attempt = 0;
      set({ kind: 'idle' }, pass);
    }
  };

  const kick = (): void => {
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
    void run();
  };
  const unsubscribe = connectivity.subscribe(() => {
    if (connectivity.online() && connectivity.visible()) kick();
  });
  kick();
  return {
    kick,
    stop() {
      unsubscribe();
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      set({ kind: 'stopped' });
    },
    state: () => state,
  };
}
