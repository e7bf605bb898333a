// The background pass against the real server: it never holds more documents attached than the bound, however
// much concurrency is asked, and it lets each go once synced, so a blip has few documents to authenticate again.
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missionDocName, type MissionId } from '../../src/domain/ids.ts';
import { MingaDb, setDbForTests } from '../../src/storage/db.ts';
import { closeAllMissions, registerMission } from '../../src/storage/docStore.ts';
import { createMission } from '../../src/storage/missionDoc.ts';
import { closeAllReviews } from '../../src/storage/reviewStore.ts';
import { MAX_ATTACHED_AT_ONCE, syncInBackground } from '../../src/sync/background.ts';
import { ManualConnectivity } from '../../src/sync/connectivity.ts';
import { configureSync, signIn, stopSync } from '../../src/sync/session.ts';
import { docSyncState, onSyncStatus, resetSyncStatus } from '../../src/sync/status.ts';
import { connect, removeDir, startTestServer, waitFor, type Client, type TestServer } from './syncHarness.ts';

const MISSIONS = 24;
const stamp = { actor: { name: 'Laia', device: 'laptop' }, now: new Date().toISOString() };

let t: TestServer;
const clients: Client[] = [];
const origin = () => t.url.replace(/^ws/, 'http').replace(/\/sync$/, '');

beforeEach(async () => {
  t = await startTestServer();
  setDbForTests(new MingaDb(`pass-batches-${crypto.randomUUID()}`));
  configureSync({
    origin: origin(),
    connectivity: new ManualConnectivity(),
    backoff: { baseMs: 20, maxMs: 200, minMs: 10 },
    backgroundConcurrency: 0,
  });
});
afterEach(async () => {
  clients.splice(0).forEach((client) => client.destroy());
  await stopSync();
  await closeAllMissions();
  await closeAllReviews();
  resetSyncStatus();
  setDbForTests(null);
  await t.stop();
  await removeDir(t.dataDir);
});

describe('the background pass in bounded batches', () => {
  it(`attaches at most ${MAX_ATTACHED_AT_ONCE} missions at once, and lets each go once it is in step`, async () => {
    const colleague = t.token('coordinator');
    const ids = Array.from({ length: MISSIONS }, () => crypto.randomUUID() as MissionId);
    for (const [i, id] of ids.entries()) {
      const doc = new Y.Doc();
      createMission(doc, { title: `Misión ${i}` }, stamp);
      const client = connect(t.url, colleague.token, missionDocName(id), doc);
      clients.push(client);
      await client.acknowledged();
      // Written one after another, each socket closed before the next, as one laptop would.
      client.destroy();
      clients.pop();
    }
    const device = t.token('coordinator');
    await signIn({ server: origin(), token: device.token });
    for (const id of ids) await registerMission(id, new Date().toISOString());

    const names = ids.map(missionDocName);
    let most = 0;
    const stop = onSyncStatus(() => {
      most = Math.max(most, names.filter((name) => docSyncState(name)?.open).length);
    });
    // Far more than the bound is asked for: the bound wins.
    const outcomes = await syncInBackground({ concurrency: 50, timeoutMs: 30_000, names });
    stop();
    expect([...outcomes.values()]).toEqual(names.map(() => 'upToDate'));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(MAX_ATTACHED_AT_ONCE);
    // Each is detached on the server soon after, not 30 s later as a screen's document would be.
    const disconnected = () =>
      new Set(
        t.logs
          .filter((entry) => entry.event === 'disconnected' && entry.tokenId === device.id)
          .map((entry) => entry.document),
      );
    await waitFor(() => names.every((name) => disconnected().has(name)), 10_000, 'every mission let go');
  }, 60_000);
});
