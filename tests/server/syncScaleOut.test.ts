// Scale-out with this machine's PostgreSQL and Redis: two instances, a client on each, live edits cross.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { postgresDocumentStore } from '../../src/server/documents.ts';
import { openPostgres } from '../../src/server/postgres.ts';
import { postgresTokenStore } from '../../src/server/tokens.ts';
import {
  connect,
  readBack,
  removeDir,
  settled,
  startTestServer,
  waitFor,
  type TestServer,
} from './syncHarness.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// A schema of its own per run, dropped at the end, so runs never see each other's tables.
const schema = `minga_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

let pool: pg.Pool;
const instances: TestServer[] = [];

beforeAll(async () => {
  pool = await openPostgres(DATABASE_URL, schema);
});

afterAll(async () => {
  for (const instance of instances) {
    await instance.stop().catch(() => {});
    await removeDir(instance.dataDir);
  }
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
});

async function instance(): Promise<TestServer> {
  const server = await startTestServer({
    databaseUrl: DATABASE_URL,
    databaseSchema: schema,
    redisUrl: REDIS_URL,
  });
  instances.push(server);
  return server;
}

describe('scale-out (PostgreSQL + Redis)', () => {
  it('two instances share tokens and documents; live edits cross; one dies, the other serves on', async () => {
    const a = await instance();
    const b = await instance();
    const tokens = postgresTokenStore(pool, schema);
    const coordinator = (await tokens.create({ role: 'coordinator', name: 'Scale' })).token;
    const name = `mission:${randomUUID()}`;

    const onA = connect(a.url, coordinator, name);
    const onB = connect(b.url, coordinator, name);
    try {
      await settled(onA);
      await settled(onB);
      expect(onA.scope).toBe('read-write');
      expect(onB.scope).toBe('read-write');
      await waitFor(() => onA.provider.synced && onB.provider.synced, 5000, 'both synced');

      onA.doc.getText('text').insert(0, 'from A;');
      await waitFor(() => onB.doc.getText('text').toString() === 'from A;', 5000, 'A → B');
      onB.doc.getText('text').insert(onB.doc.getText('text').length, 'from B;');
      await waitFor(() => onA.doc.getText('text').toString() === 'from A;from B;', 5000, 'B → A');
      await onA.acknowledged();
      await onB.acknowledged();

      // Acknowledged means committed to PostgreSQL (the update log), even before the debounced full write.
      const documents = postgresDocumentStore(pool, schema);
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await documents.fetch(name)) ?? new Uint8Array());
      expect(stored.getText('text').toString()).toBe('from A;from B;');
    } finally {
      onA.destroy();
      onB.destroy();
    }

    await a.stop();
    instances.splice(instances.indexOf(a), 1);
    await removeDir(a.dataDir);
    expect(await readBack(b.url, coordinator, name)).toBe('from A;from B;');
  });

  it('reports unhealthy while Redis is unreachable', async () => {
    const server = await startTestServer({
      databaseUrl: DATABASE_URL,
      databaseSchema: schema,
      redisUrl: 'redis://127.0.0.1:1',
    });
    instances.push(server);
    const res = await fetch(`http://127.0.0.1:${server.server.port}/healthz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; problems: string[] };
    expect(body.status).toBe('unhealthy');
    expect(body.problems.some((p) => p.startsWith('redis'))).toBe(true);
  });
});
