// The servers under load, each a child process on loopback: ours (SQLite, or PostgreSQL + Redis instances),
// a plain Hocuspocus 4 server, and the reference Yjs server (@y/websocket-server).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import type pg from 'pg';
import { createToken, openDatabase } from '../../src/server/db.ts';
import { openPostgres } from '../../src/server/postgres.ts';
import { REPO_ROOT } from '../../src/server/static.ts';
import { postgresTokenStore } from '../../src/server/tokens.ts';
import { NODE, removeDir, START_ARGS, tempDir, waitFor } from '../../tests/server/syncHarness.ts';

export type ServerKind = 'minga' | 'hocuspocus' | 'ywebsocket';
export const SERVER_KINDS: readonly ServerKind[] = ['minga', 'hocuspocus', 'ywebsocket'];

export const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One running server process; `urls` are the WebSocket addresses clients may use. */
export interface Instance {
  child: ChildProcess;
  port: number;
  url: string;
  /** Refusals and errors the server logged (our server logs JSON lines). */
  errors: string[];
}

/** A port free right now, for servers that cannot report the one they bound (the reference server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a child and resolves once a line of its output says where it listens. After that only error lines
 * are kept, so thousands of connection logs never pile up in the generator.
 */
async function startChild(
  args: string[],
  env: Record<string, string>,
  listening: (line: string) => number | undefined,
): Promise<Instance> {
  const child = spawn(NODE, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let port: number | undefined;
  let pending = '';
  const errors: string[] = [];
  const onOutput = (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (port === undefined) port = listening(line);
      if (/"event":"(refused|fatal|[a-z-]*(error|failed))"|Error|error:/.test(line) && errors.length < 1000)
        errors.push(line.slice(0, 300));
    }
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  try {
    const bound = await waitFor(() => port ?? (child.exitCode !== null ? -1 : undefined), 60_000, 'a server');
    if (bound === -1) throw new Error(`server exited: ${errors.join('\n')}`);
    return { child, port: bound, url: '', errors };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

const listeningJson = (line: string): number | undefined => {
  if (!line.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(line) as { event?: string; port?: number };
    return entry.event === 'listening' ? entry.port : undefined;
  } catch {
    return undefined;
  }
};

/** Limits of our server raised for a load test, through its documented environment variables. */
export const RAISED_LIMITS: Record<string, string> = {
  MAX_CONNECTIONS_PER_IP: '1000000',
  MAX_UNAUTHENTICATED_PER_IP: '1000000',
  MAX_CONNECTIONS_PER_TOKEN: '64',
  AUTH_TIMEOUT_MS: '120000',
};

/**
 * Our server as `npm start` runs it (its Node flags and entry) on `port` (0: any), on `env`'s store; resolves once
 * it listens.
 */
export async function startMinga(env: Record<string, string>, port = 0): Promise<Instance> {
  const instance = await startChild(
    [...START_ARGS],
    { ...RAISED_LIMITS, ...env, PORT: String(port), HOST: '127.0.0.1' },
    listeningJson,
  );
  instance.url = `ws://127.0.0.1:${instance.port}/sync`;
  return instance;
}

/** A plain Hocuspocus 4 server (stock database extension on SQLite, debounced store, no auth). */
export async function startPlainHocuspocus(dataDir: string, port = 0): Promise<Instance> {
  const instance = await startChild(
    [path.join('bench', 'load', 'plainHocuspocus.ts')],
    { DATA_DIR: dataDir, PORT: String(port) },
    listeningJson,
  );
  instance.url = `ws://127.0.0.1:${instance.port}`;
  return instance;
}

/** The reference Yjs server, as its own `y-websocket-server` command starts it (documents in memory). */
export async function startYWebsocket(): Promise<Instance> {
  const port = await freePort();
  const bin = path.join(REPO_ROOT, 'node_modules', '@y', 'websocket-server', 'src', 'server.js');
  const instance = await startChild([bin], { HOST: '127.0.0.1', PORT: String(port) }, (line) =>
    line.startsWith('running at') ? port : undefined,
  );
  instance.url = `ws://127.0.0.1:${port}`;
  return instance;
}

/** Kills with SIGKILL and resolves once the process is gone. */
export async function kill(instance: Instance): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}

/** Stops with SIGTERM (a clean shutdown), SIGKILL after 15 s. */
export async function stop(instance: Instance): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

/** Where our server keeps its data for one run, with a technician token per device. */
export interface MingaStore {
  env: Record<string, string>;
  /** Per device, its token (a technician, member of the device's mission). */
  tokens: string[];
  /** A coordinator token, to read documents back. */
  coordinator: string;
  /** Instances of one store share its data: a data dir each, and the same database schema. */
  instanceEnv(): Promise<Record<string, string>>;
  cleanup(): Promise<void>;
}

/** A fresh SQLite data dir holding the tokens. */
export async function sqliteStore(missionOfDevice: readonly string[]): Promise<MingaStore> {
  const dir = await tempDir('minga-load-');
  const db = openDatabase(dir);
  const tokens = missionOfDevice.map(
    (mission, i) => createToken(db, { role: 'technician', name: `device ${i}`, missions: [mission] }).token,
  );
  const coordinator = createToken(db, { role: 'coordinator', name: 'reader' }).token;
  db.close();
  return {
    env: { DATA_DIR: dir },
    tokens,
    coordinator,
    instanceEnv: async () => ({ DATA_DIR: dir }),
    cleanup: () => removeDir(dir),
  };
}

/** A fresh PostgreSQL schema holding the tokens, and Redis: documents are unique to the run (fresh ids). */
export async function postgresStore(missionOfDevice: readonly string[]): Promise<MingaStore> {
  const schema = `minga_load_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const pool: pg.Pool = await openPostgres(DATABASE_URL, schema);
  const store = postgresTokenStore(pool, schema);
  const tokens: string[] = [];
  for (const [i, mission] of missionOfDevice.entries())
    tokens.push((await store.create({ role: 'technician', name: `device ${i}`, missions: [mission] })).token);
  const coordinator = (await store.create({ role: 'coordinator', name: 'reader' })).token;
  const dirs: string[] = [];
  const env = { DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL };
  return {
    env,
    tokens,
    coordinator,
    async instanceEnv() {
      const dir = await tempDir('minga-load-pg-');
      dirs.push(dir);
      return { ...env, DATA_DIR: dir };
    },
    async cleanup() {
      for (const dir of dirs) await removeDir(dir);
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}
