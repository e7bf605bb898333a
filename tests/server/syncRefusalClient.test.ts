// The app's sync client against the Minga server's limits: what the user is told, and that nothing is lost.
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

function connect(token: string): SyncConnection {
  const connection = new SyncConnection({
    url: t.url,
    server: `http://127.0.0.1:${t.server.port}`,
    token,
    connectivity: new ManualConnectivity(),
    backoff: FAST_BACKOFF,
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
});
