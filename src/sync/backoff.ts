// When to try the sync server again: capped exponential backoff with full jitter, a pure function.

export interface BackoffOptions {
  /** The first retry waits up to this long. */
  baseMs: number;
  /** No wait exceeds this, however many attempts failed: a phone in a dead zone still retries every minute. */
  maxMs: number;
  /** Never retry faster than this, so a server that refuses at once is not hammered. */
  minMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000, minMs: 250 };

/**
 * Delay before retry number `attempt` (0 = the first retry). Full jitter — a uniform draw below the capped
 * exponential — spreads the reconnections of many phones that lost the same hotel Wi-Fi at the same moment.
 * `random` returns a number in [0, 1), as Math.random does.
 */
export function nextDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const safeAttempt = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2 ** 31 already exceeds any cap; clamping the exponent keeps the arithmetic finite.
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(safeAttempt, 31));
  const raw = random();
  // A broken random source (NaN, out of range) must not turn into "retry now, forever".
  const draw = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), 1) : 1;
  return Math.round(Math.max(options.minMs, Math.min(ceiling, draw * ceiling)));
}
