// Makes SQLite commits durable without holding the event loop for the disk. A transaction committed with
// `synchronous = NORMAL` in WAL mode is complete in the WAL file but not yet flushed; flushing that file
// (fdatasync, what SQLite itself does at a FULL commit) on libuv's thread pool makes it durable while the event
// loop goes on serving. Callers acknowledge or announce the commit only once the flush has resolved.
import type { DatabaseSync } from 'node:sqlite';
import { open } from 'node:fs/promises';
import { sqliteTransaction } from './sqliteTransaction.ts';

/** Runs `write` as one transaction that does not flush at commit; SQLite's FULL mode is restored afterwards. */
export function commitUnflushed<T>(db: DatabaseSync, begin: string, write: () => T): T {
  db.exec('PRAGMA synchronous = NORMAL');
  try {
    return sqliteTransaction(db, begin, write);
  } finally {
    db.exec('PRAGMA synchronous = FULL');
  }
}

/**
 * Flushes the WAL of the database file at `location` to disk. No WAL file means the last connection closed and
 * checkpointed it into the database file, which SQLite flushes then: nothing is left to flush. A database in
 * memory (no location) has no disk to flush to.
 */
export async function flushWal(location: string | null): Promise<void> {
  if (location === null) return;
  let handle;
  try {
    handle = await open(`${location}-wal`, 'r');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
