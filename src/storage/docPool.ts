// Open documents shared by every screen and the sync layer: loaded once, counted, closed after the last user.

/** Lets the sync layer attach a provider to every opened document without storage importing sync. */
export interface DocObserver<T> {
  opened(doc: T): void;
  /** Awaited before the document is destroyed, so a provider can detach and record what the server has. */
  closing(doc: T): Promise<void> | void;
}

export interface DocPoolOptions<K, T> {
  load(key: K): Promise<T>;
  /** Resolves once nothing of the document is still being written. */
  settle(doc: T): Promise<void>;
  destroy(doc: T): void;
  /** How long a document stays open after its last user leaves (default LINGER_MS). */
  lingerMs?: number;
}

/** Keep a document a little after its last screen leaves: going back and forth should not reload it. */
export const LINGER_MS = 30_000;

interface Entry<T> {
  opened: Promise<T>;
  users: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

export class DocPool<K, T> {
  private readonly options: DocPoolOptions<K, T>;
  private readonly open = new Map<K, Entry<T>>();
  /** Documents being closed: one acquired again meanwhile loads only once its old copy is gone. */
  private readonly closing = new Map<K, Promise<void>>();
  private readonly observers = new Set<DocObserver<T>>();

  constructor(options: DocPoolOptions<K, T>) {
    this.options = options;
  }

  acquire(key: K): Promise<T> {
    let entry = this.open.get(key);
    if (!entry) {
      // Reopened while its old copy still closes: the sync layer would see the new copy while it still holds
      // the old one's provider, and never attach it. Waiting keeps one copy per document at a time.
      const previous = this.closing.get(key) ?? Promise.resolve();
      entry = {
        opened: previous
          .then(() => this.options.load(key))
          .then((doc) => {
            this.observers.forEach((observer) => observer.opened(doc));
            return doc;
          }),
        users: 0,
        closeTimer: null,
      };
      this.open.set(key, entry);
    }
    entry.users++;
    if (entry.closeTimer) {
      clearTimeout(entry.closeTimer);
      entry.closeTimer = null;
    }
    return entry.opened;
  }

  /**
   * `lingerMs`: how long the document stays open once nobody uses it. A screen keeps the default; the background
   * pass lets go at once, so a document it only synced does not stay attached to the socket (after a network blip
   * every attached document authenticates again at once).
   */
  release(key: K, lingerMs = this.options.lingerMs ?? LINGER_MS): void {
    const entry = this.open.get(key);
    if (!entry) return;
    entry.users = Math.max(0, entry.users - 1);
    if (entry.users > 0 || entry.closeTimer) return;
    entry.closeTimer = setTimeout(() => {
      // Closed meanwhile by closeAll, and perhaps reopened: the newer copy is not this timer's to close.
      if (entry.users > 0 || this.open.get(key) !== entry) return;
      this.open.delete(key);
      this.closeEntry(key, entry);
    }, lingerMs);
  }

  /** Observers also learn of the documents already open when they subscribe. */
  observe(observer: DocObserver<T>): () => void {
    this.observers.add(observer);
    for (const entry of this.open.values())
      void entry.opened.then((doc) => this.observers.has(observer) && observer.opened(doc));
    return () => this.observers.delete(observer);
  }

  /** For tests and the benchmark: close every document now, after their writes are on disk. */
  async closeAll(): Promise<void> {
    const entries = [...this.open];
    this.open.clear();
    for (const [, entry] of entries) if (entry.closeTimer) clearTimeout(entry.closeTimer);
    await Promise.all(entries.map(([key, entry]) => this.closeEntry(key, entry)));
  }

  private closeEntry(key: K, entry: Entry<T>): Promise<void> {
    const closed = entry.opened
      .then((doc) => this.close(doc))
      .catch((error: unknown) => console.warn('closing a document failed', error))
      .finally(() => {
        if (this.closing.get(key) === closed) this.closing.delete(key);
      });
    this.closing.set(key, closed);
    return closed;
  }

  private async close(doc: T): Promise<void> {
    // Never drop what is still being written.
    await this.options.settle(doc);
    await Promise.all([...this.observers].map((observer) => observer.closing(doc)));
    this.options.destroy(doc);
  }
}
