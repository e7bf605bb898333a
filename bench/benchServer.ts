// The real server (`npm start`'s entry) in a child process for server benchmarks: a coordinator token, limits
// raised so the load is measured rather than refused, and the child's RSS and processor time read from /proc.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createToken, openDatabase } from '../src/server/db.ts';
import { openPostgres } from '../src/server/postgres.ts';
import { postgresTokenStore } from '../src/server/tokens.ts';
import { removeDir, spawnServer, tempDir, terminate } from '../tests/server/syncHarness.ts';

export type StoreMode = 'sqlite' | 'postgres';

export const BENCH_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchServer {
  url: string;
  token: string;
  /** Resident memory of the server process now. */
  rssBytes(): number;
  /** Processor time (user + system) the server process has used so far. */
  cpuMs(): number;
  /** How many log lines of this event (for this document, if given) the server has written. */
  logged(event: string, document?: string): number;
  stop(): Promise<void>;
}

const RAISED_LIMITS = {
  MAX_CONNECTIONS_PER_TOKEN: '100000',
  MAX_CONNECTIONS_PER_IP: '100000',
  MAX_UNAUTHENTICATED_PER_IP: '100000',
  WRITE_RATE_PER_SECOND: '100000',
  WRITE_BURST: '100000',
};

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN) * 1024;
}

function cpuOf(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export async function startBenchServer(
  mode: StoreMode,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const dataDir = await tempDir('minga-bench-');
  let pool: pg.Pool | null = null;
  let schema = '';
  let token: string;
  if (mode === 'postgres') {
    schema = `minga_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    pool = await openPostgres(BENCH_DATABASE_URL, schema);
    token = (await postgresTokenStore(pool, schema).create({ role: 'coordinator', name: 'Bench' })).token;
  } else {
    const db = openDatabase(dataDir);
    token = createToken(db, { role: 'coordinator', name: 'Bench' }).token;
    db.close();
  }
  const { child, port } = await spawnServer({
    ...RAISED_LIMITS,
    DATA_DIR: dataDir,
    ...(mode === 'postgres' ? { DATABASE_URL: BENCH_DATABASE_URL, DATABASE_SCHEMA: schema } : {}),
    ...env,
  });
  const pid = child.pid as number;
  const events: { event?: unknown; document?: unknown }[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"document-')) continue;
      try {
        events.push(JSON.parse(line) as { event?: unknown; document?: unknown });
      } catch {
        // not a log line
      }
    }
  });
  return {
    url: `ws://127.0.0.1:${port}/sync`,
    token,
    rssBytes: () => rssOf(pid),
    cpuMs: () => cpuOf(pid),
    logged: (event, document) =>
      events.filter((e) => e.event === event && (document === undefined || e.document === document)).length,
    async stop() {
      try {
        await terminate(child, 15_000);
      } catch {
        child.kill('SIGKILL');
      }
      await removeDir(dataDir);
      if (pool !== null) {
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await pool.end();
      }
    },
  };
}
