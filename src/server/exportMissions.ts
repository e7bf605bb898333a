// `npm run admin -- export`: the app's exports (CSV, HXL, GeoJSON) written from the server's stored missions,
// read through the same record schema and built by the same domain functions.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { buildExport, type ExportFormat } from '../domain/export/index.ts';
import type { ExportScope } from '../domain/export/scope.ts';
import { readMissionSnapshot, type MissionSnapshot } from '../domain/records/snapshot.ts';
import type { DocumentStore } from './documents.ts';

const MISSION_PREFIX = 'mission:';

/** Each stored mission read whole, one document at a time, so a large programme never sits in memory as Y.Docs. */
export async function readStoredMissions(
  store: DocumentStore,
  only: readonly string[] = [],
): Promise<MissionSnapshot[]> {
  const names = only.length > 0 ? only.map((id) => MISSION_PREFIX + id) : await store.names(MISSION_PREFIX);
  const snapshots: MissionSnapshot[] = [];
  for (const name of names) {
    const state = await store.fetch(name);
    if (state === null) continue;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      snapshots.push(readMissionSnapshot(doc, name.slice(MISSION_PREFIX.length)));
    } finally {
      doc.destroy();
    }
  }
  return snapshots;
}

/** Writes the export's files into `outDir` (created if needed); returns their paths. */
export async function exportStoredMissions(
  store: DocumentStore,
  format: ExportFormat,
  scope: ExportScope,
  outDir: string,
): Promise<string[]> {
  const snapshots = await readStoredMissions(store, scope.missions ?? []);
  const files = buildExport(snapshots, { format, scope });
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(outDir, file.name);
    await writeFile(target, file.text, 'utf8');
    written.push(target);
  }
  return written;
}
