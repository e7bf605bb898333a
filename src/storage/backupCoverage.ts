// A backup is a bundle of every mission, its review and its photos (see bundleExport.ts). It counts — for the
// reminder and for removing this device's data — only once it was truly written: read back through the bundle
// reader, it must hold every document's state on this device (state vectors) and every photo not yet uploaded.
// What it holds is then remembered, so removal can tell whether every change is on the server or in that file.
//
// A backup's time cannot say that: changes received from a bundle peer or another tab carry no time of ours, and
// a phone's clock may be wrong. A Yjs state vector can: per editing device, how many operations a document holds.
import * as Y from 'yjs';
import { backupGaps, bundleHolds, type BackupGaps, type HeldState } from '../domain/bundle/coverage.ts';
import { MAX_BUNDLE_FILE_BYTES, BundleError } from '../domain/bundle/format.ts';
import { readBundle } from '../domain/bundle/read.ts';
import { asMissionId, missionDocName, type MissionId } from '../domain/ids.ts';
import type { DeviceProfile } from '../domain/model.ts';
import { reviewDocName } from '../domain/review.ts';
import { LAST_BACKUP_KEY } from './backupStatus.ts';
import { exportBundle, photoRefsOf, type ExportedBundle } from './bundleExport.ts';
import { getDb } from './db.ts';
import { acquireMission, releaseMission } from './docStore.ts';
import { acquireReview, releaseReview } from './reviewStore.ts';

export const BACKUP_COVERAGE_KEY = 'backupCoverage';

async function missionIds(): Promise<MissionId[]> {
  return (await getDb().docs.toArray())
    .map((entry) => asMissionId(entry.missionId))
    .filter((id): id is MissionId => id !== null);
}

/** minga-backup-YYYY-MM-DD-HHMM.minga.zip: a bundle, named so the user tells it from one sent to a colleague. */
function backupName(fileName: string): string {
  return fileName.replace(/^minga-/, 'minga-backup-');
}

/**
 * A bundle of every mission on this device, with its review and photos, made against nothing (whole); null on a
 * device without a mission (a bundle holds at least one document).
 */
export async function buildBackup(
  profile: Pick<DeviceProfile, 'name' | 'deviceId'>,
  now = new Date(),
): Promise<ExportedBundle | null> {
  const ids = await missionIds();
  if (ids.length === 0) return null;
  const bundle = await exportBundle(ids, profile, { now });
  return { ...bundle, fileName: backupName(bundle.fileName) };
}

/** Every document's state on this device, and the photos its missions show that the server lacks. */
export async function deviceHolds(): Promise<HeldState> {
  const docs = new Map<string, Uint8Array>();
  const shown = new Set<string>();
  for (const id of await missionIds()) {
    const mission = await acquireMission(id);
    try {
      docs.set(missionDocName(id), Y.encodeStateVector(mission.doc));
      for (const sha256 of photoRefsOf(mission.view.snapshot()).keys()) shown.add(sha256);
    } finally {
      releaseMission(id);
    }
    const review = await acquireReview(id);
    try {
      if (review.doc.store.clients.size > 0) docs.set(reviewDocName(id), Y.encodeStateVector(review.doc));
    } finally {
      releaseReview(id);
    }
  }
  const local = await getDb().blobs.where('upload').equals('local').primaryKeys();
  return { docs, photos: new Set(local.filter((sha256) => shown.has(sha256))) };
}

export type BackupCheck = { ok: true; missions: number; photos: number } | { ok: false; gaps: BackupGaps };

/**
 * Reads a written backup back and counts it only when it holds all this device would lose. A file that is no
 * bundle, or a broken one, throws its BundleError.
 */
export async function confirmBackup(file: Blob | Uint8Array, at = new Date()): Promise<BackupCheck> {
  if (!(file instanceof Uint8Array) && file.size > MAX_BUNDLE_FILE_BYTES)
    throw new BundleError('tooLarge', `${file.size} bytes`);
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
  const holds = bundleHolds(await readBundle(bytes));
  const gaps = backupGaps(await deviceHolds(), holds);
  if (gaps.docs.length > 0 || gaps.photos.length > 0) return { ok: false, gaps };
  await getDb().settings.bulkPut([
    { key: LAST_BACKUP_KEY, value: at.toISOString() },
    {
      key: BACKUP_COVERAGE_KEY,
      value: { at: at.toISOString(), vectors: Object.fromEntries(holds.docs), photos: [...holds.photos] },
    },
  ]);
  const missions = [...holds.docs.keys()].filter((name) => name.startsWith('mission:')).length;
  return { ok: true, missions, photos: holds.photos.size };
}

/** What the last confirmed backup holds: document name → state vector, and photos; empty when there is none. */
export async function loadBackupCoverage(): Promise<HeldState> {
  const value = (await getDb().settings.get(BACKUP_COVERAGE_KEY))?.value as
    { vectors?: Record<string, unknown>; photos?: unknown } | undefined;
  const docs = new Map<string, Uint8Array>();
  for (const [name, vector] of Object.entries(value?.vectors ?? {}))
    if (vector instanceof Uint8Array) docs.set(name, vector);
  const photos = Array.isArray(value?.photos)
    ? value.photos.filter((sha256): sha256 is string => typeof sha256 === 'string')
    : [];
  return { docs, photos: new Set(photos) };
}
