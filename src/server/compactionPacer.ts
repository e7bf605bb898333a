// Compactions take turns with the network. Documents loaded together (a region reconnecting at once) reach
// Hocuspocus's longest store delay together, and each compaction (encoding the whole document, merging it into the
// stored state, writing it and its history row) runs on the event loop. Two hundred of them back to back held every
// socket for most of a second. Here only a few run at once, and each starts in a turn of the event loop of its own,
// so the messages that arrived meanwhile are read and relayed between any two of them.

export interface CompactionPacer {
  /** Runs `task` once its turn comes (after those given before); resolves or rejects as it does. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Compactions waiting for their turn. */
  waiting(): number;
}

export const DEFAULT_COMPACTIONS_AT_ONCE = 2;

export function createCompactionPacer(atOnce = DEFAULT_COMPACTIONS_AT_ONCE): CompactionPacer {
  const queue: Array<() => void> = [];
  let running = 0;
  let scheduled = false;
  const startNext = () => {
    scheduled = false;
    const start = queue.shift();
    if (start === undefined) return;
    start();
    schedule();
  };
  // setImmediate, not a microtask: the next compaction waits for the poll phase, where the sockets are read.
  const schedule = () => {
    if (scheduled || queue.length === 0 || running >= atOnce) return;
    scheduled = true;
    setImmediate(startNext);
  };
  return {
    run<T>(task: () => Promise<T>) {
      return new Promise<T>((resolve, reject) => {
        queue.push(() => {
          running++;
          let result: Promise<T>;
          try {
            result = task();
          } catch (error) {
            result = Promise.reject(error);
          }
          result.then(resolve, reject).finally(() => {
            running--;
            schedule();
          });
        });
        schedule();
      });
    },
    waiting: () => queue.length,
  };
}
