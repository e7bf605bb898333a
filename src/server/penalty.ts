// Tokens that misbehaved wait before they may connect again. A device of the app never sends an update it
// cannot justify nor writes faster than the rate limit; a flooder that does would otherwise reconnect at once
// and make the server authenticate, attach and refuse it again, many times a second, at everyone's expense.
// Each further offence within the wait doubles it, up to `maxMs`; a token that keeps quiet for `maxMs` is forgotten.

export interface PenaltyBox {
  /** The token did something only a hostile or broken client does: returns how long it must now wait (ms). */
  punish(key: string): number;
  /** Milliseconds it must still wait before it is let in, or 0. */
  waitOf(key: string): number;
}

interface Penalty {
  until: number;
  nextMs: number;
}

export function createPenaltyBox(options: { firstMs: number; maxMs: number }): PenaltyBox {
  const penalties = new Map<string, Penalty>();
  const now = () => performance.now();
  const forgetStale = () => {
    const t = now();
    for (const [key, penalty] of penalties) if (penalty.until + options.maxMs < t) penalties.delete(key);
  };
  return {
    punish(key) {
      if (options.firstMs <= 0) return 0;
      if (penalties.size > 10_000) forgetStale();
      const t = now();
      const previous = penalties.get(key);
      // Offending again soon after the last wait ended counts as a repeat; long after, it starts over.
      const repeat = previous !== undefined && previous.until + options.maxMs >= t;
      const ms = repeat ? previous.nextMs : options.firstMs;
      const until = Math.max(previous?.until ?? 0, t + ms);
      penalties.set(key, {
        until,
        nextMs: Math.min(ms * 2, options.maxMs),
      });
      return until - t;
    },
    waitOf(key) {
      const penalty = penalties.get(key);
      if (penalty === undefined) return 0;
      return Math.max(0, penalty.until - now());
    },
  };
}
