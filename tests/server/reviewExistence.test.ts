// A review document exists on the server only once a review is written: the change feed's catch-up brings the
// reviews that exist and opens none of the others, while a review a screen holds open stays attached.
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missionDocName, type MissionId } from '../../src/domain/ids.ts';
import { reviewDocName } from '../../src/domain/review.ts';
import { MingaDb, setDbForTests } from '../../src/storage/db.ts';
import { closeAllMissions, registerMission } from '../../src/storage/docStore.ts';
import { createMission } from '../../src/storage/missionDoc.ts';
import { readReview, writeDecision } from '../../src/storage/reviewDoc.ts';
import { acquireReview, closeAllReviews } from '../../src/storage/reviewStore.ts';
import { ManualConnectivity } from '../../src/sync/connectivity.ts';
import { configureSync, signIn, stopSync } from '../../src/sync/session.ts';
import { rememberAccountRole } from '../../src/sync/signedIn.ts';
import { resetSyncStatus, syncProgress, syncStatus } from '../../src/sync/status.ts';
import { openDatabase } from '../../src/server/db.ts';
import { sqliteDocumentStore } from '../../src/server/documents.ts';
import { connect, removeDir, startTestServer, waitFor, type Client, type TestServer } from './syncHarness.ts';

const FAST_BACKOFF = { baseMs: 20, maxMs: 200, minMs: 10 };
const stamp = (name: string) => ({
  actor: { name, device: `device-${name}` },
  now: new Date().toISOString(),
});

let t: TestServer;
const clients: Client[] = [];

const origin = () => t.url.replace(/^ws/, 'http').replace(/\/sync$/, '');

beforeEach(async () => {
  t = await startTestServer();
  setDbForTests(new MingaDb(`review-existence-${crypto.randomUUID()}`));
  configureSync({
    origin: origin(),
    connectivity: new ManualConnectivity(),
    backoff: FAST_BACKOFF,
    backgroundConcurrency: 2,
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

/** Writes a document on the server through another device's provider, as a colleague's laptop would. */
async function written(token: string, name: string, write: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc();
  write(doc);
  const client = connect(t.url, token, name, doc);
  clients.push(client);
  await client.acknowledged();
}

/** Names the server holds, stored or only in its update log, read from its SQLite file. */
async function onServer(): Promise<Set<string>> {
  const db = openDatabase(t.dataDir);
  try {
    return new Set((await sqliteDocumentStore(db).versions()).keys());
  } finally {
    db.close();
  }
}

/** Documents the device (token `tokenId`) opened on the server. */
const opened = (tokenId: string) =>
  new Set(
    t.logs
      .filter((entry) => entry.event === 'connected' && entry.tokenId === tokenId)
      .map((entry) => entry.document),
  );

describe('review documents exist only once written', () => {
  it('the feed’s catch-up brings the one review written and opens none of the others', async () => {
    const colleague = t.token('coordinator');
    const ids = Array.from({ length: 4 }, () => crypto.randomUUID() as MissionId);
    for (const [i, id] of ids.entries())
      await written(colleague.token, missionDocName(id), (doc) =>
        createMission(doc, { title: `Misión ${i}` }, stamp('Laia')),
      );
    const reviewed = ids[0]!;
    await written(colleague.token, reviewDocName(reviewed), (doc) =>
      writeDecision(doc, 'approved', 'Bien.', stamp('Laia')),
    );
    // The server stores after its debounce: the feed lists what is stored.
    await waitFor(async () => (await onServer()).size === 5, 15_000, 'all stored');

    const device = t.token('coordinator');
    await rememberAccountRole('coordinator');
    await signIn({ server: origin(), token: device.token });
    // Four missions and the one review, every one of them in step with the server.
    await waitFor(
      () => syncStatus().kind === 'upToDate' && syncProgress()?.inStep === 5,
      30_000,
      'device up to date',
    );
    expect(syncProgress()).toMatchObject({ ready: true, inStep: 5, held: 5, notHere: [] });

    const docs = opened(device.id);
    for (const id of ids) expect(docs.has(missionDocName(id))).toBe(true);
    expect(docs.has(reviewDocName(reviewed))).toBe(true);
    for (const id of ids.slice(1)) expect(docs.has(reviewDocName(id))).toBe(false);
    const review = await acquireReview(reviewed);
    expect(readReview(review.doc).decision).toMatchObject({ decision: 'approved' });
    // Nothing unwritten was stored on the way.
    expect([...(await onServer())].sort()).toEqual(
      [...ids.map(missionDocName), reviewDocName(reviewed)].sort(),
    );
  });

  it('a review a screen opens stays attached though nobody wrote it, so a first decision reaches the server', async () => {
    const device = t.token('coordinator');
    await rememberAccountRole('coordinator');
    await signIn({ server: origin(), token: device.token });
    const id = crypto.randomUUID() as MissionId;
    await registerMission(id, new Date().toISOString());
    await waitFor(() => syncProgress()?.ready === true, 15_000, 'feed ready');

    const review = await acquireReview(id);
    await waitFor(() => syncStatus(reviewDocName(id)).kind === 'upToDate', 15_000, 'review attached');
    expect(opened(device.id).has(reviewDocName(id))).toBe(true);
    writeDecision(review.doc, 'changesRequested', 'Falta el croquis.', stamp('Marta'));
    await waitFor(
      async () => (await onServer()).has(reviewDocName(id)),
      15_000,
      'review stored once written',
    );
  });
});
