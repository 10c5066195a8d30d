import { seededRandom } from '../tests/helpers/random.js';

export interface Distribution {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles; NaN everywhere when there is no sample. */
export function distribution(samples: readonly number[]): Distribution {
  if (samples.length === 0) return { count: 0, p50: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = Float64Array.from(samples).sort();
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    p50: rank(0.5),
    p99: rank(0.99),
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
  };
}

function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The nearest-rank quantile `p` of the union of some runs (each sorted), a run counted as many
 * times as it is listed, without building the union: the smallest candidate value that at
 * least ceil(p × total) receipts do not exceed.
 */
function pooledQuantile(
  runs: readonly Float64Array[],
  candidates: Float64Array,
  p: number,
): number {
  let total = 0;
  for (const run of runs) total += run.length;
  const rank = Math.max(1, Math.ceil(p * total));
  let lo = 0;
  let hi = candidates.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let atOrBelow = 0;
    for (const run of runs) atOrBelow += upperBound(run, candidates[mid]!);
    if (atOrBelow >= rank) hi = mid;
    else lo = mid + 1;
  }
  return candidates[lo]!;
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * How far the pooled p99 of repeated runs could move by chance: the 95 % interval of that p99
 * and, given a second server's runs, of the difference between the two (first minus second).
 *
 * Runs are resampled whole (a cluster bootstrap), never receipts one by one: every receipt of
 * a run shares that run's machine conditions, and the receipts of one update share its delay
 * in the server, so receipts are far from independent and resampling them singly would give
 * intervals much narrower than the runs' real disagreement.
 */
export function pooledP99Intervals(
  first: readonly ArrayLike<number>[],
  second: readonly ArrayLike<number>[] = [],
  { iterations = 2000, seed = 1 } = {},
): { first: Interval; difference?: Interval } {
  const random = seededRandom(seed);
  const prepare = (runs: readonly ArrayLike<number>[]) => {
    const sorted = runs.map((r) => Float64Array.from(r).sort()).filter((r) => r.length > 0);
    const all = new Float64Array(sorted.reduce((sum, r) => sum + r.length, 0));
    let at = 0;
    for (const r of sorted) {
      all.set(r, at);
      at += r.length;
    }
    return { sorted, candidates: all.sort() };
  };
  const a = prepare(first);
  const b = prepare(second);
  if (a.sorted.length === 0) throw new Error('pooledP99Intervals: no samples');
  const resample = (runs: Float64Array[]) =>
    Array.from({ length: runs.length }, () => runs[Math.floor(random() * runs.length)]!);
  const firstP99: number[] = [];
  const differences: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const p = pooledQuantile(resample(a.sorted), a.candidates, 0.99);
    firstP99.push(p);
    if (b.sorted.length > 0) {
      differences.push(p - pooledQuantile(resample(b.sorted), b.candidates, 0.99));
    }
  }
  const interval = (values: number[]): Interval => {
    const sorted = Float64Array.from(values).sort();
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    return { low: at(0.025), high: at(0.975) };
  };
  return b.sorted.length === 0
    ? { first: interval(firstP99) }
    : { first: interval(firstP99), difference: interval(differences) };
}
