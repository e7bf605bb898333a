// One member flooding a live mission: fan-out p99 and /healthz p99 of K devices editing, without and with the
// flood (tests/server/floodLoad.ts), and their ratio (target ≤ 1.5×). A benchmark: it prints, it asserts nothing.
import { runLoad, startLoadServer, type LoadResult } from '../tests/server/floodLoad.ts';
import { percentile } from './fieldApp.ts';

export interface FloodRun {
  fanOutMs: { p50: number; p99: number; samples: number };
  healthzMs: { p50: number; p99: number; samples: number };
  delivered: number;
  expected: number;
  healthzFailures: number;
  flooder: LoadResult['flooder'];
}

export interface FloodFigures {
  clients: number;
  edits: number;
  calm: FloodRun;
  flooded: FloodRun;
  /** flooded p99 / calm p99 (target ≤ 1.5). */
  fanOutRatio: number;
  healthzRatio: number;
}

function summary(result: LoadResult): FloodRun {
  const stats = (values: number[]) => ({
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    samples: values.length,
  });
  return {
    fanOutMs: stats(result.fanOutMs),
    healthzMs: stats(result.healthzMs),
    delivered: result.delivered,
    expected: result.expected,
    healthzFailures: result.healthzFailures,
    flooder: result.flooder,
  };
}

export async function measureFlood(clients = 6, edits = 50): Promise<FloodFigures> {
  const options = { clients, edits, editEveryMs: 300, deliveryTimeoutMs: 60_000 };
  // A server each, so the flooded run does not inherit the calm run's document or buckets.
  const run = async (flood: boolean) => {
    const load = await startLoadServer(clients);
    try {
      return summary(await runLoad(load, { ...options, flood }));
    } finally {
      await load.stop();
    }
  };
  const calm = await run(false);
  const flooded = await run(true);
  return {
    clients,
    edits,
    calm,
    flooded,
    fanOutRatio: flooded.fanOutMs.p99 / Math.max(calm.fanOutMs.p99, 0.001),
    healthzRatio: flooded.healthzMs.p99 / Math.max(calm.healthzMs.p99, 0.001),
  };
}

export function formatFlood(f: FloodFigures): string {
  const line = (name: string, r: FloodRun) =>
    `${name}: fan-out p50 ${r.fanOutMs.p50.toFixed(1)} ms, p99 ${r.fanOutMs.p99.toFixed(1)} ms ` +
    `(${r.delivered}/${r.expected} delivered) · /healthz p50 ${r.healthzMs.p50.toFixed(1)} ms, ` +
    `p99 ${r.healthzMs.p99.toFixed(1)} ms (${r.healthzFailures} failed)`;
  return (
    `flood: ${f.clients} devices × ${f.edits} edits · ${line('calm', f.calm)} · ${line('flooded', f.flooded)} ` +
    `(flooder sent ${f.flooded.flooder.pendingFrames} pending frames, ${f.flooded.flooder.tinyUpdates} tiny updates, ` +
    `opened ${f.flooded.flooder.idleSockets} idle sockets) · ratio fan-out p99 ${f.fanOutRatio.toFixed(2)}×, ` +
    `/healthz p99 ${f.healthzRatio.toFixed(2)}× (target ≤ 1.5×)`
  );
}

// `node bench/flood.ts` runs this figure alone (no build needed).
if (import.meta.main) console.info(formatFlood(await measureFlood()));
