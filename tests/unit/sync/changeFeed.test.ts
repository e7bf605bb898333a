// The device's side of the feed: which documents a list of versions or a change makes it sync, and the count.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { ChangeFeed } from '../../../src/sync/feed.ts';
import { resetSyncStatus, syncProgress } from '../../../src/sync/status.ts';
import { saveServerState } from '../../../src/sync/syncState.ts';

const SERVER = 'https://minga.example';
const A = '0b7e2f5c-0d55-4c6f-9a44-2f8a1c9e0d11';
const B = '1c8f3a6d-1e66-4d7a-8b55-3a9b2d0f1e22';
const C = '2d9a4b7e-2f77-4e8b-9c66-4bac3e1a2f33';

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
  resetSyncStatus();
});
const feeds: ChangeFeed[] = [];
afterEach(async () => {
  for (const f of feeds.splice(0)) f.stop();
  setDbForTests(null);
  await db.delete();
});

async function hold(id: string, cursor?: number): Promise<void> {
  await db.docs.put({ name: `mission:${id}`, missionId: id, createdAt: '2026-01-01T00:00:00Z' });
  if (cursor !== undefined)
    await saveServerState({
      name: `mission:${id}`,
      server: SERVER,
      serverStateVector: new Uint8Array([0]),
      lastSyncedAt: 1,
      cursor,
    });
}

function feed(): { feed: ChangeFeed; passes: string[][] } {
  const passes: string[][] = [];
  const created = new ChangeFeed({
    server: SERVER,
    sync: async (names) => {
      passes.push([...names].sort());
    },
  });
  feeds.push(created);
  return { passes, feed: created };
}

const versions = (docs: Record<string, number>) => JSON.stringify({ type: 'versions', docs, complete: true });

describe('ChangeFeed', () => {
  it('syncs nothing when every held document is at the version heard, and says so', async () => {
    await hold(A, 4);
    await hold(B, 2);
    const { feed: f, passes } = feed();
    await f.receive(versions({ [`mission:${A}`]: 4, [`mission:${B}`]: 2 }));
    expect(passes).toEqual([]);
    expect(syncProgress()).toEqual({ ready: true, inStep: 2, held: 2, notHere: [] });
  });

  it('syncs the documents that lag, those never confirmed, and registers missions new to the device', async () => {
    await hold(A, 4);
    await hold(B);
    const { feed: f, passes } = feed();
    await f.receive(versions({ [`mission:${A}`]: 5, [`mission:${B}`]: 1, [`mission:${C}`]: 3 }));
    await expect.poll(() => passes.length).toBe(1);
    expect(passes[0]).toEqual([`mission:${A}`, `mission:${B}`, `mission:${C}`].sort());
    expect(await db.docs.get(`mission:${C}`)).toBeDefined();
    expect(syncProgress()).toMatchObject({ ready: true, inStep: 0, held: 3 });
    // B was never confirmed and C is new here: neither is usable offline yet.
    expect([...(syncProgress()?.notHere ?? [])].sort()).toEqual([B, C].sort());
  });

  it('after the list, a change syncs that document only, and a confirmation puts it in step', async () => {
    await hold(A, 4);
    await hold(B, 2);
    const { feed: f, passes } = feed();
    await f.receive(versions({ [`mission:${A}`]: 4, [`mission:${B}`]: 2 }));
    await f.receive(JSON.stringify({ type: 'changed', docs: { [`mission:${B}`]: 3 } }));
    await expect.poll(() => passes).toEqual([[`mission:${B}`]]);
    expect(syncProgress()?.inStep).toBe(1);
    f.confirmed(`mission:${B}`, 3);
    expect(syncProgress()).toEqual({ ready: true, inStep: 2, held: 2, notHere: [] });
  });

  it('syncs a document changed here even when the server has nothing newer', async () => {
    await hold(A, 4);
    const { feed: f, passes } = feed();
    f.changedHere(`mission:${A}`);
    await f.receive(versions({ [`mission:${A}`]: 4 }));
    await expect.poll(() => passes).toEqual([[`mission:${A}`]]);
  });

  it('syncs the documents changed here first', async () => {
    await hold(A, 4);
    await hold(B, 2);
    await hold(C, 1);
    const order: string[][] = [];
    const f = new ChangeFeed({ server: SERVER, sync: async (names) => void order.push(names) });
    feeds.push(f);
    f.changedHere(`mission:${C}`);
    await f.receive(versions({ [`mission:${A}`]: 5, [`mission:${B}`]: 3, [`mission:${C}`]: 1 }));
    await expect.poll(() => order.length).toBe(1);
    expect(order[0]?.[0]).toBe(`mission:${C}`);
  });

  it('a socket that closes aborts the pass, and the next list of versions starts a new one', async () => {
    await hold(A, 4);
    await hold(B, 2);
    const signals: AbortSignal[] = [];
    const f = new ChangeFeed({
      server: SERVER,
      // A pass that would wait for ever on a dead network, but for its signal.
      sync: (_names, signal) => {
        signals.push(signal);
        return new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
      },
    });
    feeds.push(f);
    await f.receive(versions({ [`mission:${A}`]: 5, [`mission:${B}`]: 2 }));
    await expect.poll(() => signals.length).toBe(1);
    f.lost();
    expect(signals[0]?.aborted).toBe(true);
    await f.receive(versions({ [`mission:${A}`]: 5, [`mission:${B}`]: 2 }));
    await expect.poll(() => signals.length).toBe(2);
    expect(signals[1]?.aborted).toBe(false);
  });

  it('counts a mission confirmed before the feed existed as on the device, though it syncs once for a cursor', async () => {
    await hold(A, 4);
    await db.docs.put({ name: `mission:${B}`, missionId: B, createdAt: '2026-01-01T00:00:00Z' });
    // Acknowledged by the server before cursors were kept: its content is here, its version is not known.
    await saveServerState({
      name: `mission:${B}`,
      server: SERVER,
      serverStateVector: new Uint8Array([0]),
      lastSyncedAt: 1,
    });
    const { feed: f, passes } = feed();
    await f.receive(versions({ [`mission:${A}`]: 4, [`mission:${B}`]: 2 }));
    await expect.poll(() => passes).toEqual([[`mission:${B}`]]);
    expect(syncProgress()).toEqual({ ready: true, inStep: 1, held: 2, notHere: [] });
  });
});
