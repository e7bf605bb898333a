// Whether removing this device's data would lose work: changes the server has not acknowledged that no
// exported backup holds, and photos the server does not have yet (the JSON backup holds no photo).
import * as Y from 'yjs';
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

/**
 * What two acknowledgements hold together. Each vector says "every operation of device c below this clock", a
 * prefix per device, so together they hold the larger clock of each device; null when neither exists.
 */
export function combinedVector(...vectors: (Uint8Array | null | undefined)[]): Uint8Array | null {
  const present = vectors.filter((vector): vector is Uint8Array => vector instanceof Uint8Array);
  if (present.length === 0) return null;
  const clocks = new Map<number, number>();
  for (const vector of present)
    for (const [client, clock] of Y.decodeStateVector(vector))
      clocks.set(client, Math.max(clock, clocks.get(client) ?? 0));
  return Y.encodeStateVector(clocks);
}

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
      const lost = countPending(mission.doc, combinedVector(acknowledged, backedUp.get(name)));
      notOnServer += pending;
      notBackedUp += lost;
      if (lost > 0) documents.push(name);
    } finally {
      releaseMission(id);
    }
  }
  // A coordinator's review decisions and comments are not in the JSON backup: unsent, they would be lost.
  for (const [name, pending] of await pendingReviewChanges(server)) {
    if (pending === 0) continue;
    notOnServer += pending;
    notBackedUp += pending;
    documents.push(name);
  }
  const photos = await photosNotUploaded();
  return { notOnServer, notBackedUp, documents, photos, removable: notBackedUp === 0 && photos === 0 };
}

/**
 * Photos still 'local' that some mission shows. One no mission refers to (removed from its record before it was
 * uploaded) is never uploaded and would keep the data from ever being removed: it is nobody's work any more.
 */
async function photosNotUploaded(): Promise<number> {
  const waiting = await getDb().blobs.where('upload').equals('local').primaryKeys();
  if (waiting.length === 0) return 0;
  const referenced = await missionsByPhoto();
  return waiting.filter((sha256) => referenced.has(sha256)).length;
}
