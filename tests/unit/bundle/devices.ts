// Several devices in one test process: each has its own IndexedDB (a fake-indexeddb factory, where y-indexeddb
// keeps mission documents) and its own Dexie database; `use` closes what the previous device had open and makes
// another one current, as if the test picked up another phone.
import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import * as Y from 'yjs';
import type { MissionId, Sha256 } from '../../../src/domain/ids.ts';
import type { DeviceProfile, PhotoRef } from '../../../src/domain/model.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import { createMission, createRecord } from '../../../src/storage/commands.ts';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import type { MissionSnapshot } from '../../../src/storage/missionView.ts';
import { sha256Hex, storePhoto } from '../../../src/storage/photos.ts';
import { closeAllReviews } from '../../../src/storage/reviewStore.ts';
import { flushProjection } from '../../../src/storage/projection.ts';

export interface Device {
  profile: DeviceProfile;
  factory: IDBFactory;
  db: MingaDb;
}

// Node's Blob, not happy-dom's: fake-indexeddb stores through Node's structuredClone, which clones only its own
// Blob (as a browser's IndexedDB clones a browser Blob). Imported photos are Blobs made by the code under test.
vi.stubGlobal('Blob', NodeBlob);

const original = globalThis.indexedDB;
let current: Device | null = null;

export function makeDevice(name: string): Device {
  const deviceId = `${name}-${crypto.randomUUID().slice(0, 8)}`;
  return {
    profile: { name, institution: 'Ajuntament', role: 'technician', deviceId },
    factory: new IDBFactory(),
    db: new MingaDb(`minga-${deviceId}`),
  };
}

export async function use(device: Device): Promise<void> {
  if (current === device) return;
  await closeAllMissions();
  await closeAllReviews();
  globalThis.indexedDB = device.factory;
  setDbForTests(device.db);
  current = device;
}

export async function closeDevices(...devices: Device[]): Promise<void> {
  await closeAllMissions();
  await closeAllReviews();
  devices.forEach((device) => device.db.close());
  globalThis.indexedDB = original;
  setDbForTests(null);
  current = null;
}

export const draft: MissionDraft = {
  title: 'Pedernales',
  torReference: 'TdR-2016-04',
  torText: '',
  hostCanton: 'EC1317',
  themes: ['urban_planning'],
  team: [],
  startDate: '2016-05-02',
  endDate: '',
  remoteSupportEnd: '',
  objectives: 'Evaluar daños en viviendas',
  status: 2,
  sdgs: ['11'],
  sendai: [],
};

export async function newMission(device: Device, title = draft.title): Promise<MissionId> {
  await use(device);
  return createMission({ ...draft, title }, device.profile);
}

/** Runs `change` on the device's open document, then waits until it is on disk and projected. */
export async function onMission<T>(
  device: Device,
  id: MissionId,
  change: (open: Awaited<ReturnType<typeof acquireMission>>) => T,
): Promise<T> {
  await use(device);
  const open = await acquireMission(id);
  try {
    const result = change(open);
    await open.writer.whenIdle();
    await flushProjection(id, open);
    return result;
  } finally {
    releaseMission(id);
  }
}

export async function addNotes(
  device: Device,
  id: MissionId,
  count: number,
  prefix = 'nota',
): Promise<string[]> {
  return onMission(device, id, (open) =>
    Array.from({ length: count }, (_, i) =>
      createRecord(open, 'note', { text: `${prefix} ${i}: daños en la calle ${i}` }, device.profile),
    ),
  );
}

/** A photo stored on the device (bytes that stand for a JPEG), and its reference for a record. */
export async function addPhoto(device: Device, seed: number): Promise<PhotoRef> {
  await use(device);
  const bytes = new Uint8Array(2048).map((_, i) => (i * 31 + seed * 17) & 0xff);
  const sha256: Sha256 = await sha256Hex(bytes);
  const ref: PhotoRef = {
    sha256,
    mime: 'image/jpeg',
    bytes: bytes.length,
    width: 40,
    height: 30,
    takenAt: new Date(Date.UTC(2016, 4, 2, 10, seed)).toISOString(),
    location: null,
  };
  await storePhoto(device.db, new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob, ref);
  return ref;
}

/** The mission as the record reader reads it, records in id order (a map's order depends on arrival). */
export async function snapshotOf(device: Device, id: MissionId): Promise<MissionSnapshot> {
  const snapshot = await onMission(device, id, (open) => open.view.snapshot());
  const byId = <T extends { id: string }>(records: T[]) =>
    [...records].sort((a, b) => a.id.localeCompare(b.id));
  return {
    mission: snapshot.mission,
    assessments: byId(snapshot.assessments),
    notes: byId(snapshot.notes),
    actions: byId(snapshot.actions),
  };
}

export async function stateOf(device: Device, id: MissionId): Promise<Uint8Array> {
  return onMission(device, id, (open) => Y.encodeStateAsUpdate(open.doc));
}

export async function photoBytes(device: Device, sha256: string): Promise<Uint8Array | null> {
  await use(device);
  const row = await device.db.blobs.get(sha256 as Sha256);
  if (!row) return null;
  // Stored as a Blob, or as bytes where IndexedDB refuses Blobs.
  const stored: Blob | ArrayBuffer = row.blob;
  return new Uint8Array(stored instanceof ArrayBuffer ? stored : await stored.arrayBuffer());
}
