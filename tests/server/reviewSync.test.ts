// Review documents through the app's sync session against the real Minga server: a technician reads them
// without ever being told "access refused", gets them in the background pass, and a coordinator's writes arrive.
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missionDocName, type MissionId } from '../../src/domain/ids.ts';
import { reviewDocName, type CommentId } from '../../src/domain/review.ts';
import { MingaDb, setDbForTests } from '../../src/storage/db.ts';
import { acquireMission, closeAllMissions, registerMission } from '../../src/storage/docStore.ts';
import { createMission } from '../../src/storage/missionDoc.ts';
import { addComment, setDecision } from '../../src/storage/reviewCommands.ts';
import { readReview, writeComment, writeDecision } from '../../src/storage/reviewDoc.ts';
import { acquireReview, closeAllReviews } from '../../src/storage/reviewStore.ts';
import { syncInBackground } from '../../src/sync/background.ts';
import { ManualConnectivity } from '../../src/sync/connectivity.ts';
import { configureSync, pendingChanges, signIn, stopSync } from '../../src/sync/session.ts';
import { rememberAccountRole } from '../../src/sync/signedIn.ts';
import { onSyncStatus, resetSyncStatus, syncStatus, type SyncStatus } from '../../src/sync/status.ts';
import { connect, removeDir, startTestServer, waitFor, type Client, type TestServer } from './syncHarness.ts';

const FAST_BACKOFF = { baseMs: 20, maxMs: 200, minMs: 10 };
const stamp = (name: string) => ({
  actor: { name, device: `device-${name}` },
  now: new Date().toISOString(),
});

let t: TestServer;
const clients: Client[] = [];
let connectivity: ManualConnectivity;

const origin = () => t.url.replace(/^ws/, 'http').replace(/\/sync$/, '');

beforeEach(async () => {
  t = await startTestServer();
  setDbForTests(new MingaDb(`review-sync-${crypto.randomUUID()}`));
  connectivity = new ManualConnectivity();
  configureSync({ origin: origin(), connectivity, backoff: FAST_BACKOFF, backgroundConcurrency: 0 });
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

/** Another device writing with its own provider, e.g. the coordinator's laptop. */
function device(token: string, name: string, doc = new Y.Doc()): Client {
  const client = connect(t.url, token, name, doc);
  clients.push(client);
  return client;
}

/** Every status a document (or the device, without a name) goes through from now on. */
function record(name?: string): SyncStatus[] {
  const seen: SyncStatus[] = [];
  onSyncStatus(() => seen.push(syncStatus(name)));
  return seen;
}

describe('review documents on the sync connection', () => {
  it('a technician’s new mission and its review, opened together, sync without any refusal', async () => {
    const technician = t.token('technician');
    const coordinator = t.token('coordinator');
    await signIn({ server: origin(), token: technician.token });
    const id = crypto.randomUUID() as MissionId;
    const [mission, review] = [missionDocName(id), reviewDocName(id)];
    const overall = record();
    const ofReview = record(review);

    // The mission is new to the server: the technician becomes its member only when it first syncs.
    await registerMission(id, new Date().toISOString());
    const [open, openReview] = await Promise.all([acquireMission(id), acquireReview(id)]);
    createMission(open.doc, { title: 'Jama' }, stamp('Anna'));
    await waitFor(() => syncStatus(mission).kind === 'upToDate', 5000, 'mission up to date');
    await waitFor(() => syncStatus(review).kind === 'upToDate', 5000, 'review up to date');

    // The coordinator decides and comments; the open review on the phone receives it live.
    const laptop = device(coordinator.token, review);
    writeDecision(laptop.doc, 'changesRequested', 'Falta el croquis.', stamp('Laia'));
    writeComment(
      laptop.doc,
      'c1' as CommentId,
      { kind: 'mission', id },
      'Ver el presupuesto.',
      stamp('Laia'),
    );
    await laptop.acknowledged();
    await waitFor(() => readReview(openReview.doc).comments.length === 1, 5000, 'comment on the phone');
    expect(readReview(openReview.doc).decision).toMatchObject({ decision: 'changesRequested', by: 'Laia' });
    await waitFor(() => syncStatus(review).kind === 'upToDate', 5000, 'review up to date again');

    expect(ofReview.filter((status) => status.kind === 'refused')).toEqual([]);
    expect(overall.filter((status) => status.kind === 'refused')).toEqual([]);
    expect(syncStatus()).toMatchObject({ kind: 'upToDate' });
    // Read-only on the server, and nothing written by the phone was ever dropped.
    expect(t.logs).toContainEqual(
      expect.objectContaining({ event: 'authenticated', document: review, access: 'read-only' }),
    );
    expect(t.logs.filter((entry) => entry.refusal !== undefined)).toEqual([]);
  });

  it('the background pass brings each mission’s review to the phone, kept there after a reload', async () => {
    const coordinator = t.token('coordinator');
    const id = crypto.randomUUID() as MissionId;
    const technician = t.token('technician', [id]);
    const missionDoc = new Y.Doc();
    createMission(missionDoc, { title: 'Pedernales' }, stamp('Laia'));
    await device(coordinator.token, missionDocName(id), missionDoc).acknowledged();
    const reviewDoc = new Y.Doc();
    writeDecision(reviewDoc, 'approved', 'Buen trabajo.', stamp('Laia'));
    await device(coordinator.token, reviewDocName(id), reviewDoc).acknowledged();

    await signIn({ server: origin(), token: technician.token });
    await registerMission(id, new Date().toISOString());
    const outcomes = await syncInBackground({ timeoutMs: 10_000 });
    expect(outcomes).toEqual(
      new Map([
        [missionDocName(id), 'upToDate'],
        [reviewDocName(id), 'upToDate'],
      ]),
    );

    // A reload with no network: the review comes from the phone's own storage.
    await stopSync();
    await closeAllReviews();
    const offline = await acquireReview(id);
    expect(offline.view.snapshot().decision).toMatchObject({ decision: 'approved', note: 'Buen trabajo.' });
  });

  it('a technician not assigned to a mission is refused the mission only; its review is never asked for', async () => {
    const coordinator = t.token('coordinator');
    const id = crypto.randomUUID() as MissionId;
    const missionDoc = new Y.Doc();
    createMission(missionDoc, { title: 'Manta' }, stamp('Laia'));
    await device(coordinator.token, missionDocName(id), missionDoc).acknowledged();

    await signIn({ server: origin(), token: t.token('technician').token });
    await registerMission(id, new Date().toISOString());
    await Promise.all([acquireMission(id), acquireReview(id)]);
    await waitFor(() => syncStatus(missionDocName(id)).kind === 'refused', 5000, 'mission refused');
    expect(t.logs.some((entry) => entry.document === reviewDocName(id))).toBe(false);
  });

  it('a coordinator’s decision and comment wait as pending changes offline, then reach the server', async () => {
    const coordinator = t.token('coordinator');
    await signIn({ server: origin(), token: coordinator.token });
    await rememberAccountRole('coordinator');
    const id = crypto.randomUUID() as MissionId;
    await registerMission(id, new Date().toISOString());
    const open = await acquireMission(id);
    createMission(open.doc, { title: 'Portoviejo' }, stamp('Laia'));
    const review = await acquireReview(id);
    await waitFor(() => syncStatus(reviewDocName(id)).kind === 'upToDate', 5000, 'review attached');

    connectivity.set({ online: false });
    await waitFor(() => syncStatus().kind === 'offline', 5000, 'offline');
    setDecision(
      review,
      { decision: 'approved', note: '' },
      { name: 'Laia', deviceId: 'device-1' },
      'coordinator',
    );
    addComment(
      review,
      { target: { kind: 'mission', id }, text: 'Cerrar el informe.' },
      { name: 'Laia', deviceId: 'device-1' },
      'coordinator',
    );
    await review.writer.whenIdle();
    await waitFor(() => syncStatus(reviewDocName(id)).kind === 'pending', 5000, 'review pending');
    expect(syncStatus(reviewDocName(id))).toMatchObject({ pending: 2 });
    expect((await pendingChanges(origin())).get(reviewDocName(id))).toBe(2);

    connectivity.set({ online: true });
    await waitFor(() => syncStatus(reviewDocName(id)).kind === 'upToDate', 5000, 'review synced');
    const reader = device(coordinator.token, reviewDocName(id));
    await waitFor(() => readReview(reader.doc).comments.length === 1, 5000, 'comment on the server');
    expect(readReview(reader.doc)).toMatchObject({
      decision: { decision: 'approved', by: 'Laia' },
      comments: [{ text: 'Cerrar el informe.' }],
    });
  });
});
