// Blob references in PostgreSQL (DATABASE_URL): the same contract, with blob_refs where the tokens are.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, postgresTokenStore } from '../../src/server/tokens.ts';
import { removeDir, startTestServer, type TestServer } from './syncHarness.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `minga_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

let pool: pg.Pool;
let t: TestServer;

beforeAll(async () => {
  pool = await openPostgres(DATABASE_URL, schema);
  t = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
});

afterAll(async () => {
  await t.stop();
  await removeDir(t.dataDir);
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
});

describe('blobs with PostgreSQL', () => {
  it('records the reference in PostgreSQL and serves members only', async () => {
    const tokens = await postgresTokenStore(pool, schema);
    const mission = randomUUID();
    const member = await tokens.create({ role: 'technician', name: 'member', missions: [mission] });
    const outsider = await tokens.create({ role: 'technician', name: 'outsider', missions: [randomUUID()] });
    const body = new Uint8Array(1024);
    body.set(randomBytes(body.length));
    const sha = createHash('sha256').update(body).digest('hex');
    const base = `http://127.0.0.1:${t.server.port}/api/blobs/${sha}`;
    const up = await fetch(`${base}?mission=${mission}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${member.token}`, 'Content-Type': 'image/jpeg' },
      body,
    });
    expect(up.status).toBe(201);
    const refs = await pool.query(`SELECT mission FROM ${schema}.minga_blob_refs WHERE sha256 = $1`, [sha]);
    expect(refs.rows).toEqual([{ mission }]);
    const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
    const down = await fetch(base, auth(member.token));
    expect(down.status).toBe(200);
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(body);
    expect((await fetch(base, auth(outsider.token))).status).toBe(404);
  });
});
