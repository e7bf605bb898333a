// History and restore on the server: every stored version is kept with who wrote it, coordinators list, preview
// and restore them, and a restore reaches connected devices as an ordinary change.
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMissionSnapshot } from '../../src/domain/records/snapshot.ts';
import { openDatabase } from '../../src/server/db.ts';
import { CHECKPOINT_EVERY, sqliteHistory } from '../../src/server/history.ts';
import { REPO_ROOT } from '../../src/server/static.ts';
import {
  createMission,
  createRecord,
  recordsRoot,
  setDeleted,
  type Stamp,
} from '../../src/storage/missionDoc.ts';
import {
  connect,
  NODE,
  removeDir,
  settled,
  startTestServer,
  tempDir,
  waitFor,
  type TestServer,
} from './syncHarness.ts';

const stamp: Stamp = { actor: { name: 'Tina', device: 'tina-phone' }, now: '2026-12-01T10:00:00.000Z' };
const RECORDS = [
  ['assessment', 'a1'],
  ['note', 'n1'],
  ['action', 'x1'],
] as const;

let t: TestServer;
let coordinator: string;
let technician: { id: string; token: string };
let observer: string;
const mission = randomUUID();
const name = `mission:${mission}`;

const live = (doc: Y.Doc) => {
  const s = readMissionSnapshot(doc, mission);
  return [...s.assessments, ...s.notes, ...s.actions]
    .filter((r) => !r.deletedAt)
    .map((r) => r.id)
    .sort();
};

async function api(path: string, token: string | null, init: RequestInit = {}): Promise<Response> {
  return fetch(`http://127.0.0.1:${t.server.port}${path}`, {
    ...init,
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });
}

type Version = {
  version: number;
  by: string[];
  summary: { records: { kind: string; added: number; deleted: number; restored: number }[] };
};
async function versions(): Promise<Version[]> {
  const response = await api(`/api/missions/${mission}/history`, coordinator);
  return ((await response.json()) as { versions: Version[] }).versions;
}

/** The technician's device writes, then goes away: the server stores the document as a new version. */
async function write(change: (doc: Y.Doc) => void): Promise<void> {
  const before = (await versions()).length;
  const device = connect(t.url, technician.token, name);
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
  t = await startTestServer();
  coordinator = t.token('coordinator').token;
  technician = t.token('technician');
  observer = t.token('observer').token;
  await write((doc) => {
    createMission(doc, { title: 'Floods' }, stamp);
    createRecord(doc, 'assessment', 'a1', { title: 'Bridge' }, stamp);
    createRecord(doc, 'note', 'n1', { text: 'Road closed' }, stamp);
    createRecord(doc, 'action', 'x1', { activity: 'Sandbags' }, stamp);
  });
  // A member wipes the mission.
  await write((doc) => {
    for (const [kind, id] of RECORDS) setDeleted(doc, kind, id, true, stamp);
  });
});

afterAll(async () => {
  await t?.stop();
  if (t) await removeDir(t.dataDir);
});

describe('history on the server', () => {
  it('keeps each stored version with who wrote it and what changed', async () => {
    const list = await versions();
    expect(list.length).toBe(2);
    const [wipe, first] = list as [Version, Version];
    expect(wipe.version).toBeGreaterThan(first.version);
    expect(wipe.by).toEqual(['technician 2']);
    expect(wipe.summary.records.map((c) => [c.kind, c.deleted])).toEqual([
      ['assessment', 1],
      ['note', 1],
      ['action', 1],
    ]);
    const preview = await api(`/api/missions/${mission}/history/${first.version}`, coordinator);
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { notes: { text: string; deletedAt: string | null }[] };
    expect(body.notes).toMatchObject([{ text: 'Road closed', deletedAt: null }]);
  });

  it('lets only coordinators list, preview and restore', async () => {
    const [, first] = (await versions()) as [Version, Version];
    const routes: [string, string][] = [
      ['GET', `/api/missions/${mission}/history`],
      ['GET', `/api/missions/${mission}/history/${first.version}`],
      ['POST', `/api/missions/${mission}/history/${first.version}/restore`],
    ];
    for (const [method, path] of routes) {
      expect((await api(path, null, { method })).status, `${method} ${path} without a token`).toBe(401);
      expect((await api(path, 'not-a-token', { method })).status).toBe(401);
      expect((await api(path, technician.token, { method })).status, `${method} ${path} technician`).toBe(
        403,
      );
      expect((await api(path, observer, { method })).status, `${method} ${path} observer`).toBe(403);
    }
    expect((await api(routes[0]![1], coordinator)).status).toBe(200);
    expect((await api(routes[1]![1], coordinator)).status).toBe(200);
    expect((await api(`/api/missions/${mission}/history/999999`, coordinator)).status).toBe(404);
    expect((await api(routes[2]![1], coordinator)).status, 'restore is a POST').toBe(405);
    // Nothing was restored by the refused calls.
    expect((await versions()).length).toBe(2);
  });

  it('restores a wiped mission as a new change that reaches a connected device', async () => {
    const [, first] = (await versions()) as [Version, Version];
    const device = connect(t.url, technician.token, name);
    try {
      await settled(device);
      await waitFor(() => device.provider.synced, 5000, 'sync');
      expect(live(device.doc)).toEqual([]);
      const response = await api(`/api/missions/${mission}/history/${first.version}/restore`, coordinator, {
        method: 'POST',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ written: 3 });
      await waitFor(() => live(device.doc).length === 3, 5000, 'the restore on the device');
      expect(live(device.doc)).toEqual(['a1', 'n1', 'x1']);
    } finally {
      device.destroy();
    }
    const list = await waitFor(async () => {
      const all = await versions();
      return all.length === 3 ? all : null;
    });
    expect(list[0]?.by).toContain('coordinator 1');
    expect(list[0]?.summary.records.map((c) => c.restored)).toEqual([1, 1, 1]);
  });

  it('restores one record only, and refuses a bad record reference', async () => {
    const [, , first] = (await versions()) as [Version, Version, Version];
    await write((doc) => {
      for (const [kind, id] of RECORDS) setDeleted(doc, kind, id, true, stamp);
    });
    const path = `/api/missions/${mission}/history/${first.version}/restore`;
    const post = (body: unknown) =>
      fetch(`http://127.0.0.1:${t.server.port}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${coordinator}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ record: { kind: 'photo', id: 'n1' } })).status).toBe(400);
    const response = await post({ record: { kind: 'note', id: 'n1' } });
    expect(await response.json()).toEqual({ written: 1 });
    const check = connect(t.url, coordinator, name);
    try {
      await settled(check);
      await waitFor(() => check.provider.synced, 5000, 'sync');
      expect(live(check.doc)).toEqual(['n1']);
    } finally {
      check.destroy();
    }
  });

  it('lists versions and restores through the admin CLI', async () => {
    const run = async (...args: string[]) =>
      (
        await promisify(execFile)(NODE, ['src/server/admin.ts', ...args], {
          cwd: REPO_ROOT,
          env: { ...process.env, DATABASE_URL: '', DATA_DIR: t.dataDir, PORT: String(t.server.port) },
        })
      ).stdout;
    const listed = await run('history', 'list', mission);
    expect(listed).toMatch(/\ttechnician 2\tassessments: 1 deleted; notes: 1 deleted; actions: 1 deleted\n/);
    const first = (await versions()).at(-1);
    expect(await run('history', 'restore', mission, String(first!.version), '--record', 'action:x1')).toMatch(
      /^Restored mission .* action:x1 to version \d+ \(1 records written\)/,
    );
    await waitFor(
      async () => (await versions())[0]?.by.includes('admin CLI'),
      8000,
      'the CLI restore stored',
    );
  });

  it('says "restored", not "added", of records a member removed from the document altogether', async () => {
    const first = (await versions()).at(-1) as Version;
    await write((doc) => {
      for (const [kind] of RECORDS) {
        const root = recordsRoot(doc, kind);
        for (const id of [...root.keys()]) root.delete(id);
      }
    });
    // Live then: the note and the action the two tests before restored.
    const [removed] = await versions();
    expect(removed?.summary.records.map((c) => [c.kind, c.deleted])).toEqual([
      ['note', 1],
      ['action', 1],
    ]);
    const before = (await versions()).length;
    const response = await api(`/api/missions/${mission}/history/${first.version}/restore`, coordinator, {
      method: 'POST',
    });
    expect(await response.json()).toEqual({ written: 3 });
    const [restore] = await waitFor(async () => {
      const all = await versions();
      return all.length > before ? all : null;
    });
    expect(restore?.summary.records.map((c) => [c.kind, c.added, c.restored])).toEqual([
      ['assessment', 0, 1],
      ['note', 0, 1],
      ['action', 0, 1],
    ]);
  });
});

describe('history store', () => {
  it('keeps diffs between checkpoints, reads any version whole, and prunes beyond the retention', async () => {
    const dir = await tempDir('minga-history-');
    const db = openDatabase(dir);
    try {
      const history = sqliteHistory(db, 90);
      const old = new Date(Date.now() - 100 * 24 * 3600 * 1000).toISOString();
      const doc = new Y.Doc();
      const last = CHECKPOINT_EVERY + 2;
      for (let version = 1; version <= last; version++) {
        doc.getArray<number>('v').push([version]);
        // Every version is old but the last two.
        const at = version >= last - 1 ? new Date().toISOString() : old;
        history.keep('mission:x', version, at, [`t${version}`, `t${version}`], Y.encodeStateAsUpdate(doc));
        if (version === 3) {
          const third = await history.get('mission:x', 2);
          const read = new Y.Doc();
          Y.applyUpdate(read, third!.state);
          expect(read.getArray('v').toArray()).toEqual([1, 2]);
        }
      }
      // The versions before the newest checkpoint (CHECKPOINT_EVERY + 1) were only needed by old ones.
      expect((await history.list('mission:x', 100)).map((r) => [r.version, r.writers])).toEqual([
        [last, [`t${last}`]],
        [last - 1, [`t${last - 1}`]],
      ]);
      const newest = new Y.Doc();
      Y.applyUpdate(newest, (await history.get('mission:x', last))!.state);
      expect(newest.getArray('v').length).toBe(last);
      expect(await history.get('mission:x', 2)).toBeNull();
      // The newest stays however old it is.
      db.prepare('UPDATE document_history SET stored_at = ?').run(old);
      history.keep('mission:x', last + 1, old, [], Y.encodeStateAsUpdate(doc));
      expect((await history.list('mission:x', 100)).map((r) => r.version)).toEqual([
        last + 1,
        last,
        last - 1,
      ]);
    } finally {
      db.close();
      await removeDir(dir);
    }
  });
});
