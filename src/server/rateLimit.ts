// A token bucket: `burst` actions at once, then `perSecond` on average.

export class TokenBucket {
  private tokens: number;
  private last = performance.now();
  private readonly perSecond: number;
  private readonly burst: number;

  constructor(perSecond: number, burst: number) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
  }

  private refill(): void {
    const now = performance.now();
    if (now <= this.last) return; // suspended
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  /** Takes one token; false (and nothing taken) when the bucket is empty. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Empties the bucket and lets it refill only once `ms` have passed: no burst saved up while waiting. */
  suspend(ms: number): void {
    this.tokens = 0;
    this.last = performance.now() + ms;
  }

  /** Back to its full burst: forgetting it changes nothing. */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.burst;
  }
}
