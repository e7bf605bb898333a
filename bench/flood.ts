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
  /** Calm and flooded runs alternate this many times; the figures below pool each kind's samples. */
  pairs: number;
  calm: FloodRun;
  flooded: FloodRun;
  /** flooded p99 / calm p99 over the pooled samples (target ≤ 1.5). */
  fanOutRatio: number;
  healthzRatio: number;
  /** The same ratios for each pair alone, to show how far one run moves them. */
  pairRatios: Array<{ fanOut: number; healthz: number }>;
}

function pooled(results: readonly LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  return {
    fanOutMs: results.flatMap((r) => r.fanOutMs),
    healthzMs: results.flatMap((r) => r.healthzMs),
    healthzFailures: sum((r) => r.healthzFailures),
    sent: sum((r) => r.sent),
    expected: sum((r) => r.expected),
    delivered: sum((r) => r.delivered),
    flooder: {
      pendingFrames: sum((r) => r.flooder.pendingFrames),
      tinyUpdates: sum((r) => r.flooder.tinyUpdates),
      idleSockets: sum((r) => r.flooder.idleSockets),
      reconnects: sum((r) => r.flooder.reconnects),
    },
  };
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

const ratio = (flooded: number, calm: number) => flooded / Math.max(calm, 0.001);

/**
 * A p99 of a few milliseconds over one 15 s run is its third-largest /healthz sample: one scheduler hiccup moves
 * it by half. So calm and flooded runs alternate `pairs` times (a fresh server each, so the flooded run never
 * inherits a calm run's document or buckets) and each kind's samples are pooled.
 */
export async function measureFlood(clients = 6, edits = 50, pairs = 3): Promise<FloodFigures> {
  const options = { clients, edits, editEveryMs: 300, deliveryTimeoutMs: 60_000 };
  const run = async (flood: boolean) => {
    const load = await startLoadServer(clients);
    try {
      return await runLoad(load, { ...options, flood });
    } finally {
      await load.stop();
    }
  };
  const calmRuns: LoadResult[] = [];
  const floodedRuns: LoadResult[] = [];
  const pairRatios: FloodFigures['pairRatios'] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const calmRun = await run(false);
    const floodedRun = await run(true);
    calmRuns.push(calmRun);
    floodedRuns.push(floodedRun);
    const [calm, flooded] = [summary(calmRun), summary(floodedRun)];
    pairRatios.push({
      fanOut: ratio(flooded.fanOutMs.p99, calm.fanOutMs.p99),
      healthz: ratio(flooded.healthzMs.p99, calm.healthzMs.p99),
    });
  }
  const calm = summary(pooled(calmRuns));
  const flooded = summary(pooled(floodedRuns));
  return {
    clients,
    edits,
    pairs,
    calm,
    flooded,
    fanOutRatio: ratio(flooded.fanOutMs.p99, calm.fanOutMs.p99),
    healthzRatio: ratio(flooded.healthzMs.p99, calm.healthzMs.p99),
    pairRatios,
  };
}

export function formatFlood(f: FloodFigures): string {
  const line = (name: string, r: FloodRun) =>
    `${name}: fan-out p50 ${r.fanOutMs.p50.toFixed(1)} ms, p99 ${r.fanOutMs.p99.toFixed(1)} ms ` +
    `(${r.delivered}/${r.expected} delivered) · /healthz p50 ${r.healthzMs.p50.toFixed(1)} ms, ` +
    `p99 ${r.healthzMs.p99.toFixed(1)} ms (${r.healthzMs.samples} samples, ${r.healthzFailures} failed)`;
  const each = f.pairRatios.map((p) => `${p.fanOut.toFixed(2)}/${p.healthz.toFixed(2)}`).join(', ');
  return (
    `flood: ${f.clients} devices × ${f.edits} edits, ${f.pairs} calm and ${f.pairs} flooded runs alternated · ` +
    `${line('calm', f.calm)} · ${line('flooded', f.flooded)} ` +
    `(flooder sent ${f.flooded.flooder.pendingFrames} pending frames, ${f.flooded.flooder.tinyUpdates} tiny updates, ` +
    `opened ${f.flooded.flooder.idleSockets} idle sockets) · ratio fan-out p99 ${f.fanOutRatio.toFixed(2)}×, ` +
    `/healthz p99 ${f.healthzRatio.toFixed(2)}× (target ≤ 1.5×; each pair alone, fan-out/healthz: ${each})`
  );
}

// `node bench/flood.ts` runs this figure alone (no build needed).
if (import.meta.main) console.info(formatFlood(await measureFlood()));
