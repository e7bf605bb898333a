// The reconnection schedule: capped exponential growth, full jitter, a floor, no surprises on odd input.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, nextDelay } from '../../../src/sync/backoff.ts';

const always = (value: number) => () => value;

describe('nextDelay', () => {
  it.each([
    // attempt, random, expected ms (base 1 s, cap 60 s, floor 250 ms)
    [0, 0.999999, 1_000],
    [1, 0.999999, 2_000],
    [2, 0.999999, 4_000],
    [5, 0.999999, 32_000],
    [6, 0.999999, 60_000],
    [50, 0.999999, 60_000],
    [1_000_000, 0.999999, 60_000],
    [3, 0.5, 4_000],
    [6, 0.5, 30_000],
    [0, 0, 250],
    [10, 0, 250],
    [0, 0.1, 250],
    [-3, 0.999999, 1_000],
    [Number.NaN, 0.999999, 1_000],
    [2.7, 0.999999, 4_000],
  ])('attempt %s with random %s waits %s ms', (attempt, random, expected) => {
    expect(nextDelay(attempt, always(random))).toBe(expected);
  });

  it('never leaves [floor, cap] whatever the random source returns', () => {
    for (const random of [-1, 0, 0.3, 1, 2, Number.NaN]) {
      for (let attempt = 0; attempt < 40; attempt++) {
        const delay = nextDelay(attempt, always(random));
        expect(delay).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.minMs);
        expect(delay).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
      }
    }
  });

  it('spreads devices that retry at the same attempt (jitter)', () => {
    const draws = [0.1, 0.35, 0.6, 0.85].map((r) => nextDelay(4, always(r)));
    expect(new Set(draws).size).toBe(4);
  });

  it('takes its bounds from the options', () => {
    expect(nextDelay(3, always(0.999999), { baseMs: 10, maxMs: 50, minMs: 5 })).toBe(50);
    expect(nextDelay(0, always(0), { baseMs: 10, maxMs: 50, minMs: 5 })).toBe(5);
  });
});
