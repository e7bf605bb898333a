// The photo upload queue and on-demand download against the real server: upload, resume, retry, second device.
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
import {
  fetchMissingPhoto,
  startBlobQueue,
  uploadPending,
  type BlobQueue,
  type BlobQueueState,
} from '../../src/sync/blobQueue.ts';
import { ManualConnectivity } from '../../src/sync/connectivity.ts';
import { SYNC_SERVER_KEY, SYNC_TOKEN_KEY } from '../../src/sync/session.ts';
import { removeDir, startTestServer, waitFor, type TestServer } from './syncHarness.ts';

const FAST_BACKOFF = { baseMs: 20, maxMs: 200, minMs: 10 };
const mission = randomUUID() as MissionId;
let t: TestServer;
let base: string;
let technician: string;
let queue: BlobQueue | null = null;

beforeAll(async () => {
  t = await startTestServer();
  base = `http://127.0.0.1:${t.server.port}`;
  technician = t.token('technician', [mission]).token;
});

afterEach(async () => {
  queue?.stop();
  queue = null;
  await closeAllMissions();
  setDbForTests(null);
});

afterAll(async () => {
  await t.stop();
  await removeDir(t.dataDir);
});

/** A device with the mission registered; each device has its own Dexie database. */
async function device(): Promise<MingaDb> {
  const db = new MingaDb(`device-${randomUUID()}`);
  setDbForTests(db);
  await registerMission(mission, new Date().toISOString());
  return db;
}

/** A photo stored locally and referenced by a new note of the mission, as the note form does it. */
async function takePhoto(db: MingaDb): Promise<{ ref: PhotoRef; bytes: Uint8Array<ArrayBuffer> }> {
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
  return { ref, bytes };
}

function countingFetch(): { fetch: typeof fetch; puts: string[] } {
  const puts: string[] = [];
  return {
    puts,
    fetch: (input, init) => {
      if (init?.method === 'PUT') puts.push(String(input));
      return fetch(input, init);
    },
  };
}

describe('blob upload queue', () => {
  it('uploads a photo saved locally once, and a second pass sends nothing', async () => {
    const db = await device();
    const { ref, bytes } = await takePhoto(db);
    const counting = countingFetch();
    const endpoint = { baseUrl: base, token: technician };
    const first = await uploadPending(endpoint, { db, fetch: counting.fetch });
    expect(first).toMatchObject({ uploaded: [ref.sha256], retry: [], rejected: [], refused: null });
    expect((await db.blobs.get(ref.sha256))?.upload).toBe('uploaded');
    expect(counting.puts).toEqual([`${base}/api/blobs/${ref.sha256}?mission=${mission}`]);
    const second = await uploadPending(endpoint, { db, fetch: counting.fetch });
    expect(second.uploaded).toEqual([]);
    expect(counting.puts).toHaveLength(1);
    const back = await fetch(`${base}/api/blobs/${ref.sha256}`, {
      headers: { Authorization: `Bearer ${technician}` },
    });
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
  });

  it('uploads a photo kept as bytes where IndexedDB refused Blobs, and shows it from those bytes', async () => {
    const db = await device();
    // WebKit's private sessions refuse Blob values in IndexedDB; the photo store then keeps an ArrayBuffer.
    db.blobs.hook('creating', (_key, row) => {
      if (!(row.blob instanceof ArrayBuffer)) {
        throw new DOMException('Error preparing Blob/File data to be stored in object store', 'UnknownError');
      }
    });
    const { ref, bytes } = await takePhoto(db);
    expect((await db.blobs.get(ref.sha256))?.blob).toBeInstanceOf(ArrayBuffer);
    const pass = await uploadPending({ baseUrl: base, token: technician }, { db });
    expect(pass).toMatchObject({ uploaded: [ref.sha256], retry: [], rejected: [] });
    const back = await fetch(`${base}/api/blobs/${ref.sha256}`, {
      headers: { Authorization: `Bearer ${technician}` },
    });
    expect(back.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
    const shown = await fetchMissingPhoto(ref, { db });
    expect(shown?.type).toBe('image/jpeg');
    expect(new Uint8Array(await shown!.arrayBuffer())).toEqual(bytes);
  });

  it('sends a photo again when it is attached in a second mission, so that mission’s members may read it', async () => {
    const db = await device();
    const { ref, bytes } = await takePhoto(db);
    const second = randomUUID() as MissionId;
    const teammate = t.token('technician', [second]).token;
    // Assigned to both missions: a mission someone is assigned to is never joined by syncing it.
    const endpoint = { baseUrl: base, token: t.token('technician', [mission, second]).token };
    await uploadPending(endpoint, { db });
    const read = () =>
      fetch(`${base}/api/blobs/${ref.sha256}`, { headers: { Authorization: `Bearer ${teammate}` } });
    expect((await read()).status).toBe(404);

    // The same photo chosen again, for a note of the second mission (the technician is assigned to it too).
    await registerMission(second, new Date().toISOString());
    await storePhoto(db, new Blob([bytes], { type: ref.mime }), ref);
    const open = await acquireMission(second);
    try {
      const stamp = { actor: { name: 'Ana', device: 'device-Ana' }, now: new Date().toISOString() };
      createRecord(open.doc, 'note', randomUUID(), { text: 'same crack', photos: [ref] }, stamp);
      await open.writer.whenIdle();
    } finally {
      releaseMission(second);
    }
    const counting = countingFetch();
    const pass = await uploadPending(endpoint, { db, fetch: counting.fetch });
    expect(pass.uploaded).toEqual([ref.sha256]);
    expect(counting.puts).toContain(`${base}/api/blobs/${ref.sha256}?mission=${second}`);
    const back = await read();
    expect(back.status).toBe(200);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
  });

  it('keeps retrying while the server is down and succeeds once it is back', async () => {
    const db = await device();
    const { ref } = await takePhoto(db);
    const { port } = t.server;
    const dataDir = t.dataDir;
    await t.stop();
    const states: BlobQueueState[] = [];
    queue = startBlobQueue({
      endpoint: { baseUrl: base, token: technician },
      db,
      connectivity: new ManualConnectivity(),
      backoff: FAST_BACKOFF,
      onState: (state) => states.push(state),
    });
    await waitFor(() => states.filter((s) => s.kind === 'waiting').length >= 2, 5000, 'two failed attempts');
    expect((await db.blobs.get(ref.sha256))?.upload).toBe('local');
    t = await startTestServer({ port }, dataDir);
    await waitFor(async () => (await db.blobs.get(ref.sha256))?.upload === 'uploaded', 5000, 'upload');
    await waitFor(() => queue?.state().kind === 'idle', 2000, 'idle queue');
  });

  it('resumes after a reload: a new queue on the same database uploads what is still local', async () => {
    const db = await device();
    const { ref } = await takePhoto(db);
    const offline = new ManualConnectivity();
    offline.set({ online: false });
    const before = startBlobQueue({
      endpoint: { baseUrl: base, token: technician },
      db,
      connectivity: offline,
    });
    expect(before.state().kind).toBe('offline');
    before.stop();
    // "Reload": a fresh Dexie handle on the same database, a fresh queue.
    db.close();
    const reopened = new MingaDb(db.name);
    setDbForTests(reopened);
    expect((await reopened.blobs.get(ref.sha256))?.upload).toBe('local');
    queue = startBlobQueue({
      endpoint: { baseUrl: base, token: technician },
      db: reopened,
      connectivity: new ManualConnectivity(),
      backoff: FAST_BACKOFF,
    });
    await waitFor(async () => (await reopened.blobs.get(ref.sha256))?.upload === 'uploaded', 5000, 'upload');
  });

  it('stops and reports when the server refuses the token', async () => {
    const db = await device();
    const { ref } = await takePhoto(db);
    const observer = t.token('observer', [mission]).token;
    const states: BlobQueueState[] = [];
    queue = startBlobQueue({
      endpoint: { baseUrl: base, token: observer },
      db,
      connectivity: new ManualConnectivity(),
      backoff: FAST_BACKOFF,
      onState: (state) => states.push(state),
    });
    await waitFor(() => queue?.state().kind === 'refused', 5000, 'refusal');
    expect(states.at(-1)).toEqual({ kind: 'refused', status: 403 });
    expect((await db.blobs.get(ref.sha256))?.upload).toBe('local');
  });

  it('lets a second device download the photo on demand, checked against its hash', async () => {
    const a = await device();
    const { ref, bytes } = await takePhoto(a);
    expect((await uploadPending({ baseUrl: base, token: technician }, { db: a })).uploaded).toEqual([
      ref.sha256,
    ]);
    // Device B: signed in with its own token, it has the note (synced) but not the bytes.
    const b = new MingaDb(`device-${randomUUID()}`);
    setDbForTests(b);
    await b.settings.bulkPut([
      { key: SYNC_SERVER_KEY, value: `${base}/` },
      { key: SYNC_TOKEN_KEY, value: t.token('technician', [mission]).token },
    ]);
    expect(await b.blobs.get(ref.sha256)).toBeUndefined();
    const blob = await fetchMissingPhoto(ref);
    expect(blob).toBeDefined();
    expect(await sha256Hex(await blob!.arrayBuffer())).toBe(ref.sha256);
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes);
    const row = await b.blobs.get(ref.sha256);
    expect(row).toMatchObject({ upload: 'uploaded', mime: 'image/jpeg', width: 40, height: 30 });
    // Nothing for the queue to send back.
    expect((await uploadPending({ baseUrl: base, token: technician }, { db: b })).uploaded).toEqual([]);
    // A device whose token may not read the mission gets nothing, and keeps its placeholder.
    const outsider = { baseUrl: base, token: t.token('technician', [randomUUID()]).token };
    const c = new MingaDb(`device-${randomUUID()}`);
    expect(await fetchMissingPhoto(ref, { db: c, endpoint: outsider })).toBeUndefined();
  });
});
