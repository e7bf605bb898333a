// Syncs every mission this device holds, not only the one on screen: a queue with bounded concurrency.
import { asMissionId, missionDocName, type MissionId } from '../domain/ids.ts';
import { reviewDocName } from '../domain/review.ts';
import { getDb } from '../storage/db.ts';
import { acquireMission, releaseMission } from '../storage/docStore.ts';
import { acquireReview, releaseReview } from '../storage/reviewStore.ts';
import { realTimers, type Timers } from './connection.ts';
import { connectionState, docSyncState, onSyncStatus } from './status.ts';

export interface BackgroundOptions {
  /** Documents open at once; each holds its Y.Doc in memory while it syncs. */
  concurrency?: number;
  /** Give up on one document after this long and move on; the next pass retries it. */
  timeoutMs?: number;
  timers?: Timers;
  /**
   * Restrict the pass to these document names (default: every mission in `docs`, each with its review). A
   * review named here is synced even when its mission is not; one not named is left closed.
   */
  names?: readonly string[];
  /** Aborted when the connection drops: the pass ends at once, so the next one after the network returns runs. */
  signal?: AbortSignal;
}

/**
 * Documents a pass attaches at once, whatever is asked: the server closes a socket with 100 documents waiting
 * for authentication (4205), and after a blip every attached document re-authenticates together, beside those
 * open on screen.
 */
export const MAX_ATTACHED_AT_ONCE = 8;

/** A document the pass synced closes as soon as nobody else uses it (no screen's linger, see docPool.ts). */
const PASS_LINGER_MS = 0;

export type BackgroundOutcome = 'upToDate' | 'refused' | 'timedOut' | 'stopped';

/**
 * Opens each mission document in turn — docStore's observer attaches a provider, which records the server's
 * state vector when it confirms — waits until it is up to date, refused or timed out, then releases it.
 * A mission that is up to date then has its review synced too (`review:<id>`), so a technician finds the
 * coordinator's decision on the phone offline; outcomes are keyed by document name, reviews included.
 */
export async function syncInBackground(
  options: BackgroundOptions = {},
): Promise<Map<string, BackgroundOutcome>> {
  const { concurrency = 2, timeoutMs = 30_000, timers = realTimers, signal } = options;
  const wanted = options.names ? new Set(options.names) : null;
  const queue = inAskedOrder(
    (await getDb().docs.toArray()).filter(
      (entry) => !wanted || wanted.has(entry.name) || wanted.has(`review:${entry.missionId}`),
    ),
    options.names,
  );
  const outcomes = new Map<string, BackgroundOutcome>();
  const worker = async (): Promise<void> => {
    for (let entry = queue.shift(); entry && !signal?.aborted; entry = queue.shift()) {
      const id = asMissionId(entry.missionId);
      if (!id) continue;
      const name = missionDocName(id);
      const review = reviewDocName(id);
      if (wanted && !wanted.has(name)) {
        outcomes.set(review, await syncReview(id, timeoutMs, timers, signal));
        continue;
      }
      await acquireMission(id);
      try {
        const outcome = await settled(name, timeoutMs, timers, signal);
        outcomes.set(name, outcome);
        // While the mission is still open and confirmed: its review attaches only once the server knows it.
        // A pass the feed asked for names only the reviews that exist on the server (or changed here): one never
        // written costs nothing. A full pass (a server without the feed) cannot tell, so it syncs every review.
        if (outcome === 'upToDate' && (!wanted || wanted.has(review)))
          outcomes.set(review, await syncReview(id, timeoutMs, timers, signal));
      } finally {
        releaseMission(id, PASS_LINGER_MS);
      }
    }
  };
  const workers = Math.min(MAX_ATTACHED_AT_ONCE, Math.max(1, concurrency));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}

/** The documents in the order asked (changed here first, see feed.ts); a mission goes where its review is asked. */
function inAskedOrder<T extends { name: string; missionId: string }>(
  entries: T[],
  names: readonly string[] | undefined,
): T[] {
  if (!names) return entries;
  const rank = new Map<string, number>();
  names.forEach((name, index) => rank.set(name, index));
  const rankOf = (entry: T): number =>
    Math.min(rank.get(entry.name) ?? Infinity, rank.get(`review:${entry.missionId}`) ?? Infinity);
  return entries.sort((a, b) => rankOf(a) - rankOf(b));
}

async function syncReview(
  id: MissionId,
  timeoutMs: number,
  timers: Timers,
  signal?: AbortSignal,
): Promise<BackgroundOutcome> {
  await acquireReview(id);
  try {
    return await settled(reviewDocName(id), timeoutMs, timers, signal);
  } finally {
    releaseReview(id, PASS_LINGER_MS);
  }
}

/**
 * Resolves when the open document is confirmed or refused, the device signs out, the pass is aborted, or the
 * timeout passes.
 */
export function settled(
  name: string,
  timeoutMs: number,
  timers: Timers = realTimers,
  signal?: AbortSignal,
): Promise<BackgroundOutcome> {
  return new Promise((resolve) => {
    let timer: unknown = null;
    let unsubscribe: () => void = () => undefined;
    const onAbort = (): void => finish('stopped');
    const outcome = (): BackgroundOutcome | null => {
      if (connectionState() === 'signedOut' || signal?.aborted) return 'stopped';
      const state = docSyncState(name);
      // A stale "confirmed" from an earlier opening does not count: detach() clears it.
      if (!state?.open) return null;
      if (state.refused) return 'refused';
      return state.confirmed ? 'upToDate' : null;
    };
    const finish = (result: BackgroundOutcome): void => {
      unsubscribe();
      signal?.removeEventListener('abort', onAbort);
      if (timer !== null) timers.clearTimeout(timer);
      resolve(result);
    };
    const now = outcome();
    if (now) return resolve(now);
    unsubscribe = onSyncStatus(() => {
      const result = outcome();
      if (result) finish(result);
    });
    signal?.addEventListener('abort', onAbort);
    timer = timers.setTimeout(() => finish('timedOut'), timeoutMs);
  });
}
