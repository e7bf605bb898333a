// Writes to the SQLite file on a worker thread (its own connection to the same WAL file): batches of updates and
// compactions. The event loop posts the work and goes on serving while the disk flushes. Both kinds go through
// this one connection, so they never wait on each other's lock, and in the order they were posted.
import { Worker } from 'node:worker_threads';
import { DEFAULT_HISTORY_RETENTION_DAYS, type CompactRequest, type CompactResult } from './documents.ts';
import type { QueuedUpdate } from './groupCommit.ts';

export type WriterRequest =
  | { id: number; kind: 'append'; batch: readonly QueuedUpdate[] }
  | { id: number; kind: 'compact'; request: CompactRequest };

/** `result`: the batch's log sequences, or what the compaction wrote. */
export type WriterReply = { id: number; result: number[] | CompactResult } | { id: number; error: string };

export interface SqliteWriter {
  appendBatch(batch: readonly QueuedUpdate[]): Promise<number[]>;
  /** Runs a compaction (see sqliteCompactor); resolves with what it wrote once it has committed. */
  compact(request: CompactRequest): Promise<CompactResult>;
  close(): Promise<void>;
}

interface Waiting {
  resolve(result: number[] | CompactResult): void;
  reject(error: Error): void;
}

export function sqliteWriterThread(
  dataDir: string,
  retentionDays = DEFAULT_HISTORY_RETENTION_DAYS,
): SqliteWriter {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, Waiting>();

  const failAll = (error: Error) => {
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  };

  /** Started on first use, and again after a crash: a dead thread fails its batches, not the next ones. */
  const start = (): Worker => {
    const thread = new Worker(new URL('./sqliteWriterThread.ts', import.meta.url), {
      workerData: { dataDir, retentionDays },
    });
    thread.unref();
    thread.on('message', (reply: WriterReply) => {
      const entry = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (entry === undefined) return;
      if ('error' in reply) entry.reject(new Error(reply.error));
      else entry.resolve(reply.result);
    });
    thread.on('error', (error: unknown) =>
      failAll(error instanceof Error ? error : new Error(String(error))),
    );
    thread.on('exit', (code) => {
      if (worker === thread) worker = null;
      failAll(new Error(`SQLite writer thread exited (${code})`));
    });
    return thread;
  };

  const post = (message: WriterRequest): Promise<number[] | CompactResult> => {
    worker ??= start();
    const thread = worker;
    return new Promise((resolve, reject) => {
      waiting.set(message.id, { resolve, reject });
      thread.postMessage(message);
    });
  };

  return {
    async appendBatch(batch) {
      const result = await post({ id: nextId++, kind: 'append', batch });
      if (!Array.isArray(result)) throw new Error('SQLite writer thread: unexpected reply to a batch');
      return result;
    },
    async compact(request) {
      const result = await post({ id: nextId++, kind: 'compact', request });
      if (Array.isArray(result)) throw new Error('SQLite writer thread: unexpected reply to a compaction');
      return result;
    },
    async close() {
      const thread = worker;
      worker = null;
      await thread?.terminate();
    },
  };
}
