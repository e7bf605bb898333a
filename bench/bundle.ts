// Bundle figures: the size of a mission's bundle file, how long exporting and importing it take, and how small the
// next bundle for the same peer is after a few new notes. Runs the storage code on fake-indexeddb in Node (there is
// no IndexedDB here), so times compare runs of this benchmark, not phones.
import * as Y from 'yjs';
import type { MissionId, Sha256 } from '../src/domain/ids.ts';
import type { PhotoRef } from '../src/domain/model.ts';
import { seedMission } from './seed.ts';

export interface BundleFigures {
  notes: number;
  assessments: number;
  photos: number;
  photoBytes: number;
  bundleBytes: number;
  exportMs: number;
  importMs: number;
  /** The bundle for the same peer after `newNotes` more notes. */
  newNotes: number;
  deltaBytes: number;
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  // getRandomValues fills at most 64 KiB at a time.
  for (let at = 0; at < length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
  return bytes;
}

export async function measureBundle(notes = 500, assessments = 100, photoCount = 50): Promise<BundleFigures> {
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  const previous = globalThis.indexedDB;
  globalThis.IDBKeyRange ??= IDBKeyRange;
  const senderIdb = new IDBFactory();
  globalThis.indexedDB = senderIdb;
  const { MingaDb, setDbForTests } = await import('../src/storage/db.ts');
  const { acquireMission, closeAllMissions, registerMission, releaseMission } =
    await import('../src/storage/docStore.ts');
  const { closeAllReviews } = await import('../src/storage/reviewStore.ts');
  const { sha256Hex, storePhoto } = await import('../src/storage/photos.ts');
  const { createRecord } = await import('../src/storage/commands.ts');
  const { exportBundle } = await import('../src/storage/bundleExport.ts');
  const { importBundle } = await import('../src/storage/bundleImport.ts');

  const sender = new MingaDb('bench-bundle-sender');
  setDbForTests(sender);
  // Photo-sized incompressible bytes, as JPEGs are.
  const photos: PhotoRef[] = [];
  for (let i = 0; i < photoCount; i++) {
    const full = randomBytes(250_000);
    const sha256: Sha256 = await sha256Hex(full);
    const ref: PhotoRef = {
      sha256,
      mime: 'image/jpeg',
      bytes: full.length,
      width: 1600,
      height: 1200,
      takenAt: new Date(Date.UTC(2016, 4, 1, 0, i)).toISOString(),
      location: null,
    };
    await storePhoto(sender, new Blob([full], { type: 'image/jpeg' }), ref);
    photos.push(ref);
  }
  const id = crypto.randomUUID() as MissionId;
  await registerMission(id, new Date().toISOString());
  const open = await acquireMission(id);
  Y.applyUpdate(open.doc, seedMission(notes, assessments, photos));
  await open.writer.whenIdle();
  releaseMission(id);
  const profile = { name: 'Bench', deviceId: 'bench-sender' };

  let started = performance.now();
  const full = await exportBundle([id], profile, { peer: 'bench-receiver' });
  const exportMs = performance.now() - started;

  await closeAllMissions();
  await closeAllReviews();
  globalThis.indexedDB = new IDBFactory();
  const receiver = new MingaDb('bench-bundle-receiver');
  setDbForTests(receiver);
  started = performance.now();
  await importBundle(full.bytes);
  const importMs = performance.now() - started;

  await closeAllMissions();
  await closeAllReviews();
  globalThis.indexedDB = senderIdb;
  setDbForTests(sender);
  const newNotes = 10;
  const again = await acquireMission(id);
  const author = { name: 'Bench', institution: '', role: 'technician' as const, deviceId: 'bench-sender' };
  for (let i = 0; i < newNotes; i++) createRecord(again, 'note', { text: `Nota nueva ${i}` }, author);
  await again.writer.whenIdle();
  releaseMission(id);
  const delta = await exportBundle([id], profile, { peer: 'bench-receiver' });
  await closeAllMissions();
  await closeAllReviews();
  sender.close();
  receiver.close();
  setDbForTests(null);
  globalThis.indexedDB = previous;
  return {
    notes,
    assessments,
    photos: photoCount,
    photoBytes: photos.reduce((sum, photo) => sum + photo.bytes, 0),
    bundleBytes: full.bytes.length,
    exportMs,
    importMs,
    newNotes,
    deltaBytes: delta.bytes.length,
  };
}
