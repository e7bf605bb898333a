// Reads the missions held on this device for an export: from the export projection (one row per mission, see
// ExportRow), and only a mission whose row is missing or of another projection version from its document, one
// at a time through the document pool, so a programme of hundreds of missions never holds them all open at once.
import type { MissionId } from '../domain/ids.ts';
import type { MissionSnapshot } from '../domain/records/snapshot.ts';
import { getDb } from './db.ts';
import { acquireMission, releaseMission } from './docStore.ts';
import { PROJECTION_VERSION, flushPendingProjections, flushProjection } from './projection.ts';

export type ExportProgress = (done: number, total: number) => void;

/** Every mission document this device holds (its list rows may lag behind; the registry of documents does not). */
export async function missionsOnDevice(): Promise<MissionId[]> {
  const docs = await getDb().docs.toArray();
  return [...new Set(docs.map((entry) => entry.missionId as MissionId))];
}

/** One mission read from its document; its rows are projected on the way, so the next export reads them. */
async function fromDocument(id: MissionId): Promise<MissionSnapshot> {
  const open = await acquireMission(id);
  try {
    await flushProjection(id, open);
    return open.view.snapshot();
  } finally {
    releaseMission(id);
  }
}

/** Snapshots of the given missions held here (all of them when `ids` is null), read through the record schema. */
export async function readMissionsForExport(
  ids: readonly MissionId[] | null,
  onProgress: ExportProgress = () => {},
): Promise<MissionSnapshot[]> {
  // An edit made a moment ago may still wait for its debounce: projected first, so the export holds it.
  await flushPendingProjections();
  const held = await missionsOnDevice();
  // Opening a mission this device does not hold would create an empty database for it: such ids are skipped.
  const heldSet = new Set(held);
  const chosen = ids === null ? held : ids.filter((id) => heldSet.has(id));
  const rows = await getDb().exports.bulkGet(chosen);
  const snapshots: MissionSnapshot[] = [];
  onProgress(0, chosen.length);
  for (const [index, id] of chosen.entries()) {
    const row = rows[index];
    snapshots.push(row?.projection === PROJECTION_VERSION ? row.snapshot : await fromDocument(id));
    onProgress(index + 1, chosen.length);
  }
  return snapshots;
}
