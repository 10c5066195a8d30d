/**
 * Counts failures (wrong password, bad invitation token) per key in a sliding window. Only
 * failures count: forty people of one workshop signing in from the town hall's single address
 * never touch the limit, while someone guessing one account's password, or link tokens, does.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.limit;
  }

  /** Seconds until the oldest counted failure leaves the window. */
  retryAfterSeconds(key: string): number {
    const oldest = this.recent(key)[0];
    return oldest === undefined ? 0 : Math.ceil((oldest + this.windowMs - this.now()) / 1000);
  }

  fail(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    this.failures.set(key, times);
    // Bound memory under a flood of distinct keys: forget the oldest entries first.
    if (this.failures.size > 100_000) {
      const first = this.failures.keys().next().value;
      if (first !== undefined) this.failures.delete(first);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}

export interface SlowDownPolicy {
  /** Failures heard at full speed (a few typos). */
  free: number;
  /** The wait after the first failure past `free`; it doubles with each further one… */
  firstDelayMs: number;
  /** …up to this: never a lock, at worst a few attempts per minute. */
  maxDelayMs: number;
  /** A key's failures are forgotten this long after its last one. */
  forgetAfterMs: number;
}

/**
 * Failures slow a key down instead of locking it: past a few free ones, each further attempt
 * must wait a delay that doubles with every failure, capped. An attacker keeps guessing at a
 * crawl, and whoever shares the key waits at most the cap, never a lock the attacker controls.
 */
export class FailureSlowDown {
  private readonly entries = new Map<string, { failures: number; last: number }>();

  constructor(
    private readonly policy: SlowDownPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  private entry(key: string): { failures: number; last: number } | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.last > this.policy.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Milliseconds before this key's next attempt is heard; 0 when it may try now. */
  waitMs(key: string): number {
    const entry = this.entry(key);
    if (!entry || entry.failures < this.policy.free) return 0;
    const doublings = Math.min(entry.failures - this.policy.free, 30);
    const delay = Math.min(this.policy.firstDelayMs * 2 ** doublings, this.policy.maxDelayMs);
    return Math.max(0, entry.last + delay - this.now());
  }

  fail(key: string): void {
    const failures = (this.entry(key)?.failures ?? 0) + 1;
    // Re-inserted last, so the oldest entries are the first forgotten under a flood of keys.
    this.entries.delete(key);
    this.entries.set(key, { failures, last: this.now() });
    if (this.entries.size > 100_000) {
      const first = this.entries.keys().next().value;
      if (first !== undefined) this.entries.delete(first);
    }
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }
}
