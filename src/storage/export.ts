// Reads the missions held on this device for an export: one document at a time through the document pool, so a
// programme of hundreds of missions never holds them all open at once by this reader.
import type { MissionId } from '../domain/ids.ts';
import type { MissionSnapshot } from '../domain/records/snapshot.ts';
import { getDb } from './db.ts';
import { acquireMission, releaseMission } from './docStore.ts';

export type ExportProgress = (done: number, total: number) => void;

/** Every mission document this device holds (its list rows may lag behind; the registry of documents does not). */
export async function missionsOnDevice(): Promise<MissionId[]> {
  const docs = await getDb().docs.toArray();
  return [...new Set(docs.map((entry) => entry.missionId as MissionId))];
}

/** Snapshots of the given missions held here (all of them when `ids` is null), read through the record schema. */
export async function readMissionsForExport(
  ids: readonly MissionId[] | null,
  onProgress: ExportProgress = () => {},
): Promise<MissionSnapshot[]> {
  const held = await missionsOnDevice();
  // Opening a mission this device does not hold would create an empty database for it: such ids are skipped.
  const chosen = ids === null ? held : ids.filter((id) => held.includes(id));
  const snapshots: MissionSnapshot[] = [];
  onProgress(0, chosen.length);
  for (const [index, id] of chosen.entries()) {
    const open = await acquireMission(id);
    try {
      snapshots.push(open.view.snapshot());
    } finally {
      releaseMission(id);
    }
    onProgress(index + 1, chosen.length);
  }
  return snapshots;
}
