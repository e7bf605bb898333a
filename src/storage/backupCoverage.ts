// What the last backup exported before removing this device's data holds, so removal can tell whether every
// change is on the server or in that file.
//
// A backup's time cannot say that: changes received from a bundle peer or another tab carry no time of ours,
// and a phone's clock may be wrong. A Yjs state vector can: per editing device, how many operations the document
// held. It is read before the file is built, so the file holds at least that much (anything arriving while it is
// built counts as not backed up). A change is then safe when the server's acknowledged vector or this one
// reaches it; both are per-device prefixes, so their larger clock per device is what is safe.
import * as Y from 'yjs';
import { asMissionId, missionDocName } from '../domain/ids.ts';
import { buildBackup, type Backup } from './backup.ts';
import { LAST_BACKUP_KEY } from './backupStatus.ts';
import { getDb } from './db.ts';
import { acquireMission, releaseMission, type OpenMission } from './docStore.ts';

export const BACKUP_COVERAGE_KEY = 'backupCoverage';

export interface CoveredBackup extends Backup {
  /** Document name → the state vector the file holds at least. */
  vectors: Map<string, Uint8Array>;
}

/** The JSON backup, with the state of each document it holds. */
export async function buildCoveredBackup(appVersion: string, now = new Date()): Promise<CoveredBackup> {
  const held: OpenMission[] = [];
  try {
    // Held open until the file is built, so each document's vector is read before its snapshot.
    for (const entry of await getDb().docs.toArray()) {
      const id = asMissionId(entry.missionId);
      if (id) held.push(await acquireMission(id));
    }
    const vectors = new Map(
      held.map((mission) => [missionDocName(mission.id), Y.encodeStateVector(mission.doc)]),
    );
    return { ...(await buildBackup(appVersion, now)), vectors };
  } finally {
    held.forEach((mission) => releaseMission(mission.id));
  }
}

/** Once the file has been handed to the browser: remembers the backup's time and what it holds, together. */
export async function markCoveredBackup(backup: CoveredBackup, at = new Date()): Promise<void> {
  await getDb().settings.bulkPut([
    { key: LAST_BACKUP_KEY, value: at.toISOString() },
    {
      key: BACKUP_COVERAGE_KEY,
      value: { at: at.toISOString(), vectors: Object.fromEntries(backup.vectors) },
    },
  ]);
}

/** Document name → state vector held by the last covered backup; empty when there is none. */
export async function loadBackupCoverage(): Promise<Map<string, Uint8Array>> {
  const value = (await getDb().settings.get(BACKUP_COVERAGE_KEY))?.value as
    { vectors?: Record<string, unknown> } | undefined;
  const vectors = new Map<string, Uint8Array>();
  for (const [name, vector] of Object.entries(value?.vectors ?? {}))
    if (vector instanceof Uint8Array) vectors.set(name, vector);
  return vectors;
}
