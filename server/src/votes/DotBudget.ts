/**
 * How many dot changes one person may send to one vote: a burst of `burst`, then `perSecond`
 * (a token bucket). Honest clicking never reaches it; a script hammering the route is refused
 * with 429 instead of holding the database. Full buckets are forgotten, so memory is bounded
 * by the people actively clicking.
 */
export class DotBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly now: () => number;

  constructor(options: { now: () => number; burst?: number; perSecond?: number }) {
    this.now = options.now;
    this.burst = options.burst ?? 60;
    this.perSecond = options.perSecond ?? 10;
  }

  /** Takes one token for `key`; false when none is left. */
  take(key: string): boolean {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(
      this.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond,
    );
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return false;
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return true;
  }

  clear(): void {
    this.buckets.clear();
  }

  /** Drops buckets that have refilled: they are the same as no bucket. */
  private sweep(now: number): void {
    if (this.buckets.size < 1_000) return;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) {
        this.buckets.delete(key);
      }
    }
  }
}
