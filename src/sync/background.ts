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
}

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
  const { concurrency = 2, timeoutMs = 30_000, timers = realTimers } = options;
  const wanted = options.names ? new Set(options.names) : null;
  const queue = (await getDb().docs.toArray()).filter(
    (entry) => !wanted || wanted.has(entry.name) || wanted.has(`review:${entry.missionId}`),
  );
  const outcomes = new Map<string, BackgroundOutcome>();
  const worker = async (): Promise<void> => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const id = asMissionId(entry.missionId);
      if (!id) continue;
      const name = missionDocName(id);
      const review = reviewDocName(id);
      if (wanted && !wanted.has(name)) {
        outcomes.set(review, await syncReview(id, timeoutMs, timers));
        continue;
      }
      await acquireMission(id);
      try {
        const outcome = await settled(name, timeoutMs, timers);
        outcomes.set(name, outcome);
        // While the mission is still open and confirmed: its review attaches only once the server knows it.
        if (outcome === 'upToDate' && (!wanted || wanted.has(review)))
          outcomes.set(review, await syncReview(id, timeoutMs, timers));
      } finally {
        releaseMission(id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return outcomes;
}

async function syncReview(id: MissionId, timeoutMs: number, timers: Timers): Promise<BackgroundOutcome> {
  await acquireReview(id);
  try {
    return await settled(reviewDocName(id), timeoutMs, timers);
  } finally {
    releaseReview(id);
  }
}

/** Resolves when the open document is confirmed or refused, the device signs out, or the timeout passes. */
export function settled(
  name: string,
  timeoutMs: number,
  timers: Timers = realTimers,
): Promise<BackgroundOutcome> {
  return new Promise((resolve) => {
    let timer: unknown = null;
    let unsubscribe: () => void = () => undefined;
    const outcome = (): BackgroundOutcome | null => {
      if (connectionState() === 'signedOut') return 'stopped';
      const state = docSyncState(name);
      // A stale "confirmed" from an earlier opening does not count: detach() clears it.
      if (!state?.open) return null;
      if (state.refused) return 'refused';
      return state.confirmed ? 'upToDate' : null;
    };
    const finish = (result: BackgroundOutcome): void => {
      unsubscribe();
      if (timer !== null) timers.clearTimeout(timer);
      resolve(result);
    };
    const now = outcome();
    if (now) return resolve(now);
    unsubscribe = onSyncStatus(() => {
      const result = outcome();
      if (result) finish(result);
    });
    timer = timers.setTimeout(() => finish('timedOut'), timeoutMs);
  });
}
