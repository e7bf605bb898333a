// Writes a Y.Doc's updates to y-indexeddb's own store with strict durability, so "saved" means on disk.
//
// y-indexeddb writes each update in a transaction with the browser's default durability, which Chrome
// relaxed in version 121: a committed transaction may still be lost if the device dies a moment later.
// We take over only its write path (same database, same store, same record format), so its loading and
// compaction keep working, and we learn exactly when each update is flushed or why it failed.
import * as Y from 'yjs';
import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb';
import { toMingaError } from '../domain/errors.ts';
import { reportFailed, reportPending, reportSaved, forgetWriter } from './saveStatus.ts';

const RETRY_MS = 3000;

/** The parts of IndexeddbPersistence this module relies on (y-indexeddb 9.x); checked in tests. */
interface PersistenceInternals {
  db: IDBDatabase | null;
  _dbsize: number;
  /** One past the last key of the update log when it was last read. */
  _dbref: number;
  _storeUpdate: (update: Uint8Array, origin: unknown) => void;
}

export class DurableWriter {
  private readonly persistence: IndexeddbPersistence;
  private readonly internals: PersistenceInternals;
  private readonly name: string;
  private queue: Uint8Array[] = [];
  /** When the newest queued update arrived (performance.now()), reported with each save for latency figures. */
  private newestQueuedAt = 0;
  private inFlight = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private compacting = false;
  private lastWrittenKey = 0;
  /** The newest key of the log when the document was loaded (see `loaded`). */
  private loadedKey = 0;

  constructor(name: string, doc: Y.Doc, persistence: IndexeddbPersistence) {
    this.name = name;
    this.persistence = persistence;
    this.internals = persistence as unknown as PersistenceInternals;
    doc.off('update', this.internals._storeUpdate);
    doc.on('update', this.onUpdate);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this.persistence) return; // loaded from disk, nothing to write
    this.queue.push(update);
    this.newestQueuedAt = performance.now();
    reportPending(this.name, this.queue.length);
    this.flush();
  };

  /**
   * Reads the newest key of the log once the document is loaded. y-indexeddb announces "synced" before it records
   * that key itself (`_dbref`), so a projection made right after loading would otherwise record 0 and look current
   * to anything comparing keys, while holding what an earlier key held.
   */
  async loaded(): Promise<void> {
    const db = this.internals.db;
    if (!db) return;
    this.loadedKey = Math.max(this.loadedKey, await newestUpdateKey(db));
  }

  /** The newest key of the update log on disk: list rows record it, to tell later whether they are stale. */
  diskKey(): number {
    const compacted = this.internals._dbref - 1;
    return Math.max(this.lastWrittenKey, this.loadedKey, Number.isFinite(compacted) ? compacted : 0);
  }

  get pending(): number {
    return this.queue.length + (this.inFlight ? 1 : 0);
  }

  /** Writes everything queued in one strict transaction; updates typed meanwhile wait for the next one. */
  private flush(): void {
    const db = this.internals.db;
    if (this.inFlight || this.queue.length === 0 || !db) return;
    const batch = this.queue;
    const batchQueuedAt = this.newestQueuedAt;
    this.queue = [];
    this.inFlight = true;
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    let tx: IDBTransaction;
    try {
      tx = db.transaction(['updates'], 'readwrite', { durability: 'strict' });
      const request = tx.objectStore('updates').add(merged);
      request.onsuccess = () => {
        if (typeof request.result === 'number') this.lastWrittenKey = request.result;
      };
    } catch (error) {
      this.failed(batch, error);
      return;
    }
    tx.oncomplete = () => {
      this.inFlight = false;
      reportSaved(this.name, this.queue.length, batchQueuedAt);
      this.internals._dbsize++;
      this.maybeCompact();
      this.flush();
    };
    tx.onabort = () => this.failed(batch, tx.error);
  }

  private failed(batch: Uint8Array[], error: unknown): void {
    this.inFlight = false;
    // Keep the updates, in order, for the next attempt: they are still in memory and on screen.
    this.queue = [...batch, ...this.queue];
    reportFailed(this.name, toMingaError(error).reason);
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, RETRY_MS);
  }

  /** y-indexeddb's own compaction: replace the update log by one state update once it grows long. */
  private maybeCompact(): void {
    if (this.compacting || this.internals._dbsize < PREFERRED_TRIM_SIZE) return;
    this.compacting = true;
    storeState(this.persistence, false).finally(() => {
      this.compacting = false;
    });
  }

  /** Resolves once nothing is queued or in flight. */
  async whenIdle(): Promise<void> {
    while (this.pending > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  destroy(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    forgetWriter(this.name);
  }
}

/** The newest key of a y-indexeddb update log (0 when it holds none). */
export function newestUpdateKey(db: IDBDatabase): Promise<number> {
  return new Promise((resolve, reject) => {
    if (!db.objectStoreNames.contains('updates')) {
      resolve(0);
      return;
    }
    const cursor = db.transaction('updates').objectStore('updates').openKeyCursor(null, 'prev');
    cursor.onsuccess = () => resolve(typeof cursor.result?.key === 'number' ? cursor.result.key : 0);
    cursor.onerror = () => reject(cursor.error);
  });
}
