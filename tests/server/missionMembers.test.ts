// Who belongs to a mission: planned missions cannot be claimed, uploads make no member, coordinators add and
// remove members, and a removal closes the member's open connections.
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/server/static.ts';
import {
  connect,
  NODE,
  removeDir,
  settled,
  startTestServer,
  waitFor,
  type TestServer,
} from './syncHarness.ts';

let t: TestServer;
let coordinator: string;

beforeAll(async () => {
  t = await startTestServer();
  coordinator = t.token('coordinator').token;
});

afterAll(async () => {
  await t?.stop();
  if (t) await removeDir(t.dataDir);
});

async function admin(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(NODE, ['src/server/admin.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: t.dataDir },
  });
  return stdout;
}

/** Opens the document and tells how it went: 'ok' or the denial. */
async function open(token: string, name: string): Promise<string> {
  const c = connect(t.url, token, name);
  try {
    await settled(c);
    return c.denied ?? 'ok';
  } finally {
    c.destroy();
  }
}

/** A coordinator writes the document, so that it exists on the server. */
async function seed(name: string): Promise<void> {
  const writer = connect(t.url, coordinator, name);
  try {
    await settled(writer);
    writer.doc.getText('text').insert(0, 'seeded');
    await writer.acknowledged();
  } finally {
    writer.destroy();
  }
}

async function missionsOf(token: string): Promise<string[]> {
  const res = await fetch(`http://127.0.0.1:${t.server.port}/api/missions`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { missions: string[] }).missions;
}

describe('mission membership', () => {
  it('a planned mission, assigned but without a document yet, cannot be claimed by another technician', async () => {
    const mission = randomUUID();
    t.token('technician', [mission]);
    const stranger = t.token('technician');
    expect(await open(stranger.token, `mission:${mission}`)).toBe('Forbidden');
    expect(await missionsOf(stranger.token)).toEqual([]);
  });

  it('a mission whose review exists cannot be claimed', async () => {
    const mission = randomUUID();
    await seed(`review:${mission}`);
    expect(await open(t.token('technician').token, `mission:${mission}`)).toBe('Forbidden');
  });

  it('a photo upload for an unknown mission makes no member; the device may retry once the mission synced', async () => {
    const mission = randomUUID();
    const tech = t.token('technician');
    const body = new TextEncoder().encode(`photo ${mission}`);
    const sha = createHash('sha256').update(body).digest('hex');
    const put = () =>
      fetch(`http://127.0.0.1:${t.server.port}/api/blobs/${sha}?mission=${mission}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${tech.token}`, 'Content-Type': 'image/jpeg' },
        body,
      });
    const refused = await put();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(await missionsOf(tech.token)).toEqual([]);
    // Opening the new mission's document makes the member; then the photo is taken.
    expect(await open(tech.token, `mission:${mission}`)).toBe('ok');
    expect((await put()).status).toBe(201);
  });

  it('coordinators add and remove members; a removal closes the open connection', async () => {
    const mission = randomUUID();
    await seed(`mission:${mission}`);
    const tech = t.token('technician');
    expect(await open(tech.token, `mission:${mission}`)).toBe('Forbidden');

    expect(await admin('member', 'add', '--token', tech.id, '--mission', mission)).toBe(
      `Added ${tech.id} to mission ${mission}\n`,
    );
    const c = connect(t.url, tech.token, `mission:${mission}`);
    await settled(c);
    expect(c.denied).toBeNull();

    expect(await admin('member', 'remove', '--token', tech.id, '--mission', mission)).toBe(
      `Removed ${tech.id} from mission ${mission}\n`,
    );
    await waitFor(() => c.closeCodes.includes(4403), 5000, 'close 4403');
    c.destroy();
    expect(t.logs.some((l) => l.event === 'removed-member-closed' && l.mission === mission)).toBe(true);
    expect(await open(tech.token, `mission:${mission}`)).toBe('Forbidden');
    expect(await missionsOf(tech.token)).toEqual([]);
    // Two CLI runs, each starting Node: more than the default 5 s on a busy machine.
  }, 30_000);
});
