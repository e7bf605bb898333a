// Quotas per token with PostgreSQL: counted there, so two instances share them and a restart keeps them.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/server/postgres.ts';
import { postgresTokenStore } from '../../src/server/tokens.ts';
import { authOutcome } from './rawSync.ts';
import { removeDir, startTestServer, type TestServer } from './syncHarness.ts';
import type { MingaServerOptions } from '../../src/server/app.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `minga_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const options: Partial<MingaServerOptions> = {
  databaseUrl: DATABASE_URL,
  databaseSchema: schema,
  quotas: { missionsPerDay: 2, blobBytesPerMission: 10_000, blobBytesPerTokenPerDay: 15_000 },
};

let pool: pg.Pool;
const running: TestServer[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  pool = await openPostgres(DATABASE_URL, schema);
});

afterAll(async () => {
  for (const ws of sockets.splice(0)) ws.close();
  for (const t of running.splice(0)) {
    await t.stop();
    await removeDir(t.dataDir);
  }
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
});

async function instance(): Promise<TestServer> {
  const t = await startTestServer(options);
  running.push(t);
  return t;
}

async function open(t: TestServer, token: string, mission: string): Promise<string> {
  const { outcome, ws } = await authOutcome(t.url, token, `mission:${mission}`);
  sockets.push(ws);
  return outcome;
}

async function put(t: TestServer, token: string, mission: string, bytes: number) {
  const body = new Uint8Array(bytes);
  body.set(randomBytes(bytes));
  const sha = createHash('sha256').update(body).digest('hex');
  const res = await fetch(`http://127.0.0.1:${t.server.port}/api/blobs/${sha}?mission=${mission}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/jpeg' },
    body,
  });
  const text = await res.text();
  return { status: res.status, error: text === '' ? null : (JSON.parse(text) as { error: string }).error };
}

describe('quotas with PostgreSQL', () => {
  it('counts new missions across instances and restarts', async () => {
    const tokens = postgresTokenStore(pool, schema);
    const tech = await tokens.create({ role: 'technician', name: 'tech' });
    const a = await instance();
    const b = await instance();
    expect(await open(a, tech.token, randomUUID())).toBe('authenticated');
    expect(await open(b, tech.token, randomUUID())).toBe('authenticated');
    expect(await open(a, tech.token, randomUUID())).toBe('Mission quota reached');
    await a.stop();
    running.splice(running.indexOf(a), 1);
    await removeDir(a.dataDir);
    const c = await instance();
    expect(await open(c, tech.token, randomUUID())).toBe('Mission quota reached');
  }, 30_000);

  it('counts photo bytes per mission and per token across instances', async () => {
    const tokens = postgresTokenStore(pool, schema);
    const [m1, m2] = [randomUUID(), randomUUID()];
    const tech = await tokens.create({ role: 'technician', name: 'photos', missions: [m1, m2] });
    const [a, b] = running.length >= 2 ? running : [await instance(), await instance()];
    expect((await put(a!, tech.token, m1, 8000)).status).toBe(201);
    expect(await put(b!, tech.token, m1, 4000)).toEqual({ status: 429, error: 'quota_mission_bytes' });
    expect((await put(b!, tech.token, m2, 6000)).status).toBe(201);
    expect(await put(a!, tech.token, m2, 2000)).toEqual({ status: 429, error: 'quota_token_bytes' });
  }, 30_000);
});
