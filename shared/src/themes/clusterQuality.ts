/**
 * How well a clustering recovers known classes. Both take, for each item, the id of its
 * predicted cluster and of its true class (any strings).
 */

function contingency(predicted: readonly string[], truth: readonly string[]) {
  if (predicted.length !== truth.length) throw new Error('predicted and truth differ in length');
  const table = new Map<string, Map<string, number>>();
  predicted.forEach((cluster, i) => {
    const row = table.get(cluster) ?? new Map<string, number>();
    const label = truth[i] as string;
    row.set(label, (row.get(label) ?? 0) + 1);
    table.set(cluster, row);
  });
  return table;
}

/** Share of items whose cluster's majority class is their own class (1 = every cluster pure). */
export function purity(predicted: readonly string[], truth: readonly string[]): number {
  if (predicted.length === 0) return 1;
  let majorities = 0;
  for (const row of contingency(predicted, truth).values()) majorities += Math.max(...row.values());
  return majorities / predicted.length;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Hubert and Arabie's adjusted Rand index: agreement on which pairs of items go together,
 * corrected for chance (1 = identical partitions, about 0 = no better than random).
 */
export function adjustedRandIndex(predicted: readonly string[], truth: readonly string[]): number {
  const table = contingency(predicted, truth);
  const n = predicted.length;
  let sumCells = 0;
  const truthSizes = new Map<string, number>();
  let sumClusters = 0;
  for (const row of table.values()) {
    let size = 0;
    for (const [label, count] of row) {
      sumCells += pairs(count);
      size += count;
      truthSizes.set(label, (truthSizes.get(label) ?? 0) + count);
    }
    sumClusters += pairs(size);
  }
  let sumClasses = 0;
  for (const size of truthSizes.values()) sumClasses += pairs(size);
  const expected = (sumClusters * sumClasses) / (pairs(n) || 1);
  const maximum = (sumClusters + sumClasses) / 2;
  if (maximum === expected) return 1;
  return (sumCells - expected) / (maximum - expected);
}
