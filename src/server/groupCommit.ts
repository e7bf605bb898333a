// Group commit: updates that arrive within a few milliseconds are written in one transaction (one flush to disk),
// and each is acknowledged only once that transaction has committed. A failed commit rejects every update in it,
// or, with `retry`, is tried again (in order, before anything queued after it) until it commits or the queue stops.

/** One update waiting to be logged. */
export interface QueuedUpdate {
  name: string;
  update: Uint8Array;
}

/** Writes the batch in one transaction; resolves with each update's log sequence, in batch order. */
export type CommitBatch = (batch: readonly QueuedUpdate[]) => Promise<number[]>;

export interface GroupCommitOptions {
  /**
   * How long the first update of an idle queue waits for others (GROUP_COMMIT_MS). 0 turns grouping off: each
   * update is its own transaction, at once (the behaviour before group commit, kept for comparison).
   */
  windowMs: number;
  /** A batch this large is committed without waiting for the window. */
  maxBatch?: number;
  /**
   * Nor one holding this many bytes of updates; a batch never holds more, unless its one update alone does (a
   * statement parameter of PostgreSQL cannot exceed 1 GB, and a batch must not grow until it could never pass).
   */
  maxBatchBytes?: number;
  /**
   * Retry a failed transaction after these delays (doubling from the first up to the last) instead of rejecting
   * its updates: the server has already applied and relayed them, so it must make them durable, not drop them.
   */
  retry?: { firstDelayMs: number; maxDelayMs: number };
  /** Told of each failed attempt, with the documents of the batch (to close their sockets as unavailable). */
  onFailure?(error: unknown, names: readonly string[]): void;
}

export interface GroupCommit {
  /** Resolves with the update's log sequence once it is durable; rejects if its transaction failed. */
  append(name: string, update: Uint8Array): Promise<number>;
  /** Resolves once every update appended so far has committed or failed. */
  drain(): Promise<void>;
  /** Stops retrying: a batch that fails from now on rejects its updates. Then drains. */
  stop(): Promise<void>;
  /** Transactions committed and updates in them, since the start. */
  counts(): { commits: number; updates: number };
}

interface Waiting extends QueuedUpdate {
  resolve(seq: number): void;
  reject(error: unknown): void;
}

export const DEFAULT_GROUP_COMMIT_MS = 2;
const DEFAULT_MAX_BATCH = 1000;
const DEFAULT_MAX_BATCH_BYTES = 32 * 1024 * 1024;

/** Calls `commit` even if it throws before returning its promise. */
function run(commit: CommitBatch, batch: readonly QueuedUpdate[]): Promise<number[]> {
  try {
    return commit(batch);
  } catch (error) {
    return Promise.reject(error);
  }
}

export function createGroupCommit(commit: CommitBatch, options: GroupCommitOptions): GroupCommit {
  const { windowMs, maxBatch = DEFAULT_MAX_BATCH, maxBatchBytes = DEFAULT_MAX_BATCH_BYTES } = options;
  let stopped = false;
  /** Cuts the current wait between two attempts short, when the queue stops. */
  let wakeRetry: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeRetry = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wakeRetry = null;
    });
  const attempt = async (batch: readonly QueuedUpdate[]): Promise<number[]> => {
    let delay = options.retry?.firstDelayMs ?? 0;
    for (;;) {
      try {
        return await run(commit, batch);
      } catch (error) {
        options.onFailure?.(
          error,
          batch.map(({ name }) => name),
        );
        if (options.retry === undefined || stopped) throw error;
        await pause(delay);
        if (stopped) throw error;
        delay = Math.min(delay * 2, options.retry.maxDelayMs);
      }
    }
  };
  let queue: Waiting[] = [];
  let queuedBytes = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** One transaction at a time: log sequences follow arrival order, and whatever queued meanwhile goes next. */
  let running: Promise<void> | null = null;
  const inFlight = new Set<Promise<unknown>>();
  let commits = 0;
  let updates = 0;

  const commitNext = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (running !== null || queue.length === 0) return;
    let count = 0;
    let bytes = 0;
    for (const waiting of queue) {
      const size = waiting.update.length;
      if (count === maxBatch || (count > 0 && bytes + size > maxBatchBytes)) break;
      count += 1;
      bytes += size;
    }
    const batch = queue.slice(0, count);
    queue = queue.slice(count);
    queuedBytes -= bytes;
    // Only the data: the batch may cross to another thread, where the callbacks could not go.
    const items = batch.map(({ name, update }) => ({ name, update }));
    running = attempt(items).then(
      (seqs) => {
        commits += 1;
        updates += batch.length;
        batch.forEach((waiting, i) => waiting.resolve(seqs[i] ?? Number.NaN));
      },
      (error: unknown) => {
        for (const waiting of batch) waiting.reject(error);
      },
    );
    void running.finally(() => {
      running = null;
      commitNext();
    });
  };

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    const forget = () => inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  };

  const drain = async () => {
    commitNext();
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  return {
    append(name, update) {
      if (windowMs <= 0) {
        return track(
          attempt([{ name, update }]).then((seqs) => {
            commits += 1;
            updates += 1;
            return seqs[0] ?? Number.NaN;
          }),
        );
      }
      return track(
        new Promise<number>((resolve, reject) => {
          queue.push({ name, update, resolve, reject });
          queuedBytes += update.length;
          if (queue.length >= maxBatch || queuedBytes >= maxBatchBytes) commitNext();
          else if (timer === null && running === null) timer = setTimeout(commitNext, windowMs);
        }),
      );
    },
    drain,
    async stop() {
      stopped = true;
      wakeRetry?.();
      await drain();
    },
    counts: () => ({ commits, updates }),
  };
}
