// A live mission under load, with or without one member flooding the server: K devices edit it through real
// providers while /healthz is sampled; the flooder (behind the proxy, from an address of its own) sends updates
// whose dependencies never arrive, tiny updates as fast as it can, and keeps sockets open without
// authenticating (tests/server/flooder.ts, in a process of its own). Shared by tests/server/flood.test.ts
// (behaviour) and bench/flood.ts (figures).
import { spawn } from 'node:child_process';
import { createToken, openDatabase } from '../../src/server/db.ts';
import { REPO_ROOT } from '../../src/server/static.ts';
import type { FloodKind } from './flooder.ts';
import { startFuzzServer, type FuzzServer } from './fuzzServer.ts';
import { connect, NODE, waitFor, type Client } from './syncHarness.ts';

export type { FloodKind };

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

/** Runs the floods in a process of their own until `stop` resolves; returns what they sent. An attacker is
 * another machine: here it at least does not share the devices' event loop, whose delays would be counted as
 * the server's. */
function startFlood(
  load: LoadServer,
  stop: Promise<void>,
  kinds: readonly FloodKind[],
): Promise<LoadResult['flooder']> {
  const child = spawn(
    NODE,
    [
      'tests/server/flooder.ts',
      JSON.stringify({
        url: `ws://127.0.0.1:${load.server.port}/sync`,
        name: `mission:${load.mission}`,
        token: load.flooderToken,
        kinds,
      }),
    ],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
  void stop.then(() => child.stdin.end());
  return exited.then(() => {
    const stats = JSON.parse(output.trim().split('\n').at(-1) ?? '') as LoadResult['flooder'];
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
