// Helpers for the sync server tests: a real server on a free port, tokens, real providers, polling.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { startMingaServer, type MingaServer, type MingaServerOptions } from '../../src/server/app.ts';
import { createToken, openDatabase, type Role } from '../../src/server/db.ts';
import { REPO_ROOT } from '../../src/server/static.ts';

/** Node 24 of the project (runs the .ts sources directly), as `npm start` uses it. */
export const NODE = path.join(REPO_ROOT, 'node_modules/.bin/node');

/**
 * `npm start`'s arguments to Node: its flags, if any, then the entry. Read from package.json, so a server started
 * here as a child (tests, benchmarks) runs as it ships, heap settings included (docs/adr/0006-server-heap.md).
 */
export const START_ARGS: readonly string[] = startArgs();

function startArgs(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.trim().split(/\s+/);
  if (command !== 'node' || args.at(-1) !== 'src/server/start.ts')
    throw new Error(
      `package.json: a start script of the form "node [flags] src/server/start.ts" was expected`,
    );
  return args;
}

/** Polls until the check returns a truthy value (or stops throwing); never a bare sleep. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface TestServer {
  server: MingaServer;
  dataDir: string;
  url: string;
  logs: Record<string, unknown>[];
  token(role: Role, missions?: string[]): { id: string; token: string };
  stop(): Promise<void>;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(
  overrides: Partial<MingaServerOptions> = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ?? (await tempDir('minga-sync-'));
  const logs: Record<string, unknown>[] = [];
  const server = await startMingaServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    distDir: path.join(dir, 'no-dist'),
    log: (entry) => logs.push(entry),
    ...overrides,
    limits: { revocationCheckMs: 200, ...overrides.limits },
  });
  const admin = openDatabase(dir);
  let n = 0;
  return {
    server,
    dataDir: dir,
    url: `ws://127.0.0.1:${server.port}/sync`,
    logs,
    token: (role, missions = []) => createToken(admin, { role, name: `${role} ${++n}`, missions }),
    async stop() {
      admin.close();
      await server.close();
    },
  };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  scope: string | null;
  denied: string | null;
  closeCodes: number[];
  /** Resolves once the server confirmed every local change (unsyncedChanges back to 0 after sync). */
  acknowledged(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

/** One device: its own websocket, one provider attached for the document. */
export function connect(url: string, token: string, name: string, doc = new Y.Doc()): Client {
  const socket = new HocuspocusProviderWebsocket({ url, delay: 100, minDelay: 100, maxDelay: 500 });
  const client: Client = {
    doc,
    socket,
    scope: null,
    denied: null,
    closeCodes: [],
    provider: undefined as unknown as HocuspocusProvider,
    acknowledged: (timeoutMs = 5000) =>
      waitFor(
        () => client.provider.synced && client.provider.unsyncedChanges === 0,
        timeoutMs,
        `acknowledgement of ${name}`,
      ).then(() => undefined),
    destroy() {
      client.provider.destroy();
      socket.destroy();
    },
  };
  socket.on('close', ({ event }: { event: { code: number } }) => client.closeCodes.push(event.code));
  client.provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token,
    document: doc,
    onAuthenticated: ({ scope }) => {
      client.scope = scope;
    },
    onAuthenticationFailed: ({ reason }) => {
      client.denied = reason;
    },
  });
  client.provider.attach();
  return client;
}

/** Waits until the client is either authenticated or refused. */
export async function settled(client: Client): Promise<void> {
  await waitFor(() => client.scope !== null || client.denied !== null, 5000, 'authentication outcome');
}

/** The server's copy of a document's text field, read through a fresh coordinator connection. */
export async function readBack(
  url: string,
  coordinatorToken: string,
  name: string,
  field = 'text',
): Promise<string> {
  const reader = connect(url, coordinatorToken, name);
  try {
    await waitFor(() => reader.provider.synced, 5000, `read-back sync of ${name}`);
    return reader.doc.getText(field).toString();
  } finally {
    reader.destroy();
  }
}

/**
 * Starts `npm start`'s entry (src/server/start.ts) as a child on a free port with `env` added, and resolves
 * once it listens. The caller stops it (and kills it in its cleanup).
 */
export async function spawnServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(NODE, [...START_ARGS], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  try {
    const port = await waitFor(
      () => {
        for (const line of out.split('\n')) {
          if (!line.startsWith('{')) continue;
          const entry = JSON.parse(line) as { event?: string; port?: number };
          if (entry.event === 'listening') return entry.port;
        }
        return undefined;
      },
      30_000,
      'the server to listen',
    );
    return { child, port };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** Sends SIGTERM and resolves with the exit code once the child has exited. */
export async function terminate(child: ChildProcess, timeoutMs = 10_000): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  child.kill('SIGTERM');
  await waitFor(() => child.exitCode !== null || child.signalCode !== null, timeoutMs, 'the server to stop');
  return exited;
}
