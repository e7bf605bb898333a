// Review documents on the sync connection: attached like missions, but only once the server knows the mission.
import { combinedVector } from '../domain/bundle/coverage.ts';
import { asMissionId, missionDocName, type MissionId } from '../domain/ids.ts';
import { mayWriteReview, reviewDocName } from '../domain/review.ts';
import { getDb } from '../storage/db.ts';
import { acquireReview, observeReviews, releaseReview } from '../storage/reviewStore.ts';
import type { SyncConnection } from './connection.ts';
import { countPending } from './pending.ts';
import { readAccountRole } from './signedIn.ts';
import { docSyncState, onSyncStatus } from './status.ts';
import { loadServerState } from './syncState.ts';

/**
 * The server lets a technician read a mission's review once they are a member of the mission, which the
 * mission's own first sync makes them. Opened together with a mission the server has never seen, the review
 * would be refused before the mission joins them, and the app would say "access refused" about a mission that
 * is fine. So each open review attaches once its mission has been confirmed by this server, now or earlier.
 * Returns the function that stops attaching (the connection detaches what it holds when destroyed).
 */
export function syncReviews(connection: SyncConnection, server: string): () => void {
  const waiting = new Map<string, () => void>();
  const stopObserving = observeReviews({
    opened: (review) => {
      const name = reviewDocName(review.id);
      waiting.get(name)?.();
      waiting.set(
        name,
        whenMissionKnown(review.id, server, () => {
          waiting.delete(name);
          void connection.attach(name, review.doc);
        }),
      );
    },
    closing: (review) => {
      const name = reviewDocName(review.id);
      waiting.get(name)?.();
      waiting.delete(name);
      connection.detach(name);
    },
  });
  return () => {
    stopObserving();
    waiting.forEach((cancel) => cancel());
    waiting.clear();
  };
}

/** Runs `then` once the server has confirmed mission `id` (live in this session, or as stored); cancellable. */
function whenMissionKnown(id: MissionId, server: string, then: () => void): () => void {
  const mission = missionDocName(id);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    then();
  };
  const unsubscribe = onSyncStatus(() => {
    if (docSyncState(mission)?.confirmed) finish();
  });
  if (docSyncState(mission)?.confirmed) finish();
  else
    void loadServerState(mission, server).then(
      (row) => row && finish(),
      (error: unknown) => console.warn('sync: could not read what the server has of', mission, error),
    );
  return () => {
    done = true;
    unsubscribe();
  };
}

/**
 * Review changes this device holds that the server has not acknowledged, per document, for sign-out's check.
 * Only a coordinator's device writes reviews: for any other, nothing is ever pending and no review is opened.
 */
export async function pendingReviewChanges(
  server: string,
  /** Document name → state vector also safe elsewhere (a confirmed backup). */
  alsoHeld: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (!mayWriteReview(await readAccountRole())) return result;
  for (const entry of await getDb().docs.toArray()) {
    const id = asMissionId(entry.missionId);
    if (!id) continue;
    const review = await acquireReview(id);
    try {
      const row = await loadServerState(reviewDocName(id), server);
      const held = combinedVector(row?.serverStateVector, alsoHeld.get(reviewDocName(id)));
      result.set(reviewDocName(id), countPending(review.doc, held));
    } finally {
      releaseReview(id);
    }
  }
  return result;
}
