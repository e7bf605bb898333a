// Quotas per token against the real server with raw clients: new missions a day, photo bytes per mission and
// per token a day, each still in force after a restart (counted in the SQLite file, not in memory).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { authOutcome } from './rawSync.ts';
import { removeDir, startTestServer, tempDir, type TestServer } from './syncHarness.ts';
import type { MingaServerOptions } from '../../src/server/app.ts';

const servers: TestServer[] = [];
const sockets: WebSocket[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.close();
  for (const t of servers.splice(0)) await t.stop();
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

async function server(options: Partial<MingaServerOptions>, dataDir: string): Promise<TestServer> {
  const t = await startTestServer(options, dataDir);
  servers.push(t);
  return t;
}

async function freshDir(): Promise<string> {
  const dir = await tempDir('minga-quota-');
  dirs.push(dir);
  return dir;
}

/** Stops the server and starts another on the same data directory. */
async function restart(t: TestServer, options: Partial<MingaServerOptions>): Promise<TestServer> {
  servers.splice(servers.indexOf(t), 1);
  await t.stop();
  return server(options, t.dataDir);
}

async function open(t: TestServer, token: string, mission: string): Promise<string> {
  const { outcome, ws } = await authOutcome(t.url, token, `mission:${mission}`);
  sockets.push(ws);
  return outcome;
}

function photo(bytes: number): { body: Uint8Array<ArrayBuffer>; sha: string } {
  const body = new Uint8Array(bytes);
  body.set(randomBytes(bytes));
  return { body, sha: createHash('sha256').update(body).digest('hex') };
}

async function put(t: TestServer, token: string, mission: string, bytes: number) {
  const { body, sha } = photo(bytes);
  const res = await fetch(`http://127.0.0.1:${t.server.port}/api/blobs/${sha}?mission=${mission}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/jpeg' },
    body,
  });
  const text = await res.text();
  return { status: res.status, error: text === '' ? null : (JSON.parse(text) as { error: string }).error };
}

describe('quotas per token', () => {
  it('refuses a technician’s new missions past the daily quota, also after a restart', async () => {
    const options = { quotas: { missionsPerDay: 2 } };
    let t = await server(options, await freshDir());
    const tech = t.token('technician');
    expect(await open(t, tech.token, randomUUID())).toBe('authenticated');
    expect(await open(t, tech.token, randomUUID())).toBe('authenticated');
    const third = randomUUID();
    expect(await open(t, tech.token, third)).toBe('Mission quota reached');
    expect(t.logs.some((l) => l.refusal === 'mission-quota-reached')).toBe(true);

    t = await restart(t, options);
    expect(await open(t, tech.token, third)).toBe('Mission quota reached');
    // The refused mission was not claimed: another technician may still create it.
    const other = t.token('technician');
    expect(await open(t, other.token, third)).toBe('authenticated');
  }, 20_000);

  it('refuses photo bytes past the mission’s quota, also after a restart', async () => {
    const options = { quotas: { blobBytesPerMission: 10_000 } };
    let t = await server(options, await freshDir());
    const mission = randomUUID();
    const tech = t.token('technician', [mission]);
    expect((await put(t, tech.token, mission, 6000)).status).toBe(201);
    expect(await put(t, tech.token, mission, 6000)).toEqual({ status: 429, error: 'quota_mission_bytes' });
    expect((await put(t, tech.token, mission, 3000)).status).toBe(201);

    t = await restart(t, options);
    expect(await put(t, tech.token, mission, 2000)).toEqual({ status: 429, error: 'quota_mission_bytes' });
    // Another mission of the same token has its own quota.
    const other = randomUUID();
    const tech2 = t.token('technician', [other]);
    expect((await put(t, tech2.token, other, 6000)).status).toBe(201);
  }, 20_000);

  it('refuses photo bytes past the token’s daily quota, also after a restart', async () => {
    const options = { quotas: { blobBytesPerTokenPerDay: 10_000 } };
    let t = await server(options, await freshDir());
    const [a, b] = [randomUUID(), randomUUID()];
    const tech = t.token('technician', [a, b]);
    expect((await put(t, tech.token, a, 6000)).status).toBe(201);
    expect(await put(t, tech.token, b, 6000)).toEqual({ status: 429, error: 'quota_token_bytes' });
    expect(t.logs.some((l) => l.refusal === 'quota-token-bytes')).toBe(true);

    t = await restart(t, options);
    expect(await put(t, tech.token, b, 5000)).toEqual({ status: 429, error: 'quota_token_bytes' });
    expect((await put(t, tech.token, b, 4000)).status).toBe(201);
    // Another token's day is its own.
    const other = t.token('technician', [b]);
    expect((await put(t, other.token, b, 6000)).status).toBe(201);
  }, 20_000);
});
