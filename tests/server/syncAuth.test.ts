// The role table against the real server: role × document kind × read/write, unknown and revoked tokens.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeToken } from '../../src/server/db.ts';
import { openDatabase } from '../../src/server/db.ts';
import {
  connect,
  readBack,
  removeDir,
  settled,
  startTestServer,
  waitFor,
  type Client,
  type TestServer,
} from './syncHarness.ts';

let t: TestServer;
let coordinator: string;
const open: Client[] = [];

function client(token: string, name: string): Client {
  const c = connect(t.url, token, name);
  open.push(c);
  return c;
}

/** Seeds a document with `seed` as the coordinator so it exists on the server. */
async function seed(name: string, text: string): Promise<void> {
  const c = client(coordinator, name);
  await settled(c);
  c.doc.getText('text').insert(0, text);
  await c.acknowledged();
  c.destroy();
}

/** Tries to write `text` and reports the outcome: the scope granted, or the refusal. */
async function attempt(token: string, name: string, text: string): Promise<string> {
  const c = client(token, name);
  await settled(c);
  if (c.denied !== null) return `denied:${c.denied}`;
  await waitFor(() => c.provider.synced, 5000, 'sync');
  c.doc.getText('text').insert(0, text);
  if (c.scope === 'read-write') await c.acknowledged();
  else {
    // A read-only connection is told its update was not saved; wait for the server to have seen it.
    await waitFor(() => t.logs.some((l) => l.refusal === 'read-only-write' && l.document === name), 5000);
  }
  c.destroy();
  return c.scope ?? 'none';
}

beforeAll(async () => {
  t = await startTestServer();
  coordinator = t.token('coordinator').token;
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await t?.stop();
  if (t) await removeDir(t.dataDir);
});

describe('authorization matrix', () => {
  it('coordinator reads and writes every kind of document', async () => {
    const m = randomUUID();
    for (const kind of ['mission', 'review', 'programme']) {
      const name = `${kind}:${m}`;
      expect(await attempt(coordinator, name, `coord-${kind}`)).toBe('read-write');
      expect(await readBack(t.url, coordinator, name)).toBe(`coord-${kind}`);
    }
  });

  it('technician writes its assigned mission, reads its review read-only, sees nothing else', async () => {
    const mine = randomUUID();
    const other = randomUUID();
    await seed(`mission:${mine}`, 'M');
    await seed(`review:${mine}`, 'R');
    await seed(`mission:${other}`, 'O');
    const tech = t.token('technician', [mine]).token;

    expect(await attempt(tech, `mission:${mine}`, 'tech-')).toBe('read-write');
    expect(await readBack(t.url, coordinator, `mission:${mine}`)).toBe('tech-M');

    expect(await attempt(tech, `review:${mine}`, 'tech-')).toBe('readonly');
    expect(await readBack(t.url, coordinator, `review:${mine}`)).toBe('R');

    expect(await attempt(tech, `mission:${other}`, 'x')).toBe('denied:Forbidden');
    expect(await attempt(tech, `review:${other}`, 'x')).toBe('denied:Forbidden');
    expect(await attempt(tech, `programme:${randomUUID()}`, 'x')).toBe('denied:Forbidden');
    expect(await readBack(t.url, coordinator, `mission:${other}`)).toBe('O');
  });

  it('observer reads its assigned mission and review, writes nothing, sees nothing else', async () => {
    const mine = randomUUID();
    await seed(`mission:${mine}`, 'M');
    await seed(`review:${mine}`, 'R');
    const observer = t.token('observer', [mine]).token;

    expect(await attempt(observer, `mission:${mine}`, 'obs-')).toBe('readonly');
    expect(await attempt(observer, `review:${mine}`, 'obs-')).toBe('readonly');
    expect(await readBack(t.url, coordinator, `mission:${mine}`)).toBe('M');
    expect(await readBack(t.url, coordinator, `review:${mine}`)).toBe('R');

    expect(await attempt(observer, `mission:${randomUUID()}`, 'x')).toBe('denied:Forbidden');
    expect(await attempt(observer, `programme:${randomUUID()}`, 'x')).toBe('denied:Forbidden');
  });

  it('a technician who syncs a mission new to the server becomes its member', async () => {
    const created = randomUUID();
    const tech = t.token('technician');
    expect(await attempt(tech.token, `mission:${created}`, 'offline work')).toBe('read-write');
    const db = openDatabase(t.dataDir);
    try {
      const row = db
        .prepare('SELECT mission FROM memberships WHERE token_id = ? AND mission = ?')
        .get(tech.id, created);
      expect(row).toBeDefined();
    } finally {
      db.close();
    }
    // It stays its member: it reads the review, and another technician is refused the now-existing mission.
    await seed(`review:${created}`, 'R');
    expect(await attempt(tech.token, `review:${created}`, 'x')).toBe('readonly');
    expect(await attempt(t.token('technician').token, `mission:${created}`, 'x')).toBe('denied:Forbidden');
    expect(await readBack(t.url, coordinator, `mission:${created}`)).toBe('offline work');
  });

  it('refuses malformed document names', async () => {
    expect(await attempt(coordinator, 'mission:not-a-uuid', 'x')).toBe('denied:Forbidden');
    expect(await attempt(coordinator, `notes:${randomUUID()}`, 'x')).toBe('denied:Forbidden');
  });
});

describe('tokens', () => {
  it('refuses an unknown token and closes the socket with 4401', async () => {
    const c = client('not-a-real-token', `mission:${randomUUID()}`);
    await settled(c);
    expect(c.denied).toBe('Unauthorized');
    await waitFor(() => c.closeCodes.includes(4401), 5000, 'close 4401');
  });

  it('refuses a revoked token with 4401', async () => {
    const m = randomUUID();
    const tech = t.token('technician', [m]);
    const db = openDatabase(t.dataDir);
    revokeToken(db, tech.token);
    db.close();
    const c = client(tech.token, `mission:${m}`);
    await settled(c);
    expect(c.denied).toBe('Unauthorized');
    await waitFor(() => c.closeCodes.includes(4401), 5000, 'close 4401');
  });

  it('closes an open connection with 4401 when its token is revoked', async () => {
    const m = randomUUID();
    const tech = t.token('technician', [m]);
    const c = client(tech.token, `mission:${m}`);
    await settled(c);
    expect(c.scope).toBe('read-write');
    const db = openDatabase(t.dataDir);
    revokeToken(db, tech.id);
    db.close();
    await waitFor(() => c.closeCodes.includes(4401), 5000, 'close 4401 after revocation');
    expect(t.logs.some((l) => l.event === 'revoked-connection-closed' && l.tokenId === tech.id)).toBe(true);
  });

  it('never writes a token into the logs', () => {
    const text = JSON.stringify(t.logs);
    expect(text).not.toContain(coordinator);
    expect(t.logs.some((l) => l.event === 'connected')).toBe(true);
    expect(t.logs.some((l) => l.event === 'refused')).toBe(true);
  });
});

describe('/api', () => {
  const api = (path: string, token?: string) =>
    fetch(`http://127.0.0.1:${t.server.port}${path}`, {
      headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
    });

  it('refuses requests without a valid bearer token', async () => {
    expect((await api('/api/me')).status).toBe(401);
    expect((await api('/api/me', 'nope')).status).toBe(401);
  });

  it('tells a device who it is and which missions it may sync', async () => {
    const m = randomUUID();
    const observer = t.token('observer', [m]);
    const me = await api('/api/me', observer.token);
    expect(await me.json()).toMatchObject({ tokenId: observer.id, role: 'observer' });
    const missions = (await (await api('/api/missions', observer.token)).json()) as { missions: string[] };
    expect(missions.missions).toEqual([m]);

    const seeded = randomUUID();
    await seed(`mission:${seeded}`, 'x');
    const all = (await (await api('/api/missions', coordinator)).json()) as { missions: string[] };
    expect(all.missions).toContain(seeded);
  });
});
