// The app's sync client against the Minga server: limits and what the user is told, acknowledgement accounting.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SyncConnection } from '../../src/sync/connection.ts';
import { ManualConnectivity } from '../../src/sync/connectivity.ts';
import { docSyncState, resetSyncStatus } from '../../src/sync/status.ts';
import { removeDir, startTestServer, waitFor, type TestServer } from './syncHarness.ts';

const FAST_BACKOFF = { baseMs: 20, maxMs: 200, minMs: 10 };
let t: TestServer;
const connections: SyncConnection[] = [];

/** Counts the Yjs update messages (sync type 0, step 2 = update) each socket sends. */
const sentUpdates = { count: 0 };
class CountingWebSocket extends WebSocket {
  override send(data: string | Blob | BufferSource) {
    if (data instanceof Uint8Array || data instanceof ArrayBuffer) {
      const bytes = new Uint8Array(data instanceof ArrayBuffer ? data : data.buffer);
      const nameLength = bytes[0] ?? 0; // document names here are shorter than 128 bytes
      if (bytes[1 + nameLength] === 0 && bytes[2 + nameLength] === 2) sentUpdates.count += 1;
    }
    super.send(data);
  }
}

function connect(token: string, connectivity = new ManualConnectivity()): SyncConnection {
  const connection = new SyncConnection({
    url: t.url,
    server: `http://127.0.0.1:${t.server.port}`,
    token,
    connectivity,
    backoff: FAST_BACKOFF,
    WebSocketPolyfill: CountingWebSocket,
  });
  connections.push(connection);
  return connection;
}

function missionWithNote(text: string): { doc: Y.Doc; name: string } {
  const doc = new Y.Doc();
  const note = new Y.Map<unknown>();
  doc.getMap('notes').set('n1', note);
  note.set('text', new Y.Text(text));
  return { doc, name: `mission:${randomUUID()}` };
}

const noteText = (doc: Y.Doc) => String((doc.getMap('notes').get('n1') as Y.Map<unknown>).get('text'));

beforeAll(async () => {
  t = await startTestServer({ limits: { maxDocumentBytes: 16_384, maxConnectionsPerToken: 1 } });
});

afterEach(() => {
  connections.splice(0).forEach((connection) => connection.destroy());
  resetSyncStatus();
});

afterAll(async () => {
  await t.stop();
  await removeDir(t.dataDir);
});

describe('sync client and server limits', () => {
  it('marks a mission refused as too large, keeps its changes and does not re-send them in a loop', async () => {
    const { token } = t.token('coordinator');
    const { doc, name } = missionWithNote('x'.repeat(40_000));
    void connect(token).attach(name, doc);
    await waitFor(() => docSyncState(name)?.refused === 'tooLarge', 5_000, 'too-large refusal');
    expect(noteText(doc)).toHaveLength(40_000);
    const refusals = () => t.logs.filter((e) => e.refusal === 'document-too-large' && e.document === name);
    const seen = refusals().length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(refusals().length).toBe(seen);
    expect(docSyncState(name)).toMatchObject({ refused: 'tooLarge', confirmed: false });
  });

  it('treats "too many connections" as passing: never refused, connects once the other socket closes', async () => {
    const { token } = t.token('coordinator');
    const first = missionWithNote('first device');
    const second = missionWithNote('second device');
    const a = connect(token);
    void a.attach(first.name, first.doc);
    await waitFor(() => docSyncState(first.name)?.confirmed === true, 5_000, 'first device synced');
    const b = connect(token);
    void b.attach(second.name, second.doc);
    await waitFor(
      () => t.logs.some((e) => e.refusal === 'too-many-connections-for-token'),
      5_000,
      'the second socket refused for the token',
    );
    expect(docSyncState(second.name)?.refused ?? null).toBeNull();
    a.destroy();
    await waitFor(() => docSyncState(second.name)?.confirmed === true, 10_000, 'second device synced');
    expect(docSyncState(second.name)?.refused ?? null).toBeNull();
  });

  it('sends offline edits once, through the sync step, so acknowledgements cannot confirm too early', async () => {
    const { token } = t.token('coordinator');
    const { doc, name } = missionWithNote('start');
    const network = new ManualConnectivity();
    const connection = connect(token, network);
    void connection.attach(name, doc);
    await waitFor(() => docSyncState(name)?.confirmed === true, 5_000, 'first sync');
    network.set({ online: false });
    await waitFor(() => docSyncState(name)?.confirmed === false, 5_000, 'offline');
    const text = (doc.getMap('notes').get('n1') as Y.Map<unknown>).get('text') as Y.Text;
    for (let i = 0; i < 5; i++) text.insert(text.length, ` edit ${i}`);
    await waitFor(() => (docSyncState(name)?.pending ?? 0) > 0, 5_000, 'pending offline edits');
    sentUpdates.count = 0;
    network.set({ online: true });
    await waitFor(() => docSyncState(name)?.confirmed === true, 5_000, 'resync');
    // Queued copies of the offline edits would each be acknowledged against a counter the provider resets on
    // reconnection, confirming while later edits are still in flight. The sync step alone carries them.
    expect(sentUpdates.count).toBe(0);
    expect(docSyncState(name)).toMatchObject({ pending: 0, refused: null });
  });
});
