// Whether removing this device's data would lose work: changes the server has not acknowledged that no
// confirmed backup holds, and photos the server does not have yet that the backup does not hold either.
import { combinedVector } from '../domain/bundle/coverage.ts';
import { asMissionId, missionDocName } from '../domain/ids.ts';
import { loadBackupCoverage } from '../storage/backupCoverage.ts';
import { getDb } from '../storage/db.ts';
import { acquireMission, releaseMission } from '../storage/docStore.ts';
import { missionsByPhoto } from './blobQueue.ts';
import { countPending } from './pending.ts';
import { pendingReviewChanges } from './reviewSync.ts';
import { loadServerState } from './syncState.ts';

export interface RemovalCheck {
  /** Records changed on this device that the server has not acknowledged (the status bar's count). */
  notOnServer: number;
  /** Of those, the ones the last exported backup does not hold either: removing would lose them. */
  notBackedUp: number;
  /** The documents holding changes that would be lost. */
  documents: string[];
  /** Photos a mission refers to that have not been uploaded yet. */
  photos: number;
  /** Nothing would be lost: every change is on the server or in the backup, every photo uploaded. */
  removable: boolean;
}

export { combinedVector };

/** Counts, for every mission on this device, what would be lost; `server` is the acknowledgements' key. */
export async function checkRemoval(server: string): Promise<RemovalCheck> {
  const backedUp = await loadBackupCoverage();
  let notOnServer = 0;
  let notBackedUp = 0;
  const documents: string[] = [];
  for (const entry of await getDb().docs.toArray()) {
    const id = asMissionId(entry.missionId);
    if (!id) continue;
    const name = missionDocName(id);
    const mission = await acquireMission(id);
    try {
      const acknowledged = (await loadServerState(name, server))?.serverStateVector ?? null;
      const pending = countPending(mission.doc, acknowledged);
      if (pending === 0) continue;
      const lost = countPending(mission.doc, combinedVector(acknowledged, backedUp.docs.get(name)));
      notOnServer += pending;
      notBackedUp += lost;
      if (lost > 0) documents.push(name);
    } finally {
      releaseMission(id);
    }
  }
  // A coordinator's review decisions and comments: unsent and not in the backup, they would be lost.
  const reviewsPending = await pendingReviewChanges(server);
  const reviewsLost = await pendingReviewChanges(server, backedUp.docs);
  for (const [name, pending] of reviewsPending) {
    if (pending === 0) continue;
    const lost = reviewsLost.get(name) ?? pending;
    notOnServer += pending;
    notBackedUp += lost;
    if (lost > 0) documents.push(name);
  }
  const photos = await photosNotUploaded(backedUp.photos);
  return { notOnServer, notBackedUp, documents, photos, removable: notBackedUp === 0 && photos === 0 };
}

/**
 * Photos still 'local' that some mission shows and the backup lacks. One no mission refers to (removed from its record before it was
 * uploaded) is never uploaded and would keep the data from ever being removed: it is nobody's work any more.
 */
async function photosNotUploaded(backedUp: ReadonlySet<string>): Promise<number> {
  const waiting = (await getDb().blobs.where('upload').equals('local').primaryKeys()).filter(
    (sha256) => !backedUp.has(sha256),
  );
  if (waiting.length === 0) return 0;
  const referenced = await missionsByPhoto();
  return waiting.filter((sha256) => referenced.has(sha256)).length;
}
