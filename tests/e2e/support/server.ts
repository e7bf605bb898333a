// Serves the already-built app (dist/) on a free port for end-to-end tests.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import { DEFAULT_DIST_DIR, startStaticServer, type RunningServer } from '../../../src/server/static.ts';
import { startMingaServer, type MingaServerOptions } from '../../../src/server/app.ts';
import type { Logger } from '../../../src/server/log.ts';
import { createToken, openDatabase, type Role } from '../../../src/server/db.ts';

export interface BuiltApp {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:41234 (a secure context for service workers). */
  url: string;
  port: number;
  server: RunningServer['server'];
  /** Stops the server and drops its connections: "the network is gone" for pages that were served by it. */
  close(): Promise<void>;
}

export interface StartBuiltAppOptions {
  /** Defaults to dist/ at the repository root. */
  distDir?: string;
  /** Defaults to 0 (a free port). Pass a previous port to restart "the same" origin. */
  port?: number;
}

export async function startBuiltApp(options: StartBuiltAppOptions = {}): Promise<BuiltApp> {
  const distDir = options.distDir ?? DEFAULT_DIST_DIR;
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`No built app at ${distDir} (index.html missing): run npm run build first`);
  }
  const host = '127.0.0.1';
  const running = await startStaticServer({ port: options.port ?? 0, host, distDir });
  return {
    url: `http://${host}:${running.port}`,
    port: running.port,
    server: running.server,
    close: () => running.close(),
  };
}

export interface SyncApp {
  url: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
  /** A token as the admin CLI would create it, on the same data directory. */
  token(role: Role, name: string, missions?: string[]): string;
}

export interface StartSyncAppOptions {
  dataDir?: string;
  port?: number;
  /** Receives the server's structured log events (they are dropped by default). */
  log?: Logger;
  limits?: MingaServerOptions['limits'];
}

/** Of each running sync server, the latest events that say something went wrong (see reportOnFailure.ts). */
const troubles = new Map<string, Record<string, unknown>[]>();
const TROUBLES_KEPT = 100;
/** Closes a browser makes when a page goes or a test ends: not trouble. */
const ORDINARY_CLOSES = new Set([1000, 1001, 1005]);

function isTrouble(entry: Record<string, unknown>): boolean {
  const event = String(entry.event);
  if (event === 'socket-closed') return !ORDINARY_CLOSES.has(Number(entry.code));
  return event === 'refused' || /fail|error|unavailable/i.test(event);
}

/** What the running sync servers logged that went wrong, by server address; printed when a test fails. */
export function serverTroubles(): Map<string, Record<string, unknown>[]> {
  return troubles;
}

/** The real sync server (`npm start`'s), serving the built app, on a free port with its own data directory. */
export async function startSyncApp(options: StartSyncAppOptions = {}): Promise<SyncApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'minga-e2e-sync-')));
  const seen: Record<string, unknown>[] = [];
  const server = await startMingaServer({
    port: options.port ?? 0,
    host: '127.0.0.1',
    dataDir,
    distDir: DEFAULT_DIST_DIR,
    log: (entry) => {
      options.log?.(entry);
      if (!isTrouble(entry)) return;
      seen.push({ at: new Date().toISOString(), ...entry });
      if (seen.length > TROUBLES_KEPT) seen.shift();
    },
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const url = `http://127.0.0.1:${server.port}`;
  troubles.set(url, seen);
  const admin = openDatabase(dataDir);
  return {
    url,
    port: server.port,
    dataDir,
    token: (role, name, missions = []) => createToken(admin, { role, name, missions }).token,
    async close() {
      troubles.delete(url);
      admin.close();
      await server.close();
    },
  };
}
