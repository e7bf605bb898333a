// The server the fuzz tests attack: `npm start`'s entry as a child process, so a crash is an exit we can see,
// with tokens of every role, /healthz timing, and a check that every stored document still loads.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { auditMission } from '../../src/domain/records/mission.ts';
import { readMissionSnapshot } from '../../src/domain/records/snapshot.ts';
import { createToken, openDatabase, revokeToken } from '../../src/server/db.ts';
import { sqliteDocumentStore } from '../../src/server/documents.ts';
import { createMission, createRecord } from '../../src/storage/missionDoc.ts';
import { readReview } from '../../src/storage/reviewDoc.ts';
import { rawClient } from './rawSync.ts';
import { REPO_ROOT } from '../../src/server/static.ts';
import type { MingaServerOptions } from '../../src/server/app.ts';
import { NODE, removeDir, tempDir, terminate, waitFor } from './syncHarness.ts';

export interface FuzzTokens {
  coordinator: string;
  /** Member of `missions[0]`. */
  technician: string;
  /** Member of nothing: may only claim missions nobody knows. */
  stranger: string;
  /** Member of `missions[0]`, read only. */
  observer: string;
  revoked: string;
}

export interface FuzzServer {
  port: number;
  child: ChildProcess;
  dataDir: string;
  tokens: FuzzTokens;
  missions: string[];
  /** Log lines of internal errors (event "error"): a route that failed where it should have refused. */
  errors: Record<string, unknown>[];
  /** Every /healthz round trip timed, in milliseconds. */
  healthzMs: number[];
  /** The child is still running (a crash or an unhandled rejection ends it). */
  alive(): boolean;
  /** GET /healthz; throws unless it answers 200 within `timeoutMs`. */
  healthz(timeoutMs?: number): Promise<void>;
  /** Stops the server (it stores what it holds) and returns its exit code. */
  stop(): Promise<number | null>;
  remove(): Promise<void>;
}

/** Limits small enough that a fuzz run meets them, so their refusals are fuzzed too. */
const FUZZ_OPTIONS: Partial<MingaServerOptions> = {
  limits: {
    maxMessageBytes: 256 * 1024,
    maxDocumentBytes: 1024 * 1024,
    authTimeoutMs: 1500,
    // Each run's frames must reach the handling of messages, not the wait imposed after a previous run's refusal.
    offenceWaitMs: 0,
  },
  httpTimeouts: { headersTimeoutMs: 2000, requestTimeoutMs: 2000 },
  maxBlobBytes: 64 * 1024,
};

/** Starts tests/server/fuzzEntry.ts; resolves once it listens, with the internal errors it logs collected. */
async function spawnFuzzEntry(
  options: Partial<MingaServerOptions>,
  errors: Record<string, unknown>[],
  stderr: { text: string },
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(NODE, ['tests/server/fuzzEntry.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, MINGA_FUZZ_OPTIONS: JSON.stringify(options) },
    // Hocuspocus prints every frame it cannot decode: kept, the tail only, for the message of a failure.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.text = (stderr.text + chunk.toString('utf8')).slice(-4000);
  });
  let port = 0;
  let rest = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      // Only the few lines that matter are parsed: a fuzz run logs thousands of refusals.
      if (!line.includes('"event":"listening"') && !line.includes('"event":"error"')) continue;
      const entry = JSON.parse(line) as { event?: string; port?: number };
      if (entry.event === 'listening') port = entry.port ?? 0;
      else if (entry.event === 'error') errors.push(entry);
    }
  });
  try {
    await waitFor(() => port !== 0, 30_000, 'the fuzzed server to listen');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, port };
}

export async function startFuzzServer(overrides: Partial<MingaServerOptions> = {}): Promise<FuzzServer> {
  const dataDir = await tempDir('minga-fuzz-');
  const missions = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  const admin = openDatabase(dataDir);
  const make = (role: 'coordinator' | 'technician' | 'observer', own: string[] = []) =>
    createToken(admin, { role, name: `fuzz ${role}`, missions: own }).token;
  const tokens: FuzzTokens = {
    coordinator: make('coordinator'),
    technician: make('technician', [missions[0] as string]),
    stranger: make('technician'),
    observer: make('observer', [missions[0] as string]),
    revoked: make('technician', [missions[0] as string]),
  };
  revokeToken(admin, tokens.revoked);
  admin.close();
  // A tiny built app, so the static routes answer as they do in production (not "the app is not built").
  const dist = path.join(dataDir, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Minga</title>');
  await writeFile(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  const errors: Record<string, unknown>[] = [];
  const stderr = { text: '' };
  const { child, port } = await spawnFuzzEntry(
    { port: 0, host: '127.0.0.1', dataDir, distDir: dist, ...FUZZ_OPTIONS, ...overrides },
    errors,
    stderr,
  );
  const healthzMs: number[] = [];
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    port,
    child,
    dataDir,
    tokens,
    missions,
    errors,
    healthzMs,
    alive,
    async healthz(timeoutMs = 30_000) {
      if (!alive())
        throw new Error(
          `the server exited (${child.exitCode ?? child.signalCode}):\n${stderr.text.slice(-2000)}`,
        );
      const start = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer();
      healthzMs.push(performance.now() - start);
      if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
    },
    stop: () => terminate(child, 20_000),
    async remove() {
      if (alive()) child.kill('SIGKILL');
      await removeDir(dataDir);
    },
  };
}

/** A mission with a note, written twice, so its history has versions to preview and restore. */
export async function writeMission(server: FuzzServer): Promise<void> {
  const stamp = { actor: { name: 'Ana', device: 'd1' }, now: '2016-04-17T09:00:00.000Z' };
  for (const step of [0, 1]) {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    if (step === 0) createMission(doc, { title: 'Pedernales' }, stamp);
    else createRecord(doc, 'note', 'n1', { text: 'Visita' } as never, stamp);
    const url = `ws://127.0.0.1:${server.port}/sync`;
    const client = await rawClient(url, server.tokens.coordinator, `mission:${server.missions[0]}`);
    for (const u of updates) client.sendUpdate(u);
    await waitFor(() => client.acknowledgements() === updates.length, 10_000, 'the mission acknowledged');
    const closed = new Promise((resolve) => client.ws.addEventListener('close', resolve));
    client.ws.close();
    await closed;
  }
}

export interface StoredProblem {
  name: string;
  problem: string;
}

/**
 * Loads every document the server stored, as a restarted server would, and reads it through the record
 * schema: a problem for each that fails to load, holds updates it cannot integrate, or breaks a reader.
 */
export async function storedDocumentProblems(
  dataDir: string,
): Promise<{ names: string[]; problems: StoredProblem[] }> {
  const db = openDatabase(dataDir);
  const store = sqliteDocumentStore(db);
  const problems: StoredProblem[] = [];
  try {
    const names = await store.names('');
    for (const name of names) {
      try {
        const state = await store.fetch(name);
        if (state === null) throw new Error('listed but not stored');
        const doc = new Y.Doc();
        Y.applyUpdate(doc, state);
        if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
          throw new Error('holds updates that cannot be integrated');
        const [kind, id = ''] = name.split(':');
        if (kind === 'mission') {
          auditMission(doc, id);
          readMissionSnapshot(doc, id);
        } else if (kind === 'review') {
          readReview(doc);
        } else if (kind !== 'programme') {
          throw new Error('stored under a name that is not a document');
        }
        doc.destroy();
      } catch (error) {
        problems.push({
          name: name.slice(0, 80),
          problem: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return { names, problems };
  } finally {
    await store.close();
    db.close();
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
