// The printed comparison: one column per server, each figure with its ratio to the plain Hocuspocus server.
import type { RunFigures } from './run.ts';

type Row = [label: string, value: (f: RunFigures) => number | null, digits: number];

const ROWS: Row[] = [
  ['storm: all synced (ms)', (f) => f.stormMs, 0],
  ['storm: devices synced', (f) => f.stormSynced, 0],
  ['live updates sent/s (paced)', (f) => f.sentPerSecond, 0],
  ['updates accepted/s (acks)', (f) => f.acceptedPerSecond, 0],
  ['deliveries fanned out/s', (f) => f.fannedOutPerSecond, 0],
  ['fan-out p50 (ms)', (f) => f.latency.p50, 1],
  ['fan-out p95 (ms)', (f) => f.latency.p95, 1],
  ['fan-out p99 (ms)', (f) => f.latency.p99, 1],
  ['cross-instance p50 (ms)', (f) => f.crossLatency?.p50 ?? null, 1],
  ['cross-instance p95 (ms)', (f) => f.crossLatency?.p95 ?? null, 1],
  ['cross-instance p99 (ms)', (f) => f.crossLatency?.p99 ?? null, 1],
  ['deliveries expected', (f) => f.expected, 0],
  ['deliveries missing', (f) => f.missing, 0],
  [
    'delivered (%)',
    (f) => (f.expected === 0 ? 100 : (100 * Math.min(f.delivered, f.expected)) / f.expected),
    2,
  ],
  ['server CPU, live (% of a core)', (f) => f.serverCpuPercent, 0],
  ['server peak RSS (MB, largest process)', (f) => f.peakRssMb, 0],
  ['server errors logged', (f) => f.serverErrors, 0],
  ['client closes (not 1000)', (f) => f.closes, 0],
  ['generator CPU (% of a core)', (f) => f.generatorCpuPercent, 0],
];

const format = (value: number | null, digits: number) =>
  value === null || Number.isNaN(value) ? '–' : value.toFixed(digits);

/** A Markdown table: figures, and "×ratio" against the plain Hocuspocus column where there is one. */
export function table(runs: readonly RunFigures[]): string {
  const base = runs.find((run) => run.server === 'hocuspocus');
  const header = ['figure', ...runs.map((run) => run.server)];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const [label, value, digits] of ROWS) {
    const cells = runs.map((run) => {
      const v = value(run);
      const b = base ? value(base) : null;
      const ratio =
        run !== base && v !== null && b !== null && b !== 0 && !Number.isNaN(v) && !Number.isNaN(b)
          ? ` (×${(v / b).toFixed(2)})`
          : '';
      return `${format(v, digits)}${ratio}`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
