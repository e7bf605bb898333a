// Sync figures against the real server on loopback: a week of offline work reaching the server, and live edits.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createHash, randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { Sha256 } from '../src/domain/ids.ts';
import type { PhotoRef } from '../src/domain/model.ts';
import { removeDir, startTestServer, waitFor } from '../tests/server/syncHarness.ts';
import { percentile } from './fieldApp.ts';
import { seedMission } from './seed.ts';

export interface SyncFigures {
  weekOfWork: {
    notes: number;
    assessments: number;
    /** From the first connection until the document and every photo are on the server. */
    ms: number;
    documentMs: number;
    bytesSent: number;
    yjsDiffBytes: number;
    ratio: number;
    photos: { count: number; bytes: number; ms: number };
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

/**
 * Photos as the app stores them: 1600 px JPEGs at quality 0.85 weigh 250–550 KB. Random bytes stand in for
 * their content, being as incompressible; the server checks only their hash and size.
 */
function weekOfPhotos(count: number): { bytes: Uint8Array<ArrayBuffer>; ref: PhotoRef }[] {
  return Array.from({ length: count }, (_, i) => {
    const bytes = new Uint8Array(randomBytes(250_000 + ((i * 37_003) % 300_000)));
    const ref: PhotoRef = {
      sha256: createHash('sha256').update(bytes).digest('hex') as Sha256,
      mime: 'image/jpeg',
      bytes: bytes.length,
      width: 1600,
      height: 1200,
      takenAt: new Date(Date.UTC(2016, 4, 2) + i * 600_000).toISOString(),
      location: null,
    };
    return { bytes, ref };
  });
}

/** One PUT at a time, as the app's upload queue sends them (phones on 3G). */
async function uploadPhotos(
  base: string,
  token: string,
  mission: string,
  photos: readonly { bytes: Uint8Array<ArrayBuffer>; ref: PhotoRef }[],
): Promise<void> {
  for (const { bytes, ref } of photos) {
    const response = await fetch(`${base}/api/blobs/${ref.sha256}?mission=${mission}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': ref.mime },
      body: bytes,
    });
    if (!response.ok) throw new Error(`photo upload refused: ${response.status}`);
  }
}

export async function measureSync(): Promise<SyncFigures> {
  const server = await startTestServer();
  try {
    const { token } = server.token('coordinator');
    const missionId = crypto.randomUUID();
    const name = `mission:${missionId}`;
    // A week offline: 500 notes, 100 assessments and 50 photos made on the phone, then a network appears.
    const photos = weekOfPhotos(50);
    const offline = new Y.Doc();
    Y.applyUpdate(
      offline,
      seedMission(
        500,
        100,
        photos.map((photo) => photo.ref),
      ),
    );
    const yjsDiffBytes = Y.encodeStateAsUpdate(offline).byteLength;
    const start = performance.now();
    // As in the app, the document syncs over the socket while the photo queue uploads over HTTP.
    const phone = device(server.url, token, name, offline);
    const documentSynced = waitFor(
      () => phone.provider.synced && phone.provider.unsyncedChanges === 0,
      60_000,
      'week of work',
    ).then(() => performance.now() - start);
    const photosUploaded = uploadPhotos(
      `http://127.0.0.1:${server.server.port}`,
      token,
      missionId,
      photos,
    ).then(() => performance.now() - start);
    const [documentMs, photosMs] = await Promise.all([documentSynced, photosUploaded]);
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
        documentMs,
        bytesSent,
        yjsDiffBytes,
        ratio: bytesSent / yjsDiffBytes,
        photos: {
          count: photos.length,
          bytes: photos.reduce((sum, photo) => sum + photo.bytes.length, 0),
          ms: photosMs,
        },
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
