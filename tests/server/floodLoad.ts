// A live mission under load, with or without one member flooding the server: K devices edit it through real
// providers while /healthz is sampled; the flooder (behind the proxy, from an address of its own) sends updates
// whose dependencies never arrive, tiny updates as fast as it can, and keeps sockets open without
// authenticating. Shared by tests/server/flood.test.ts (behaviour) and bench/flood.ts (figures).
import * as Y from 'yjs';
import { createToken, openDatabase } from '../../src/server/db.ts';
import { startFuzzServer, type FuzzServer } from './fuzzServer.ts';
import { varBytes, varString } from './rawSync.ts';
import { connect, waitFor, type Client } from './syncHarness.ts';

/** The flooder's address as the trusted proxy reports it; the devices are the proxy's own address. */
const FLOODER_ADDRESS = '198.51.100.7';

export interface LoadOptions {
  /** Devices editing the mission. */
  clients: number;
  /** Edits per device, one every `editEveryMs` from each. */
  edits: number;
  editEveryMs: number;
  flood: boolean;
  /** Which floods run (all three unless given): to tell their costs apart. */
  kinds?: readonly FloodKind[];
  /** How long every edit may take to reach every device before the run gives up. */
  deliveryTimeoutMs: number;
}

export type FloodKind = 'pending' | 'tiny' | 'idle';

export interface LoadResult {
  /** Time from an edit to its arrival on each other device. */
  fanOutMs: number[];
  /** Every /healthz round trip during the edits; statuses other than 200 counted apart. */
  healthzMs: number[];
  healthzFailures: number;
  sent: number;
  /** Deliveries expected (each edit × each other device) and seen. */
  expected: number;
  delivered: number;
  flooder: { pendingFrames: number; tinyUpdates: number; idleSockets: number; reconnects: number };
}

export interface LoadServer {
  server: FuzzServer;
  mission: string;
  tokens: string[];
  flooderToken: string;
  stop(): Promise<void>;
}

/** A server process with default limits behind a trusted proxy (loopback), a mission and its members. */
export async function startLoadServer(clients: number): Promise<LoadServer> {
  const server = await startFuzzServer({ limits: {}, httpTimeouts: {}, trustedProxies: ['127.0.0.1'] });
  const mission = server.missions[0] as string;
  const admin = openDatabase(server.dataDir);
  const make = (name: string) => createToken(admin, { role: 'technician', name, missions: [mission] }).token;
  const tokens = Array.from({ length: clients }, (_, i) => make(`device ${i}`));
  const flooderToken = make('flooder');
  admin.close();
  return {
    server,
    mission,
    tokens,
    flooderToken,
    async stop() {
      await server.stop();
      await server.remove();
    },
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Node's WebSocket (undici) with request headers. */
function socketFrom(url: string, address: string): WebSocket {
  const ws = new (WebSocket as unknown as new (url: string, options: object) => WebSocket)(url, {
    headers: { 'X-Forwarded-For': address },
  });
  ws.binaryType = 'arraybuffer';
  return ws;
}

/** Opens, authenticates and resolves with the socket, or null if it closed first. */
async function authenticated(url: string, token: string, name: string): Promise<WebSocket | null> {
  const ws = socketFrom(url, FLOODER_ADDRESS);
  const outcome = await new Promise<boolean>((resolve) => {
    ws.addEventListener('open', () =>
      ws.send(new Uint8Array([...varString(name), 2, 0, ...varString(token)])),
    );
    ws.addEventListener('message', () => resolve(true), { once: true });
    ws.addEventListener('close', () => resolve(false));
    ws.addEventListener('error', () => resolve(false));
  });
  return outcome && ws.readyState === WebSocket.OPEN ? ws : null;
}

function closedOf(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) resolve();
    ws.addEventListener('close', () => resolve());
  });
}

/** Frames of one character each whose predecessor is never sent: each is refused and closes its socket. */
function pendingFrames(name: string, count: number): Uint8Array<ArrayBuffer>[] {
  return Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = 1_000_000 + i;
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('text').insert(0, 'a');
    doc.getText('text').insert(1, 'b');
    return new Uint8Array([...varString(name), 0, 2, ...varBytes(updates[1] as Uint8Array)]);
  });
}

/** Runs the three floods until `stop` resolves; returns what they sent. */
function startFlood(
  load: LoadServer,
  stop: Promise<void>,
  kinds: readonly FloodKind[],
): Promise<LoadResult['flooder']> {
  const url = `ws://127.0.0.1:${load.server.port}/sync`;
  const name = `mission:${load.mission}`;
  let stopped = false;
  void stop.then(() => (stopped = true));
  const stats = { pendingFrames: 0, tinyUpdates: 0, idleSockets: 0, reconnects: 0 };
  const open = new Set<WebSocket>();

  const pending = async () => {
    const frames = pendingFrames(name, 200);
    while (!stopped) {
      const ws = await authenticated(url, load.flooderToken, name);
      stats.reconnects += 1;
      if (ws === null) {
        await wait(50);
        continue;
      }
      open.add(ws);
      for (const frame of frames) {
        if (ws.readyState !== WebSocket.OPEN) break;
        ws.send(frame);
        stats.pendingFrames += 1;
      }
      await Promise.race([closedOf(ws), wait(1000)]);
      ws.close();
      open.delete(ws);
    }
  };

  const tiny = async () => {
    const doc = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => (update = u));
    const text = doc.getText('text');
    while (!stopped) {
      // A fresh document state on each socket: its updates build on each other, so the server can apply them.
      const ws = await authenticated(url, load.flooderToken, name);
      stats.reconnects += 1;
      if (ws === null) {
        await wait(50);
        continue;
      }
      open.add(ws);
      while (!stopped && ws.readyState === WebSocket.OPEN) {
        // As fast as the socket drains: a batch, then a turn of the event loop.
        for (let i = 0; i < 50 && ws.readyState === WebSocket.OPEN; i++) {
          text.insert(text.length, 'x');
          ws.send(new Uint8Array([...varString(name), 0, 2, ...varBytes(update)]));
          stats.tinyUpdates += 1;
        }
        await wait(0);
      }
      open.delete(ws);
      // Refused for its rate: the updates it wrote since are unknown to the server, start over from it.
      await wait(20);
    }
  };

  const idle = async () => {
    while (!stopped) {
      if (open.size < 80) {
        const ws = socketFrom(url, FLOODER_ADDRESS);
        open.add(ws);
        stats.idleSockets += 1;
        ws.addEventListener('close', () => open.delete(ws));
        ws.addEventListener('error', () => open.delete(ws));
      }
      await wait(10);
    }
  };

  const runs = { pending, tiny, idle };
  return Promise.all(kinds.map((kind) => runs[kind]())).then(() => {
    for (const ws of open) ws.close();
    return stats;
  });
}

/** K devices edit the mission (with the flood if asked); every delivery and /healthz round trip timed. */
export async function runLoad(load: LoadServer, options: LoadOptions): Promise<LoadResult> {
  const url = `ws://127.0.0.1:${load.server.port}/sync`;
  const name = `mission:${load.mission}`;
  const clients: Client[] = load.tokens.slice(0, options.clients).map((token) => connect(url, token, name));
  const sentAt = new Map<string, number>();
  const fanOutMs: number[] = [];
  const arrived = clients.map(() => new Set<string>());
  clients.forEach((client, i) => {
    client.doc.getMap<number>('marks').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const at = sentAt.get(key);
        if (at === undefined || arrived[i]?.has(key)) continue;
        arrived[i]?.add(key);
        fanOutMs.push(now - at);
      }
    });
  });
  let endFlood = () => {};
  const floodStop = new Promise<void>((resolve) => (endFlood = resolve));
  let flooding: Promise<LoadResult['flooder']> = Promise.resolve({
    pendingFrames: 0,
    tinyUpdates: 0,
    idleSockets: 0,
    reconnects: 0,
  });
  const healthzMs: number[] = [];
  let healthzFailures = 0;
  let sampling = true;
  try {
    await waitFor(() => clients.every((c) => c.provider.synced), 30_000, 'every device synced');
    if (options.flood) {
      flooding = startFlood(load, floodStop, options.kinds ?? ['pending', 'tiny', 'idle']);
      // The flood at full strength before the devices start.
      await wait(1000);
    }
    const sampler = (async () => {
      while (sampling) {
        const start = performance.now();
        try {
          const response = await fetch(`http://127.0.0.1:${load.server.port}/healthz`, {
            signal: AbortSignal.timeout(30_000),
          });
          await response.arrayBuffer();
          if (response.status === 200) healthzMs.push(performance.now() - start);
          else healthzFailures += 1;
        } catch {
          healthzFailures += 1;
        }
        await wait(50);
      }
    })();
    let sent = 0;
    for (let round = 0; round < options.edits; round++) {
      for (const [i, client] of clients.entries()) {
        const key = `${i}:${round}`;
        sentAt.set(key, performance.now());
        client.doc.getMap<number>('marks').set(key, round);
        arrived[i]?.add(key);
        sent += 1;
        await wait(options.editEveryMs / clients.length);
      }
    }
    const expected = sent * (clients.length - 1);
    const delivered = () => arrived.reduce((sum, set) => sum + set.size, 0) - sent;
    await waitFor(
      () => delivered() >= expected,
      options.deliveryTimeoutMs,
      'every edit on every device',
    ).catch(() => undefined);
    sampling = false;
    await sampler;
    endFlood();
    const flooder = await flooding;
    return { fanOutMs, healthzMs, healthzFailures, sent, expected, delivered: delivered(), flooder };
  } finally {
    sampling = false;
    endFlood();
    await flooding.catch(() => undefined);
    for (const client of clients) client.destroy();
  }
}
