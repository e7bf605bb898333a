// Commits batches of updates to the SQLite file on a worker thread (its own connection to the same WAL file):
// the event loop posts a batch and goes on serving while the disk flushes. Off by default (SQLITE_WRITER_THREAD=1):
// measured slower than a batched commit on the event loop here; see docs/adr/0005-group-commit.md.
import { Worker } from 'node:worker_threads';
import type { QueuedUpdate } from './groupCommit.ts';

export interface WriterRequest {
  id: number;
  batch: readonly QueuedUpdate[];
}

export type WriterReply = { id: number; seqs: number[] } | { id: number; error: string };

export interface SqliteWriter {
  appendBatch(batch: readonly QueuedUpdate[]): Promise<number[]>;
  close(): Promise<void>;
}

interface Waiting {
  resolve(seqs: number[]): void;
  reject(error: Error): void;
}

export function sqliteWriterThread(dataDir: string): SqliteWriter {
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
      workerData: { dataDir },
    });
    thread.unref();
    thread.on('message', (reply: WriterReply) => {
      const entry = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (entry === undefined) return;
      if ('error' in reply) entry.reject(new Error(reply.error));
      else entry.resolve(reply.seqs);
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

  return {
    appendBatch(batch) {
      worker ??= start();
      const id = nextId++;
      const thread = worker;
      return new Promise<number[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        thread.postMessage({ id, batch } satisfies WriterRequest);
      });
    },
    async close() {
      const thread = worker;
      worker = null;
      await thread?.terminate();
    },
  };
}
