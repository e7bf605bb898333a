// A network cut across the moment the wait for the server's list of versions ends: the feed is not taken for
// absent (which would start the full pass over every mission), so the reconnection resumes from the cursors and
// opens none of the missions already in step. The cut is a TCP proxy in front of the server, stopped and
// restarted; the device reconnects when told it is online again, not on its own retry timer.
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missionDocName, type MissionId } from '../../src/domain/ids.ts';
import { MingaDb, setDbForTests } from '../../src/storage/db.ts';
import { closeAllMissions } from '../../src/storage/docStore.ts';
import { createMission } from '../../src/storage/missionDoc.ts';
import { closeAllReviews } from '../../src/storage/reviewStore.ts';
import { ManualConnectivity } from '../../src/sync/connectivity.ts';
import { configureSync, signIn, stopSync } from '../../src/sync/session.ts';
import { rememberAccountRole } from '../../src/sync/signedIn.ts';
import { connectionState, resetSyncStatus, syncProgress, syncStatus } from '../../src/sync/status.ts';
import { openDatabase } from '../../src/server/db.ts';
import { sqliteDocumentStore } from '../../src/server/documents.ts';
import { startTcpProxy, type TcpProxy } from './tcpProxy.ts';
import { connect, removeDir, startTestServer, waitFor, type Client, type TestServer } from './syncHarness.ts';

const MISSIONS = 3;
/** Long enough for the first sync of three missions on a loaded machine, short enough for a test. */
const FEED_WAIT_MS = 4000;
const stamp = { actor: { name: 'Laia', device: 'laptop' }, now: new Date().toISOString() };

let t: TestServer;
let proxy: TcpProxy;
let connectivity: ManualConnectivity;
const clients: Client[] = [];
/** The server as the device reaches it: through the proxy. */
const origin = () => `http://127.0.0.1:${proxy.port}`;

beforeEach(async () => {
  t = await startTestServer();
  proxy = await startTcpProxy(Number(new URL(t.url).port));
  setDbForTests(new MingaDb(`feed-after-cut-${crypto.randomUUID()}`));
  connectivity = new ManualConnectivity();
  configureSync({
    origin: origin(),
    connectivity,
    // Its own retry comes long after the test: only "online again" brings the socket back.
    backoff: { baseMs: 600_000, maxMs: 600_000, minMs: 600_000 },
    backgroundConcurrency: 2,
    feedWaitMs: FEED_WAIT_MS,
  });
});
afterEach(async () => {
  clients.splice(0).forEach((client) => client.destroy());
  await stopSync();
  await closeAllMissions();
  await closeAllReviews();
  resetSyncStatus();
  setDbForTests(null);
  await proxy.close();
  await t.stop();
  await removeDir(t.dataDir);
});

/** Each document's version on the server, read from its SQLite file. */
async function storedVersions(): Promise<Map<string, number>> {
  const db = openDatabase(t.dataDir);
  try {
    return await sqliteDocumentStore(db).versions();
  } finally {
    db.close();
  }
}

/** Missions the device (token `tokenId`) opened on the server from log entry `from` on. */
const missionsOpened = (tokenId: string, from: number) =>
  t.logs
    .slice(from)
    .filter(
      (entry) =>
        entry.event === 'connected' &&
        entry.tokenId === tokenId &&
        typeof entry.document === 'string' &&
        entry.document.startsWith('mission:'),
    )
    .map((entry) => entry.document);

describe('a cut longer than the wait for the list of versions', () => {
  it(
    'resumes from the cursors: no mission in step is opened again after the network returns',
    { timeout: 60_000 },
    async () => {
      const colleague = t.token('coordinator');
      const ids = Array.from({ length: MISSIONS }, () => crypto.randomUUID() as MissionId);
      for (const [i, id] of ids.entries()) {
        const doc = new Y.Doc();
        createMission(doc, { title: `Misión ${i}` }, stamp);
        const client = connect(t.url, colleague.token, missionDocName(id), doc);
        clients.push(client);
        await client.acknowledged();
      }
      // Stored, so that their versions no longer move: a store raises the version the feed announces.
      await waitFor(
        async () =>
          [...(await storedVersions()).values()].filter((version) => version > 0).length === MISSIONS,
        15_000,
        'all stored',
      );

      const device = t.token('coordinator');
      await rememberAccountRole('coordinator');
      const signedInAt = Date.now();
      await signIn({ server: origin(), token: device.token });
      await waitFor(
        () => syncStatus().kind === 'upToDate' && syncProgress()?.inStep === MISSIONS,
        FEED_WAIT_MS,
        'device up to date',
      );
      const firstPass = missionsOpened(device.id, 0);
      expect(new Set(firstPass)).toEqual(new Set(ids.map(missionDocName)));

      // The cut comes before the wait for this socket's list of versions ends. The network returns before it
      // ends too, but the socket only after: the wait ends while the device is between two connections.
      expect(Date.now() - signedInAt).toBeLessThan(FEED_WAIT_MS - 1000);
      const cutAt = t.logs.length;
      proxy.cut();
      await waitFor(() => connectionState() !== 'connected', 5000, 'socket closed by the cut');
      proxy.restore();
      await new Promise((resolve) => setTimeout(resolve, FEED_WAIT_MS + 500 - (Date.now() - signedInAt)));
      expect(connectionState()).not.toBe('connected');
      connectivity.set({ online: true });

      await waitFor(
        () => syncStatus().kind === 'upToDate' && syncProgress()?.ready === true,
        15_000,
        'up to date again',
      );
      // Longer than the wait again: a fallback pass, had one started, would have opened the missions by now.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(missionsOpened(device.id, cutAt)).toEqual([]);
      expect(syncProgress()).toMatchObject({ ready: true, inStep: MISSIONS, held: MISSIONS });
    },
  );
});
