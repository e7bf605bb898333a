// The flooder: one member of a mission flooding the server with updates whose dependencies never arrive, tiny
// updates as fast as it can, and sockets that never authenticate. Run as a process of its own by floodLoad.ts:
// `node tests/server/flooder.ts '{"url":…,"name":…,"token":…,"kinds":[…]}'`; floods until its stdin closes,
// then prints what it sent as one line of JSON.
import * as Y from 'yjs';
import { varBytes, varString } from './rawSync.ts';

export type FloodKind = 'pending' | 'tiny' | 'idle';

export interface FloodTarget {
  url: string;
  name: string;
  token: string;
  kinds: readonly FloodKind[];
}

export interface FloodStats {
  pendingFrames: number;
  tinyUpdates: number;
  idleSockets: number;
  reconnects: number;
}

/** The flooder's address as the trusted proxy reports it; the devices are the proxy's own address. */
const FLOODER_ADDRESS = '198.51.100.7';

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

/** Runs the floods until `stop` resolves; returns what they sent. */
export function runFlood({ url, name, token, kinds }: FloodTarget, stop: Promise<void>): Promise<FloodStats> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const stats = { pendingFrames: 0, tinyUpdates: 0, idleSockets: 0, reconnects: 0 };
  const open = new Set<WebSocket>();

  /** Connects again (counted); a refused attempt waits a little before the caller tries again. */
  const reconnect = async (): Promise<WebSocket | null> => {
    const ws = await authenticated(url, token, name);
    stats.reconnects += 1;
    if (ws === null) await wait(50);
    else open.add(ws);
    return ws;
  };

  const pending = async () => {
    const frames = pendingFrames(name, 200);
    while (!stopped) {
      const ws = await reconnect();
      if (ws === null) continue;
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
      const ws = await reconnect();
      if (ws === null) continue;
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

if (import.meta.main) {
  const target = JSON.parse(process.argv[2] ?? '{}') as FloodTarget;
  const stop = new Promise<void>((resolve) => {
    process.stdin.on('end', () => resolve());
    process.stdin.on('close', () => resolve());
    process.stdin.resume();
  });
  const stats = await runFlood(target, stop);
  process.stdout.write(`${JSON.stringify(stats)}\n`);
  process.exit(0);
}
