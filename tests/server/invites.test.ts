// POST /api/invites against the real server: only a coordinator invites, and the new token signs a device in.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, type TestServer } from './syncHarness.ts';

let t: TestServer;
let base: string;
let coordinator: string;

beforeAll(async () => {
  t = await startTestServer();
  base = `http://127.0.0.1:${t.server.port}`;
  coordinator = t.token('coordinator').token;
});

afterAll(async () => {
  await t?.stop();
  if (t) await removeDir(t.dataDir);
});

function invite(token: string | null, body: unknown, method = 'POST'): Promise<Response> {
  return fetch(`${base}/api/invites`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    },
    ...(method === 'GET' ? {} : { body: JSON.stringify(body) }),
  });
}

function me(token: string): Promise<Response> {
  return fetch(`${base}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
}

describe('POST /api/invites', () => {
  it('lets a coordinator create a technician token that works on /api/me and sees its missions', async () => {
    const mission = randomUUID();
    const res = await invite(coordinator, { role: 'technician', name: 'Phone of Rosa', missions: [mission] });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { token: string; id: string };
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{30,}$/);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

    const who = await me(created.token);
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual({ tokenId: created.id, name: 'Phone of Rosa', role: 'technician' });
    const missions = await fetch(`${base}/api/missions`, {
      headers: { Authorization: `Bearer ${created.token}` },
    });
    expect(await missions.json()).toEqual({ missions: [mission] });
  });

  it('creates an observer without missions', async () => {
    const res = await invite(coordinator, { role: 'observer', name: 'Town hall' });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    expect(((await (await me(token)).json()) as { role: string }).role).toBe('observer');
  });

  it('refuses technicians and observers with 403', async () => {
    for (const role of ['technician', 'observer'] as const) {
      const res = await invite(t.token(role).token, { role: 'technician', name: 'x' });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: 'forbidden' });
    }
    expect(t.logs.some((l) => l.refusal === 'invite-not-coordinator')).toBe(true);
  });

  it('refuses an unknown token or none with 401', async () => {
    expect((await invite('not-a-token', { role: 'technician', name: 'x' })).status).toBe(401);
    expect((await invite(null, { role: 'technician', name: 'x' })).status).toBe(401);
  });

  it('refuses bad bodies with 400 and other methods with 405', async () => {
    const bad = [
      { role: 'coordinator', name: 'x' },
      { role: 'admin', name: 'x' },
      { role: 'technician', name: '  ' },
      { role: 'technician', name: 'x', missions: ['not-a-uuid'] },
      { role: 'technician', name: 'x', missions: 'abc' },
      [],
    ];
    for (const body of bad) expect((await invite(coordinator, body)).status).toBe(400);
    const raw = await fetch(`${base}/api/invites`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${coordinator}` },
      body: '{not json',
    });
    expect(raw.status).toBe(400);
    expect((await invite(coordinator, null, 'GET')).status).toBe(405);
  });

  it('never writes the new token to the log', async () => {
    const res = await invite(coordinator, { role: 'technician', name: 'Logged' });
    const { token, id } = (await res.json()) as { token: string; id: string };
    const lines = t.logs.map((l) => JSON.stringify(l));
    expect(lines.some((line) => line.includes(id))).toBe(true);
    expect(lines.some((line) => line.includes(token))).toBe(false);
  });
});
