import { describe, expect, it } from 'vitest';
import { distribution, pooledP99Intervals } from './stats.js';

/** A run of `count` receipts spread evenly over [from, to). */
function run(from: number, to: number, count = 500): Float64Array {
  return Float64Array.from({ length: count }, (_, i) => from + ((to - from) * i) / count);
}

describe('pooledP99Intervals', () => {
  it('resamples whole runs: runs that agree leave no room, however many receipts vary', () => {
    const same = [run(0, 10), run(0, 10), run(0, 10), run(0, 10)];
    const { first } = pooledP99Intervals(same);
    // Resampling receipts one by one would move the p99 among the top receipts.
    const p99 = distribution(Array.from(same[0]!)).p99;
    expect(first).toEqual({ low: p99, high: p99 });
  });

  it('widens with the runs’ disagreement and holds the pooled p99', () => {
    const agreeing = [run(0, 10), run(0, 10.2), run(0, 9.8), run(0, 10.1), run(0, 9.9)];
    const disagreeing = [run(0, 10), run(0, 30), run(0, 5), run(0, 12), run(0, 8)];
    const narrow = pooledP99Intervals(agreeing).first;
    const wide = pooledP99Intervals(disagreeing).first;
    expect(wide.high - wide.low).toBeGreaterThan(5 * (narrow.high - narrow.low));
    const pooled = distribution(disagreeing.flatMap((r) => Array.from(r))).p99;
    expect(wide.low).toBeLessThanOrEqual(pooled);
    expect(wide.high).toBeGreaterThanOrEqual(pooled);
  });

  it('puts a clear difference wholly on one side of zero, and an even one across it', () => {
    const slow = [run(0, 20), run(0, 21), run(0, 19), run(0, 22)];
    const fast = [run(0, 10), run(0, 11), run(0, 9), run(0, 12)];
    const clear = pooledP99Intervals(slow, fast).difference!;
    expect(clear.low).toBeGreaterThan(5);
    const even = pooledP99Intervals(fast, [run(0, 9), run(0, 12), run(0, 11), run(0, 10)]);
    expect(even.difference!.low).toBeLessThan(0);
    expect(even.difference!.high).toBeGreaterThan(0);
  });

  it('gives the same intervals for the same runs', () => {
    const runs = [run(0, 10), run(0, 30), run(0, 5), run(0, 12)];
    expect(pooledP99Intervals(runs, runs.slice(1))).toEqual(
      pooledP99Intervals(runs, runs.slice(1)),
    );
  });
});
