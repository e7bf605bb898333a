// Sync figures against the real server on loopback: a week of offline work reaching the server, and live edits.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { removeDir, startTestServer, waitFor } from '../tests/server/syncHarness.ts';
import { percentile } from './fieldApp.ts';
import { seedMission } from './seed.ts';

export interface SyncFigures {
  weekOfWork: {
    notes: number;
    assessments: number;
    ms: number;
    bytesSent: number;
    yjsDiffBytes: number;
    ratio: number;
  };
  liveEditMs: { p50: number; p95: number; samples: number };
}

/** A WebSocket that counts what it sends, so the figure is what crossed the wire, framing aside. */
function countingWebSocket(counter: { bytes: number }) {
  return class CountingWebSocket extends WebSocket {
    override send(data: string | Blob | BufferSource) {
      counter.bytes +=
        typeof data === 'string'
          ? Buffer.byteLength(data)
          : data instanceof Blob
            ? data.size
            : data.byteLength;
      super.send(data);
    }
  };
}

function device(url: string, token: string, name: string, doc: Y.Doc, counter = { bytes: 0 }) {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: countingWebSocket(counter) });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, token, document: doc });
  provider.attach();
  return {
    provider,
    counter,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

export async function measureSync(): Promise<SyncFigures> {
  const server = await startTestServer();
  try {
    const { token } = server.token('coordinator');
    const name = `mission:${crypto.randomUUID()}`;
    // A week offline: 500 notes and 100 assessments made on the phone, then a network appears.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, seedMission(500, 100));
    const yjsDiffBytes = Y.encodeStateAsUpdate(offline).byteLength;
    const start = performance.now();
    const phone = device(server.url, token, name, offline);
    await waitFor(
      () => phone.provider.synced && phone.provider.unsyncedChanges === 0,
      60_000,
      'week of work',
    );
    const ms = performance.now() - start;
    const bytesSent = phone.counter.bytes;

    // Live collaboration: a keystroke on one device until it is in the other's document.
    const other = device(server.url, token, name, new Y.Doc());
    await waitFor(() => other.provider.synced, 10_000, 'second device');
    const note = offline.getMap('notes');
    const firstId = [...note.keys()][0]!;
    const textA = (note.get(firstId) as Y.Map<unknown>).get('text') as Y.Text;
    const textB = () =>
      (other.provider.document.getMap('notes').get(firstId) as Y.Map<unknown>).get('text') as Y.Text;
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      // Resolved by the other document's own update event: no polling interval in the figure.
      const arrived = new Promise<number>((resolve) => {
        const onUpdate = () => {
          other.provider.document.off('update', onUpdate);
          resolve(performance.now());
        };
        other.provider.document.on('update', onUpdate);
      });
      const t0 = performance.now();
      textA.insert(0, 'x');
      latencies.push((await arrived) - t0);
      await new Promise((resolve) => setTimeout(resolve, 5 + (i % 4) * 10));
    }
    if (textB().length !== textA.length) throw new Error('live edits did not all arrive');
    phone.destroy();
    other.destroy();
    return {
      weekOfWork: {
        notes: 500,
        assessments: 100,
        ms,
        bytesSent,
        yjsDiffBytes,
        ratio: bytesSent / yjsDiffBytes,
      },
      liveEditMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        samples: latencies.length,
      },
    };
  } finally {
    await server.stop();
    await removeDir(server.dataDir);
  }
}
