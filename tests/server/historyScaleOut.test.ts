// Restore across two instances sharing this machine's PostgreSQL and Redis: devices on both instances, a wipe, and
// a restore asked of either instance reaches every device as one new change that the history lists.
import { randomUUID } from 'node:crypto';
import RedisClient from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MISSION_ROOT, RECORD_ROOTS } from '../../src/domain/records/mission.ts';
import { readMissionSnapshot } from '../../src/domain/records/snapshot.ts';
import { postgresDocumentStore } from '../../src/server/documents.ts';
import { openPostgres } from '../../src/server/postgres.ts';
import { postgresTokenStore, type TokenStore } from '../../src/server/tokens.ts';
import { createMission, createRecord, type Stamp } from '../../src/storage/missionDoc.ts';
import {
  connect,
  removeDir,
  settled,
  startTestServer,
  waitFor,
  type Client,
  type TestServer,
} from './syncHarness.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// A schema of its own per run, dropped at the end, so runs never see each other's tables.
const schema = `minga_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const stampOf = (name: string): Stamp => ({
  actor: { name, device: `${name.toLowerCase()}-phone` },
  now: '2026-12-01T10:00:00.000Z',
});

let pool: pg.Pool;
let tokens: TokenStore;
let a: TestServer;
let b: TestServer;
let coordinator: string;
const devices: Client[] = [];

beforeAll(async () => {
  pool = await openPostgres(DATABASE_URL, schema);
  tokens = postgresTokenStore(pool, schema);
  coordinator = (await tokens.create({ role: 'coordinator', name: 'Cora' })).token;
  a = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema, redisUrl: REDIS_URL });
  b = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema, redisUrl: REDIS_URL });
});

afterAll(async () => {
  for (const device of devices) device.destroy();
  for (const instance of [a, b]) {
    if (instance === undefined) continue;
    await instance.stop().catch(() => {});
    await removeDir(instance.dataDir);
  }
  await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool?.end();
});

type Version = { version: number; at: string; by: string[] };
type Preview = ReturnType<typeof readMissionSnapshot>;

/** The coordinator's HTTP API on one instance. */
function historyApi(instance: TestServer, mission: string) {
  const base = `http://127.0.0.1:${instance.server.port}/api/missions/${mission}/history`;
  const headers = { Authorization: `Bearer ${coordinator}` };
  return {
    async versions(): Promise<Version[]> {
      const response = await fetch(base, { headers });
      expect(response.status).toBe(200);
      return ((await response.json()) as { versions: Version[] }).versions;
    },
    async preview(version: number): Promise<Preview> {
      const response = await fetch(`${base}/${version}`, { headers });
      expect(response.status).toBe(200);
      return (await response.json()) as Preview;
    },
    restore: (version: number) => fetch(`${base}/${version}/restore`, { method: 'POST', headers }),
  };
}

/** What a person sees of the mission: its title and its live records with their text. */
function shown(snapshot: Preview): string {
  const live = <T extends { id: string; deletedAt?: string | null }>(rows: T[], text: (row: T) => unknown) =>
    rows
      .filter((row) => !row.deletedAt)
      .map((row) => `${row.id}=${String(text(row))}`)
      .sort();
  return JSON.stringify({
    mission: snapshot.mission && !snapshot.mission.deletedAt ? snapshot.mission.title : null,
    assessments: live(snapshot.assessments, (r) => r.title),
    notes: live(snapshot.notes, (r) => r.text),
    actions: live(snapshot.actions, (r) => r.activity),
  });
}
const EMPTY = shown({ mission: null, assessments: [], notes: [], actions: [] });
const onDevice = (device: Client, mission: string) => shown(readMissionSnapshot(device.doc, mission));

/** A technician's device, a member of the mission, synced on `instance`. */
async function device(instance: TestServer, name: string, mission: string): Promise<Client> {
  const { token } = await tokens.create({ role: 'technician', name, missions: [mission] });
  const client = connect(instance.url, token, `mission:${mission}`);
  devices.push(client);
  await settled(client);
  expect(client.scope).toBe('read-write');
  await waitFor(() => client.provider.synced, 5000, `${name} synced`);
  return client;
}

/** Deletes every key of the mission and of each kind of record: the document keeps nothing to show. */
function wipe(doc: Y.Doc): void {
  doc.transact(() => {
    for (const root of [MISSION_ROOT, ...Object.values(RECORD_ROOTS)]) {
      const map = doc.getMap(root);
      for (const key of [...map.keys()]) map.delete(key);
    }
  });
}

/** The newest listed version showing `content`, once the history has one newer than `after`. */
async function storedVersion(
  api: ReturnType<typeof historyApi>,
  content: string,
  after: number,
  what: string,
): Promise<number> {
  return waitFor(
    async () => {
      for (const { version } of await api.versions()) {
        if (version <= after) return null;
        if (shown(await api.preview(version)) === content) return version;
      }
      return null;
    },
    10_000,
    what,
  );
}

// Each test waits for debounced stores on two instances: well over the default 5 s on a busy machine.
describe('restore across two instances (PostgreSQL + Redis)', { timeout: 30_000 }, () => {
  it('restores on A, after a wipe from B, on every device of A and B, as one new change', async () => {
    const mission = randomUUID();
    const onA = historyApi(a, mission);
    const tina = await device(a, 'Tina', mission);
    const tomas = await device(b, 'Tomas', mission);
    const teo = await device(b, 'Teo', mission);
    const all = [tina, tomas, teo];

    createMission(tina.doc, { title: 'Floods' }, stampOf('Tina'));
    createRecord(tina.doc, 'assessment', 'a1', { title: 'Bridge' }, stampOf('Tina'));
    createRecord(tomas.doc, 'note', 'n1', { text: 'Road closed' }, stampOf('Tomas'));
    createRecord(teo.doc, 'action', 'x1', { activity: 'Sandbags' }, stampOf('Teo'));
    const content = JSON.stringify({
      mission: 'Floods',
      assessments: ['a1=Bridge'],
      notes: ['n1=Road closed'],
      actions: ['x1=Sandbags'],
    });
    for (const d of all) await waitFor(() => onDevice(d, mission) === content, 5000, 'the writes everywhere');
    for (const d of all) await d.acknowledged();
    const full = await storedVersion(onA, content, 0, 'a stored version with every write');

    // A member on B deletes every key.
    wipe(tomas.doc);
    for (const d of all) await waitFor(() => onDevice(d, mission) === EMPTY, 5000, 'the wipe everywhere');
    await tomas.acknowledged();
    const wiped = await storedVersion(onA, EMPTY, full, 'the wipe stored as a version');

    // The coordinator, on A, takes the newest version from before the wipe that still shows the mission.
    const listed = await onA.versions();
    const beforeWipe = listed.find((v) => v.version < wiped)!;
    expect(shown(await onA.preview(beforeWipe.version))).toBe(content);
    const response = await onA.restore(beforeWipe.version);
    expect(response.status).toBe(200);
    // The mission and its three records, each written again.
    expect(await response.json()).toEqual({ written: 4 });

    for (const [d, where] of [
      [tina, 'Tina on A'],
      [tomas, 'Tomas on B'],
      [teo, 'Teo on B'],
    ] as const)
      await waitFor(() => onDevice(d, mission) === content, 5000, `the restore on ${where}`);

    // A new version by the coordinator, after the wipe: the wipe and everything before it stay as they were.
    const restored = await storedVersion(onA, content, wiped, 'the restore stored as a version');
    const after = await onA.versions();
    expect(after.find((v) => v.version === restored)?.by).toEqual(['Cora']);
    expect(after.filter((v) => v.by.includes('Cora')).map((v) => v.version)).toEqual([restored]);
    expect(after.filter((v) => v.version <= wiped)).toEqual(listed.filter((v) => v.version <= wiped));
    expect(shown(await onA.preview(wiped))).toBe(EMPTY);
    // Both instances list the same history.
    expect(await historyApi(b, mission).versions()).toEqual(after);

    // The restore is an edit merged into the document, so a device that comes later reads it from either.
    for (const d of all) await d.acknowledged();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await postgresDocumentStore(pool, schema).fetch(`mission:${mission}`))!);
    expect(shown(readMissionSnapshot(stored, mission))).toBe(content);
  });

  it('restores on B a mission whose document is loaded only on A', async () => {
    const mission = randomUUID();
    const name = `mission:${mission}`;
    const onA = historyApi(a, mission);
    const onB = historyApi(b, mission);
    const tina = await device(a, 'Tina', mission);
    const tadeo = await device(a, 'Tadeo', mission);

    createMission(tina.doc, { title: 'Drought' }, stampOf('Tina'));
    createRecord(tina.doc, 'assessment', 'a1', { title: 'Well' }, stampOf('Tina'));
    createRecord(tadeo.doc, 'note', 'n1', { text: 'Pump broken' }, stampOf('Tadeo'));
    const content = JSON.stringify({
      mission: 'Drought',
      assessments: ['a1=Well'],
      notes: ['n1=Pump broken'],
      actions: [],
    });
    for (const d of [tina, tadeo])
      await waitFor(() => onDevice(d, mission) === content, 5000, 'the writes on A');
    await tina.acknowledged();
    await tadeo.acknowledged();
    const full = await storedVersion(onB, content, 0, 'a stored version with every write');
    wipe(tadeo.doc);
    await waitFor(() => onDevice(tina, mission) === EMPTY, 5000, 'the wipe on A');
    await tadeo.acknowledged();
    const wiped = await storedVersion(onB, EMPTY, full, 'the wipe stored as a version');

    const loads = (instance: TestServer) =>
      instance.logs.filter((entry) => entry.event === 'document-loaded' && entry.document === name).length;
    expect(loads(a)).toBeGreaterThan(0);
    expect(loads(b), 'B never loaded the document before the restore').toBe(0);

    const response = await onB.restore(full);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ written: 3 });
    expect(loads(b)).toBe(1);
    for (const [d, who] of [
      [tina, 'Tina'],
      [tadeo, 'Tadeo'],
    ] as const)
      await waitFor(() => onDevice(d, mission) === content, 5000, `the restore on ${who}'s device on A`);

    const restored = await storedVersion(onA, content, wiped, 'the restore stored as a version');
    const after = await onA.versions();
    expect(after.find((v) => v.version === restored)?.by).toEqual(['Cora']);
    expect(after.filter((v) => v.by.includes('Cora')).map((v) => v.version)).toEqual([restored]);
    expect(shown(await onA.preview(wiped))).toBe(EMPTY);

    // B lets the document go once the restore is stored; A, which the devices hold it on, serves it on.
    await waitFor(
      () => b.logs.some((entry) => entry.event === 'document-unloaded' && entry.document === name),
      8000,
      'B unloading the document',
    );
    tina.doc.getMap(RECORD_ROOTS.note).delete('n1');
    await tina.acknowledged();
    await waitFor(
      () => onDevice(tadeo, mission) === content.replace('"n1=Pump broken"', ''),
      5000,
      'an edit on A after the restore',
    );
  });

  it('lists a restore stored while another instance is storing the same document', async () => {
    const mission = randomUUID();
    const name = `mission:${mission}`;
    const onA = historyApi(a, mission);
    const tina = await device(a, 'Tina', mission);
    createMission(tina.doc, { title: 'Landslide' }, stampOf('Tina'));
    createRecord(tina.doc, 'note', 'n1', { text: 'Slope moving' }, stampOf('Tina'));
    const content = JSON.stringify({
      mission: 'Landslide',
      assessments: [],
      notes: ['n1=Slope moving'],
      actions: [],
    });
    await tina.acknowledged();
    const full = await storedVersion(onA, content, 0, 'a stored version with the writes');
    wipe(tina.doc);
    await tina.acknowledged();
    const wiped = await storedVersion(onA, EMPTY, full, 'the wipe stored as a version');

    // Another instance storing the document at that moment holds the Redis extension's lock on it.
    const redis = new RedisClient(REDIS_URL);
    try {
      expect(await redis.set(`hocuspocus:${name}:lock`, 'another-instance', 'PX', 3000, 'NX')).toBe('OK');
      const response = await historyApi(b, mission).restore(full);
      expect(await response.json()).toEqual({ written: 2 });
      await waitFor(() => onDevice(tina, mission) === content, 5000, 'the restore on the device on A');
    } finally {
      redis.disconnect();
    }
    // Nobody writes after the restore: the coordinator's version is there all the same.
    const restored = await storedVersion(onA, content, wiped, 'the restore stored as a version');
    expect((await onA.versions()).find((v) => v.version === restored)?.by).toEqual(['Cora']);
  });
});
