// The app's sync client against a real Hocuspocus server on a free port: convergence, refusal, pending.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import * as Y from 'yjs';
import { Server } from '@hocuspocus/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { missionDocName, type MissionId } from '../../src/domain/ids.ts';
import { MingaDb, setDbForTests } from '../../src/storage/db.ts';
import { acquireMission, closeAllMissions, registerMission } from '../../src/storage/docStore.ts';
import { closeAllReviews } from '../../src/storage/reviewStore.ts';
import { SyncConnection, type Timers } from '../../src/sync/connection.ts';
import { nextDelay } from '../../src/sync/backoff.ts';
import { ManualConnectivity } from '../../src/sync/connectivity.ts';
import { configureSync, signIn, signOut, startSync, stopSync } from '../../src/sync/session.ts';
import { docSyncState, resetSyncStatus, syncStatus } from '../../src/sync/status.ts';
import { syncInBackground } from '../../src/sync/background.ts';

/** Documents the in-test server holds, surviving its restarts like a database would. */
const stored = new Map<string, Uint8Array>();
const FAST_BACKOFF = { baseMs: 20, maxMs: 200, minMs: 10 };

async function startServer(port = 0): Promise<Server> {
  const server = new Server({
    port,
    quiet: true,
    stopOnSignals: false,
    async onAuthenticate({ token }) {
      if (token !== 'good') throw new Error('unknown token');
    },
    async onLoadDocument({ document, documentName }) {
      const saved = stored.get(documentName);
      if (saved) Y.applyUpdate(document, saved);
    },
    async onChange({ document, documentName }) {
      stored.set(documentName, Y.encodeStateAsUpdate(document));
    },
    async connected({ connection, documentName }) {
      open.set(documentName, connection);
    },
  });
  // Destroying the server leaves upgraded sockets open; a stopped server must drop them as a crash would.
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await server.listen();
  running = true;
  return server;
}

const sockets = new Set<Socket>();
/** The server side of each document's connection, to revoke it as the real server does. */
const open = new Map<string, { close(event?: { code: number; reason: string }): void }>();

let running = false;

async function stopServer(): Promise<void> {
  running = false;
  sockets.forEach((socket) => socket.destroy());
  await server.destroy();
}

/** Polls instead of sleeping a guessed time (Hocuspocus's own tests do the same). */
async function eventually(assertion: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function addNote(doc: Y.Doc, id: string, text: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    doc.getMap('notes').set(id, map);
    map.set('text', new Y.Text(text));
    map.set('updatedAt', new Date().toISOString());
  });
}

function noteText(doc: Y.Doc, id: string): string | undefined {
  return (
    (doc.getMap('notes').get(id) as Y.Map<unknown> | undefined)?.get('text') as Y.Text | undefined
  )?.toString();
}

let server: Server;
let port: number;
const connections: SyncConnection[] = [];

function connect(token: string): SyncConnection {
  const connection = new SyncConnection({
    url: `ws://127.0.0.1:${port}/sync`,
    server: `http://127.0.0.1:${port}`,
    token,
    connectivity: new ManualConnectivity(),
    backoff: FAST_BACKOFF,
  });
  connections.push(connection);
  return connection;
}

beforeAll(async () => {
  server = await startServer();
  port = server.address.port;
});

afterEach(async () => {
  connections.splice(0).forEach((connection) => connection.destroy());
  await stopSync();
  await closeAllMissions();
  await closeAllReviews();
  resetSyncStatus();
  // A test that failed while the server was down must not take the next ones with it.
  if (!running) server = await startServer(port);
});

afterAll(async () => {
  await stopServer();
});

describe('sync client against a real server', () => {
  it('two devices editing the same note offline converge, several documents sharing one socket', async () => {
    setDbForTests(new MingaDb(`sync-${crypto.randomUUID()}`));
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    const [a2, b2] = [new Y.Doc(), new Y.Doc()];
    addNote(a, 'n1', 'Water supply');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Both edit the same text before either connects.
    const textA = (a.getMap('notes').get('n1') as Y.Map<unknown>).get('text') as Y.Text;
    const textB = (b.getMap('notes').get('n1') as Y.Map<unknown>).get('text') as Y.Text;
    textA.insert(0, 'Urgent: ');
    textB.insert(textB.length, ' is contaminated');
    addNote(b2, 'other', 'second document');

    const deviceA = connect('good');
    const deviceB = connect('good');
    await deviceA.attach('mission:converge', a);
    await deviceA.attach('mission:second', a2);
    await deviceB.attach('mission:converge', b);
    await deviceB.attach('mission:second', b2);

    await eventually(() => {
      expect(noteText(a, 'n1')).toBe('Urgent: Water supply is contaminated');
      expect(noteText(b, 'n1')).toBe(noteText(a, 'n1'));
      expect(noteText(a2, 'other')).toBe('second document');
    });
    // Live edits cross too, not only the first handshake.
    addNote(a, 'n2', 'live');
    await eventually(() => expect(noteText(b, 'n2')).toBe('live'));
    await eventually(() => expect(syncStatus('mission:converge').kind).toBe('upToDate'));
  });

  it('a bad token is refused as unauthorized and the local data stays', async () => {
    setDbForTests(new MingaDb(`sync-${crypto.randomUUID()}`));
    const doc = new Y.Doc();
    addNote(doc, 'mine', 'kept');
    await connect('bad').attach('mission:refused', doc);
    await eventually(() =>
      expect(syncStatus('mission:refused')).toEqual({ kind: 'refused', reason: 'unauthorized' }),
    );
    expect(syncStatus()).toEqual({ kind: 'refused', reason: 'unauthorized' });
    expect(noteText(doc, 'mine')).toBe('kept');
    expect(stored.has('mission:refused')).toBe(false);
  });

  it('pending changes survive a reload while the server is down, then drain when it returns', async () => {
    const dbName = `sync-${crypto.randomUUID()}`;
    setDbForTests(new MingaDb(dbName));
    const connectivity = new ManualConnectivity();
    const origin = `http://127.0.0.1:${port}`;
    configureSync({ origin, connectivity, backoff: FAST_BACKOFF, backgroundConcurrency: 0 });
    // An empty server means the origin that served the app: the usual case for an invite link.
    await signIn({ server: '', token: 'good' });
    const id = crypto.randomUUID() as MissionId;
    const name = missionDocName(id);
    await registerMission(id, new Date().toISOString());
    const mission = await acquireMission(id);
    addNote(mission.doc, 'before', 'synced while online');
    await eventually(() => expect(syncStatus(name).kind).toBe('upToDate'));
    expect(syncStatus(name)).toMatchObject({ kind: 'upToDate', lastSyncedAt: expect.any(Number) });

    await stopServer();
    await eventually(() => expect(syncStatus(name).kind).toBe('offline'));
    addNote(mission.doc, 'offline-1', 'written with no server');
    addNote(mission.doc, 'offline-2', 'another');
    mission.doc.getMap('mission').set('title', 'renamed offline');
    await eventually(() => expect(syncStatus(name)).toMatchObject({ kind: 'pending', pending: 3 }));
    // Removing this device's data would lose them: refused, and nothing changes.
    expect(await signOut({ removeData: true })).toEqual({
      ok: false,
      reason: 'wouldLoseWork',
      check: { notOnServer: 3, notBackedUp: 3, documents: [name], photos: 0, removable: false },
    });

    // A reload: every document closed, the database and the sync session opened afresh.
    await stopSync();
    await closeAllMissions();
    resetSyncStatus();
    setDbForTests(new MingaDb(dbName));
    expect(await startSync()).toBe(true);
    const reopened = await acquireMission(id);
    await eventually(() => expect(syncStatus(name)).toMatchObject({ kind: 'pending', pending: 3 }));
    expect(syncStatus()).toMatchObject({ kind: 'pending', pending: 3 });

    // No event: the backoff schedule alone finds the server again.
    server = await startServer(port);
    await eventually(() => expect(syncStatus(name).kind).toBe('upToDate'), 10_000);
    expect(docSyncState(name)?.pending).toBe(0);
    const onServer = new Y.Doc();
    Y.applyUpdate(onServer, stored.get(name) ?? new Uint8Array());
    expect(noteText(onServer, 'offline-1')).toBe('written with no server');
    expect(onServer.getMap('mission').get('title')).toBe('renamed offline');
    expect(noteText(reopened.doc, 'before')).toBe('synced while online');
    expect(await signOut()).toEqual({ ok: true });
  }, 30_000);

  it('a token revoked on an open connection turns the status to refused, without retry loops', async () => {
    setDbForTests(new MingaDb(`sync-${crypto.randomUUID()}`));
    const doc = new Y.Doc();
    await connect('good').attach('mission:revoked', doc);
    await eventually(() => expect(syncStatus('mission:revoked').kind).toBe('upToDate'));
    open.get('mission:revoked')?.close({ code: 4401, reason: 'Unauthorized' });
    await eventually(() =>
      expect(syncStatus('mission:revoked')).toEqual({ kind: 'refused', reason: 'unauthorized' }),
    );
    addNote(doc, 'after', 'still saved locally');
    expect(noteText(doc, 'after')).toBe('still saved locally');
  });

  it('a document the server closed alone, socket still open, is opened again and keeps syncing', async () => {
    setDbForTests(new MingaDb(`sync-${crypto.randomUUID()}`));
    const doc = new Y.Doc();
    await connect('good').attach('mission:reopened', doc);
    await eventually(() => expect(syncStatus('mission:reopened').kind).toBe('upToDate'));
    const first = open.get('mission:reopened');
    first?.close();
    await eventually(() => expect(open.get('mission:reopened')).not.toBe(first));
    addNote(doc, 'later', 'after the server closed the document');
    await eventually(() => {
      const onServer = new Y.Doc();
      Y.applyUpdate(onServer, stored.get('mission:reopened') ?? new Uint8Array());
      expect(noteText(onServer, 'later')).toBe('after the server closed the document');
    });
    await eventually(() => expect(syncStatus('mission:reopened').kind).toBe('upToDate'));
  });

  it('a socket closed with 4401, as the Minga server closes a revoked token, is refused and not retried', async () => {
    // A bare WebSocket handshake followed by a close frame: the production server's answer, without it.
    let upgrades = 0;
    const refusing = createHttpServer();
    refusing.on('upgrade', (request, socket: Socket) => {
      upgrades++;
      const accept = createHash('sha1')
        .update(`${String(request.headers['sec-websocket-key'])}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
        .digest('base64');
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      const reason = Buffer.from('Unauthorized');
      socket.end(Buffer.concat([Buffer.from([0x88, 2 + reason.length, 4401 >> 8, 4401 & 0xff]), reason]));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const refusingPort = (refusing.address() as { port: number }).port;
    const scheduled: number[] = [];
    const connectivity = new ManualConnectivity();
    const connection = new SyncConnection({
      url: `ws://127.0.0.1:${refusingPort}/sync`,
      server: `http://127.0.0.1:${refusingPort}`,
      token: 'revoked',
      connectivity,
      timers: { setTimeout: (_run, ms) => scheduled.push(ms), clearTimeout: () => undefined },
    });
    connections.push(connection);
    const doc = new Y.Doc();
    addNote(doc, 'mine', 'kept');
    await connection.attach('mission:socket-refused', doc);
    try {
      await eventually(() => expect(syncStatus()).toEqual({ kind: 'refused', reason: 'unauthorized' }));
      expect(syncStatus('mission:socket-refused')).toEqual({ kind: 'refused', reason: 'unauthorized' });
      // Neither a backoff timer nor a return to the foreground tries a refused token again.
      connectivity.set({ visible: false });
      connectivity.set({ visible: true, online: true });
      expect(scheduled.filter((ms) => ms !== 200)).toEqual([]);
      expect(upgrades).toBe(1);
      expect(noteText(doc, 'mine')).toBe('kept');
    } finally {
      refusing.close();
    }
  });

  it('going offline shows offline at once; coming back online reconnects without waiting for the backoff', async () => {
    setDbForTests(new MingaDb(`sync-${crypto.randomUUID()}`));
    const connectivity = new ManualConnectivity();
    const connection = new SyncConnection({
      url: `ws://127.0.0.1:${port}/sync`,
      server: `http://127.0.0.1:${port}`,
      token: 'good',
      connectivity,
      // A backoff far longer than the test: only the online event can bring the connection back in time.
      backoff: { baseMs: 600_000, maxMs: 600_000, minMs: 600_000 },
    });
    connections.push(connection);
    const doc = new Y.Doc();
    await connection.attach('mission:online', doc);
    await eventually(() => expect(syncStatus('mission:online').kind).toBe('upToDate'));
    connectivity.set({ online: false });
    expect(syncStatus()).toMatchObject({ kind: 'offline' });
    addNote(doc, 'offline', 'typed on the bus');
    await eventually(() =>
      expect(syncStatus('mission:online')).toMatchObject({ kind: 'pending', pending: 1 }),
    );
    connectivity.set({ online: true });
    await eventually(() => expect(syncStatus('mission:online').kind).toBe('upToDate'));
    const onServer = new Y.Doc();
    Y.applyUpdate(onServer, stored.get('mission:online') ?? new Uint8Array());
    expect(noteText(onServer, 'offline')).toBe('typed on the bus');
  });

  it('retries an unreachable server on the nextDelay schedule, driven by injected timers and randomness', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const scheduled: { run: () => void; ms: number }[] = [];
    const timers: Timers = {
      setTimeout: (run, ms) => scheduled.push({ run, ms }),
      clearTimeout: () => undefined,
    };
    const backoff = { baseMs: 1_000, maxMs: 8_000, minMs: 100 };
    const connection = new SyncConnection({
      url: `ws://127.0.0.1:${closedPort}/sync`,
      server: `http://127.0.0.1:${closedPort}`,
      token: 'good',
      connectivity: new ManualConnectivity(),
      timers,
      random: () => 0.5,
      backoff,
    });
    connections.push(connection);
    for (let attempt = 0; attempt < 5; attempt++) {
      await eventually(() => expect(scheduled).toHaveLength(attempt + 1));
      expect(scheduled[attempt]?.ms).toBe(nextDelay(attempt, () => 0.5, backoff));
      expect(syncStatus()).toMatchObject({ kind: 'offline' });
      scheduled[attempt]?.run();
    }
    expect(scheduled.map((timer) => timer.ms)).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
  });

  it('syncs every mission on the device in the background, two at a time, each followed by its review', async () => {
    setDbForTests(new MingaDb(`sync-${crypto.randomUUID()}`));
    const origin = `http://127.0.0.1:${port}`;
    configureSync({
      origin,
      connectivity: new ManualConnectivity(),
      backoff: FAST_BACKOFF,
      backgroundConcurrency: 0,
    });
    const ids = Array.from({ length: 5 }, () => crypto.randomUUID() as MissionId);
    for (const id of ids) {
      await registerMission(id, new Date().toISOString());
      addNote((await acquireMission(id)).doc, 'n', `note of ${id}`);
    }
    await closeAllMissions();
    await signIn({ server: origin, token: 'good' });
    const outcomes = await syncInBackground({ concurrency: 2, timeoutMs: 10_000 });
    expect(outcomes).toEqual(
      new Map(
        ids.flatMap((id) => [
          [missionDocName(id), 'upToDate'],
          [`review:${id}`, 'upToDate'],
        ]),
      ),
    );
    for (const id of ids) expect(stored.has(missionDocName(id))).toBe(true);
  }, 30_000);
});
