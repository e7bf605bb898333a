// History and restore with PostgreSQL (DATABASE_URL): versions kept in the database, restore reaches devices.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMissionSnapshot } from '../../src/domain/records/snapshot.ts';
import { CHECKPOINT_EVERY, postgresHistory } from '../../src/server/history.ts';
import { openPostgres } from '../../src/server/postgres.ts';
import { postgresTokenStore } from '../../src/server/tokens.ts';
import { transaction } from '../../src/server/transaction.ts';
import { createMission, createRecord, setDeleted, type Stamp } from '../../src/storage/missionDoc.ts';
import { connect, removeDir, settled, startTestServer, waitFor, type TestServer } from './syncHarness.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `minga_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const stamp: Stamp = { actor: { name: 'Tina', device: 'tina-phone' }, now: '2026-12-01T10:00:00.000Z' };
const mission = randomUUID();
const name = `mission:${mission}`;

let pool: pg.Pool;
let t: TestServer;
let coordinator: string;
let technician: string;

type Version = { version: number; by: string[] };
const api = (path: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${t.server.port}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${coordinator}` },
  });
const versions = async () =>
  ((await (await api(`/api/missions/${mission}/history`)).json()) as { versions: Version[] }).versions;
const live = (doc: Y.Doc) => {
  const s = readMissionSnapshot(doc, mission);
  return [...s.assessments, ...s.notes]
    .filter((r) => !r.deletedAt)
    .map((r) => r.id)
    .sort();
};

async function write(change: (doc: Y.Doc) => void): Promise<void> {
  const before = (await versions()).length;
  const device = connect(t.url, technician, name);
  try {
    await settled(device);
    await waitFor(() => device.provider.synced, 5000, 'sync');
    change(device.doc);
    await device.acknowledged();
  } finally {
    device.destroy();
  }
  await waitFor(async () => (await versions()).length > before, 8000, 'a stored version');
}

beforeAll(async () => {
  pool = await openPostgres(DATABASE_URL, schema);
  t = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
  const tokens = postgresTokenStore(pool, schema);
  coordinator = (await tokens.create({ role: 'coordinator', name: 'Cora' })).token;
  technician = (await tokens.create({ role: 'technician', name: 'Tina' })).token;
});

afterAll(async () => {
  await t?.stop();
  if (t) await removeDir(t.dataDir);
  await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool?.end();
});

it('keeps versions in PostgreSQL and restores a wiped mission on a connected device', async () => {
  await write((doc) => {
    createMission(doc, { title: 'Floods' }, stamp);
    createRecord(doc, 'assessment', 'a1', { title: 'Bridge' }, stamp);
    createRecord(doc, 'note', 'n1', { text: 'Road closed' }, stamp);
  });
  await write((doc) => {
    setDeleted(doc, 'assessment', 'a1', true, stamp);
    setDeleted(doc, 'note', 'n1', true, stamp);
  });
  const list = await versions();
  expect(list.map((v) => v.by)).toEqual([['Tina'], ['Tina']]);
  const device = connect(t.url, technician, name);
  try {
    await settled(device);
    await waitFor(() => device.provider.synced, 5000, 'sync');
    expect(live(device.doc)).toEqual([]);
    const response = await api(`/api/missions/${mission}/history/${list.at(-1)!.version}/restore`, {
      method: 'POST',
    });
    expect(await response.json()).toEqual({ written: 2 });
    await waitFor(() => live(device.doc).length === 2, 5000, 'the restore on the device');
  } finally {
    device.destroy();
  }
  const after = await waitFor(async () => {
    const all = await versions();
    return all.length === 3 ? all : null;
  });
  expect(after[0]?.by).toEqual(['Cora']);
});

it('keeps diffs between checkpoints in PostgreSQL and prunes beyond the retention', async () => {
  const history = postgresHistory(pool, schema, 90);
  const doc = new Y.Doc();
  const last = CHECKPOINT_EVERY + 2;
  for (let version = 1; version <= last; version++) {
    doc.getArray<number>('v').push([version]);
    await transaction(pool, (client) =>
      history.keepIn(client, 'mission:p', version, ['t'], Y.encodeStateAsUpdate(doc)),
    );
    if (version === last - 2)
      await pool.query(
        `UPDATE ${schema}.minga_document_history SET stored_at = now() - interval '100 days' WHERE name = 'mission:p'`,
      );
  }
  const read = new Y.Doc();
  Y.applyUpdate(read, (await history.get('mission:p', last))!.state);
  expect(read.getArray('v').length).toBe(last);
  // Pruned when the next version was kept: only the checkpoint and what came after it stay.
  await transaction(pool, (client) =>
    history.keepIn(client, 'mission:p', last + 1, [], Y.encodeStateAsUpdate(doc)),
  );
  expect((await history.list('mission:p', 100)).map((r) => r.version)).toEqual([last + 1, last, last - 1]);
});
