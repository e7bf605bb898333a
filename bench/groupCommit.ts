// Group commit figures: updates/s and acknowledgement latency with N real provider clients writing to the real
// server (a child process) on SQLite and PostgreSQL, for several windows (0 = one transaction per update, as
// before group commit); and how long one synchronous SQLite commit of a batch holds the event loop.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { openDatabase } from '../src/server/db.ts';
import { sqliteDocumentStore } from '../src/server/documents.ts';
import { removeDir, tempDir, waitFor } from '../tests/server/syncHarness.ts';
import { startBenchServer, type StoreMode } from './benchServer.ts';
import { percentile } from './fieldApp.ts';

export interface GroupCommitRun {
  mode: StoreMode;
  /** SQLite: committed on the event loop (the default) or on the writer thread (SQLITE_WRITER_THREAD=1). */
  sqliteCommits?: 'thread' | 'event loop';
  windowMs: number;
  clients: number;
  documents: number;
  seconds: number;
  /** Updates acknowledged by the server during the run. */
  updates: number;
  updatesPerSecond: number;
  ackMs: { p50: number; p99: number };
  /** Server processor time per 1,000 acknowledged updates. */
  serverCpuMsPer1000: number;
}

export interface GroupCommitFigures {
  /** One synchronous SQLite transaction (synchronous = FULL) of `batch` small updates: the event loop waits this long. */
  sqliteCommitMs: { batch: number; p50: number; p99: number }[];
  runs: GroupCommitRun[];
}

const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

async function measureSqliteCommits(): Promise<GroupCommitFigures['sqliteCommitMs']> {
  const dir = await tempDir('minga-bench-commit-');
  const db = openDatabase(dir);
  try {
    const store = sqliteDocumentStore(db);
    const update = new Uint8Array(80).fill(7);
    const figures: GroupCommitFigures['sqliteCommitMs'] = [];
    for (const batch of [1, 10, 100, 1000]) {
      const items = Array.from({ length: batch }, (_, i) => ({ name: `mission:bench-${i % 50}`, update }));
      const times: number[] = [];
      for (let rep = 0; rep < 60; rep++) {
        const start = performance.now();
        await store.appendBatch(items);
        times.push(performance.now() - start);
      }
      figures.push({ batch, p50: percentile(times, 50), p99: percentile(times, 99) });
    }
    return figures;
  } finally {
    db.close();
    await removeDir(dir);
  }
}

interface Writer {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
}

/** Resolves at the next moment the server has acknowledged every change of the provider. */
function nextAck(provider: HocuspocusProvider, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('unsyncedChanges', on);
      reject(new Error('no acknowledgement'));
    }, timeoutMs);
    const on = ({ number }: { number: number }) => {
      if (number !== 0) return;
      clearTimeout(timer);
      provider.off('unsyncedChanges', on);
      resolve();
    };
    provider.on('unsyncedChanges', on);
  });
}

async function measureRun(
  mode: StoreMode,
  sqliteCommits: GroupCommitRun['sqliteCommits'],
  windowMs: number,
  clients: number,
  documents: number,
  seconds: number,
): Promise<GroupCommitRun> {
  const server = await startBenchServer(mode, {
    GROUP_COMMIT_MS: String(windowMs),
    SQLITE_WRITER_THREAD: sqliteCommits === 'event loop' ? '0' : '1',
  });
  const names = Array.from({ length: documents }, () => `mission:${randomUUID()}`);
  const writers: Writer[] = [];
  try {
    for (let i = 0; i < clients; i++) {
      const socket = new HocuspocusProviderWebsocket({ url: server.url });
      const doc = new Y.Doc();
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: names[i % documents] as string,
        token: server.token,
        document: doc,
      });
      provider.attach();
      writers.push({ provider, socket, doc });
    }
    await waitFor(() => writers.every((w) => w.provider.synced), 60_000, 'every writer synced');
    const latencies: number[] = [];
    const cpuBefore = server.cpuMs();
    const end = performance.now() + seconds * 1000;
    // Closed loop: each device writes one change, waits for its acknowledgement, and writes the next.
    await Promise.all(
      writers.map(async (writer, i) => {
        const map = writer.doc.getMap('m');
        for (let n = 0; performance.now() < end; n++) {
          const acked = nextAck(writer.provider, 30_000);
          const start = performance.now();
          map.set(`w${i}-${n % 20}`, n);
          await acked;
          latencies.push(performance.now() - start);
        }
      }),
    );
    const cpuMs = server.cpuMs() - cpuBefore;
    return {
      mode,
      ...(sqliteCommits === undefined ? {} : { sqliteCommits }),
      windowMs,
      clients,
      documents,
      seconds,
      updates: latencies.length,
      updatesPerSecond: latencies.length / seconds,
      ackMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
      serverCpuMsPer1000: (cpuMs / Math.max(1, latencies.length)) * 1000,
    };
  } finally {
    for (const writer of writers) {
      writer.provider.destroy();
      writer.socket.destroy();
    }
    await server.stop();
  }
}

export async function measureGroupCommit(): Promise<GroupCommitFigures> {
  const clients = envInt('BENCH_GROUP_COMMIT_CLIENTS', 50);
  const documents = envInt('BENCH_GROUP_COMMIT_DOCUMENTS', 10);
  const seconds = envInt('BENCH_GROUP_COMMIT_SECONDS', 5);
  const windows = (process.env.BENCH_GROUP_COMMIT_WINDOWS ?? '0,1,2,5').split(',').map(Number);
  const sqliteCommitMs = await measureSqliteCommits();
  const runs: GroupCommitRun[] = [];
  const variants: [StoreMode, GroupCommitRun['sqliteCommits']][] = [
    ['sqlite', 'event loop'],
    ['sqlite', 'thread'],
    ['postgres', undefined],
  ];
  for (const [mode, sqliteCommits] of variants) {
    for (const windowMs of windows) {
      runs.push(await measureRun(mode, sqliteCommits, windowMs, clients, documents, seconds));
    }
  }
  return { sqliteCommitMs, runs };
}

export function describeGroupCommit(figures: GroupCommitFigures): string {
  const commits = figures.sqliteCommitMs
    .map((c) => `${c.batch}: p50 ${c.p50.toFixed(2)} ms, p99 ${c.p99.toFixed(2)} ms`)
    .join(' · ');
  const rows = figures.runs.map(
    (r) =>
      `  ${(r.mode + (r.sqliteCommits ? ` (${r.sqliteCommits})` : '')).padEnd(22)} window ${String(r.windowMs).padStart(2)} ms: ${r.updatesPerSecond.toFixed(0).padStart(5)} ` +
      `updates/s, ack p50 ${r.ackMs.p50.toFixed(1)} ms, p99 ${r.ackMs.p99.toFixed(1)} ms, server CPU ` +
      `${r.serverCpuMsPer1000.toFixed(0)} ms per 1,000 updates (${r.clients} clients, ${r.documents} documents, ${r.seconds} s)`,
  );
  return [
    `group commit: one SQLite commit of a batch of N updates holds the event loop ${commits}`,
    ...rows,
  ].join('\n');
}

// Run alone: `node bench/groupCommit.ts`.
if (import.meta.main) {
  const figures = await measureGroupCommit();
  console.info(JSON.stringify(figures, null, 2));
  console.info(describeGroupCommit(figures));
}
