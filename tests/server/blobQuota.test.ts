// The photo queue against a server whose quota is reached: the photo stays on the device, is retried later, and
// the pass names the quota so that the app can say which one.
import 'fake-indexeddb/auto';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MissionId } from '../../src/domain/ids.ts';
import type { PhotoRef } from '../../src/domain/model.ts';
import { MingaDb, setDbForTests } from '../../src/storage/db.ts';
import {
  acquireMission,
  closeAllMissions,
  registerMission,
  releaseMission,
} from '../../src/storage/docStore.ts';
import { createRecord } from '../../src/storage/missionDoc.ts';
import { sha256Hex, storePhoto } from '../../src/storage/photos.ts';
import { uploadPending } from '../../src/sync/blobQueue.ts';
import { removeDir, startTestServer, type TestServer } from './syncHarness.ts';

const mission = randomUUID() as MissionId;
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ quotas: { blobBytesPerTokenPerDay: 3000, blobBytesPerMission: 5000 } });
});
afterEach(async () => {
  await closeAllMissions();
  setDbForTests(null);
});
afterAll(async () => {
  await t.stop();
  await removeDir(t.dataDir);
});

async function device(): Promise<MingaDb> {
  const db = new MingaDb(`device-${randomUUID()}`);
  setDbForTests(db);
  await registerMission(mission, new Date().toISOString());
  return db;
}

/** A photo stored locally and referenced by a new note of the mission, as the note form does it. */
async function takePhoto(db: MingaDb): Promise<PhotoRef> {
  const bytes = new Uint8Array(2048);
  bytes.set(randomBytes(bytes.length));
  const ref: PhotoRef = {
    sha256: await sha256Hex(bytes),
    mime: 'image/jpeg',
    bytes: bytes.length,
    width: 40,
    height: 30,
    takenAt: new Date().toISOString(),
    location: null,
  };
  await storePhoto(db, new Blob([bytes], { type: ref.mime }), ref);
  const open = await acquireMission(mission);
  try {
    const stamp = { actor: { name: 'Ana', device: 'device-Ana' }, now: new Date().toISOString() };
    createRecord(open.doc, 'note', randomUUID(), { text: 'crack in the wall', photos: [ref] }, stamp);
    await open.writer.whenIdle();
  } finally {
    releaseMission(mission);
  }
  return ref;
}

describe('photo quotas seen by the upload queue', () => {
  it('keeps a photo the quota refuses for a later pass, and names the quota', async () => {
    const db = await device();
    const endpoint = {
      baseUrl: `http://127.0.0.1:${t.server.port}`,
      token: t.token('technician', [mission]).token,
    };
    const first = await takePhoto(db);
    expect(await uploadPending(endpoint, { db })).toMatchObject({ uploaded: [first.sha256], quota: null });

    const second = await takePhoto(db);
    const pass = await uploadPending(endpoint, { db });
    expect(pass).toMatchObject({
      uploaded: [],
      retry: [second.sha256],
      rejected: [],
      quota: 'quota_token_bytes',
    });
    expect((await db.blobs.get(second.sha256))?.upload).toBe('local');

    // Another token has its own day, but the mission's photos have their own limit too.
    const other = { ...endpoint, token: t.token('technician', [mission]).token };
    expect(await uploadPending(other, { db })).toMatchObject({ uploaded: [second.sha256], quota: null });
    const third = await takePhoto(db);
    expect(await uploadPending(other, { db })).toMatchObject({
      retry: [third.sha256],
      quota: 'quota_mission_bytes',
    });
  });
});
