// Whether a backup bundle holds everything a device would lose: every document's state (by state vector) and
// every photo not yet uploaded. Read from the bundle itself, once written, so a file that was cut short or never
// saved is never counted.
import * as Y from 'yjs';
import { missionDocName, type MissionId } from '../ids.ts';
import { reviewDocName } from '../review.ts';
import type { BundleContents } from './read.ts';

/** What a bundle or a device holds: document name → state vector, and photo hashes. */
export interface HeldState {
  docs: ReadonlyMap<string, Uint8Array>;
  photos: ReadonlySet<string>;
}

export interface BackupGaps {
  /** Documents whose state the backup lacks in part or whole. */
  docs: string[];
  /** Photos not uploaded that the backup lacks. */
  photos: string[];
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

/** Every operation `held` counts is also counted by `backup`. */
export function vectorCovers(held: Uint8Array, backup: Uint8Array | undefined): boolean {
  const has = backup ? Y.decodeStateVector(backup) : new Map<number, number>();
  for (const [client, clock] of Y.decodeStateVector(held)) if ((has.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * What a bundle truly holds. Only whole documents count (made against nothing): a delta lacks the state it was
 * made against, so it backs up nothing on its own.
 */
export function bundleHolds(contents: BundleContents): HeldState {
  const docs = new Map<string, Uint8Array>();
  for (const { entry, since, update } of contents.docs) {
    if (Y.decodeStateVector(since).size > 0) continue;
    const id = entry.mission as MissionId;
    const name = entry.kind === 'mission' ? missionDocName(id) : reviewDocName(id);
    docs.set(name, Y.encodeStateVectorFromUpdate(update));
  }
  return { docs, photos: new Set(contents.photos.map((photo) => photo.entry.sha256)) };
}

/** What the device holds that the backup lacks; empty lists when the backup may be counted. */
export function backupGaps(device: HeldState, backup: HeldState): BackupGaps {
  const docs = [...device.docs]
    .filter(([name, vector]) => !vectorCovers(vector, backup.docs.get(name)))
    .map(([name]) => name);
  const photos = [...device.photos].filter((sha256) => !backup.photos.has(sha256));
  return { docs, photos };
}
