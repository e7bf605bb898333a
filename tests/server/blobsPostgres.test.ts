// Blobs with PostgreSQL (DATABASE_URL): references and bytes live there, so every instance serves every blob.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/server/postgres.ts';
import { postgresTokenStore } from '../../src/server/tokens.ts';
import { removeDir, startTestServer, type TestServer } from './syncHarness.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `minga_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

let pool: pg.Pool;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  pool = await openPostgres(DATABASE_URL, schema);
  // Two instances behind a load balancer: same database, each its own DATA_DIR.
  a = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
  b = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
});

afterAll(async () => {
  for (const t of [a, b]) {
    await t.stop();
    await removeDir(t.dataDir);
  }
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
});

function photo(): { body: Uint8Array<ArrayBuffer>; sha: string } {
  const body = new Uint8Array(1024);
  body.set(randomBytes(body.length));
  return { body, sha: createHash('sha256').update(body).digest('hex') };
}

const url = (t: TestServer, sha: string) => `http://127.0.0.1:${t.server.port}/api/blobs/${sha}`;
const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

function put(t: TestServer, sha: string, mission: string, body: Uint8Array<ArrayBuffer>, token: string) {
  return fetch(`${url(t, sha)}?mission=${mission}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/jpeg' },
    body,
  });
}

describe('blobs with PostgreSQL', () => {
  it('records the reference in PostgreSQL and serves members only', async () => {
    const tokens = postgresTokenStore(pool, schema);
    const mission = randomUUID();
    const member = await tokens.create({ role: 'technician', name: 'member', missions: [mission] });
    const outsider = await tokens.create({ role: 'technician', name: 'outsider', missions: [randomUUID()] });
    const { body, sha } = photo();
    expect((await put(a, sha, mission, body, member.token)).status).toBe(201);
    const refs = await pool.query(`SELECT mission FROM ${schema}.minga_blob_refs WHERE sha256 = $1`, [sha]);
    expect(refs.rows).toEqual([{ mission }]);
    const down = await fetch(url(a, sha), auth(member.token));
    expect(down.status).toBe(200);
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(body);
    expect((await fetch(url(a, sha), auth(outsider.token))).status).toBe(404);
  });

  it('serves through one instance the bytes put through another, and refuses a wrong hash on either', async () => {
    const tokens = postgresTokenStore(pool, schema);
    const mission = randomUUID();
    const member = await tokens.create({ role: 'technician', name: 'member', missions: [mission] });
    const { body, sha } = photo();
    expect((await put(a, sha, mission, body, member.token)).status).toBe(201);
    const stored = await pool.query<{ data: Buffer }>(
      `SELECT data FROM ${schema}.minga_blob_data WHERE sha256 = $1`,
      [sha],
    );
    expect(new Uint8Array(stored.rows[0]?.data ?? [])).toEqual(body);
    // Not in the receiving instance's directory: nothing ties the photo to that instance.
    expect(await readdir(path.join(a.dataDir, 'blobs')).catch(() => [])).toEqual([]);

    const down = await fetch(url(b, sha), auth(member.token));
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(body);
    // Idempotent through the other instance too.
    expect((await put(b, sha, mission, body, member.token)).status).toBe(200);

    const other = photo();
    for (const t of [a, b])
      expect((await put(t, other.sha, mission, photo().body, member.token)).status).toBe(422);
    const none = await pool.query(`SELECT 1 FROM ${schema}.minga_blob_data WHERE sha256 = $1`, [other.sha]);
    expect(none.rowCount).toBe(0);
    expect((await fetch(url(b, other.sha), auth(member.token))).status).toBe(404);
  });
});
