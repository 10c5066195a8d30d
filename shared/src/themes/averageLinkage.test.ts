import { describe, expect, it } from 'vitest';
import { averageLinkage, similarityMatrix } from './averageLinkage.js';

function matrixOf(rows: number[][]): Float32Array {
  return Float32Array.from(rows.flat());
}

/** The textbook O(n³) average linkage, to check the fast one against. */
function naiveAverageLinkage(sim: number[][], threshold: number): number[][] {
  const clusters = sim.map((_, i) => [i]);
  for (;;) {
    let best = -Infinity;
    let pair: [number, number] | undefined;
    for (let a = 0; a < clusters.length; a++)
      for (let b = a + 1; b < clusters.length; b++) {
        let sum = 0;
        for (const i of clusters[a] ?? [])
          for (const j of clusters[b] ?? []) sum += sim[i]?.[j] ?? 0;
        const average = sum / ((clusters[a]?.length ?? 1) * (clusters[b]?.length ?? 1));
        if (average > best + 1e-9) [best, pair] = [average, [a, b]];
      }
    if (!pair || best < threshold) break;
    const [a, b] = pair;
    clusters[a] = [...(clusters[a] ?? []), ...(clusters[b] ?? [])].sort((x, y) => x - y);
    clusters.splice(b, 1);
  }
  return clusters.sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
}

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('average-linkage clustering', () => {
  it('joins the most similar items and stops under the threshold', () => {
    const sim = [
      [1, 0.9, 0.1, 0],
      [0.9, 1, 0.2, 0],
      [0.1, 0.2, 1, 0],
      [0, 0, 0, 1],
    ];
    // {0,1} join at 0.9; {0,1} and 2 average (0.1 + 0.2) / 2 = 0.15.
    expect(averageLinkage(matrixOf(sim), 4, 0.2)).toEqual([[0, 1], [2], [3]]);
    expect(averageLinkage(matrixOf(sim), 4, 0.15)).toEqual([[0, 1, 2], [3]]);
    expect(averageLinkage(matrixOf(sim), 4, 0.95)).toEqual([[0], [1], [2], [3]]);
  });

  it('gives the same clusters as the textbook algorithm on random similarities', () => {
    const random = seeded(7);
    for (let round = 0; round < 20; round++) {
      const n = 5 + Math.floor(random() * 30);
      const sim = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          // Float32 values, as the fast version stores them, so both compare the same numbers.
          const value = Math.fround(random() < 0.6 ? 0 : random());
          (sim[i] as number[])[j] = value;
          (sim[j] as number[])[i] = value;
        }
      const threshold = 0.1 + random() * 0.3;
      const fast = averageLinkage(matrixOf(sim), n, threshold).sort(
        (x, y) => (x[0] ?? 0) - (y[0] ?? 0),
      );
      expect(fast).toEqual(naiveAverageLinkage(sim, threshold));
    }
  });

  it('computes cosine similarities of sparse vectors', () => {
    const s = Math.SQRT1_2;
    const matrix = similarityMatrix([
      { terms: [0, 1], weights: [s, s] },
      { terms: [1], weights: [1] },
      { terms: [2], weights: [1] },
    ]);
    expect(matrix[0 * 3 + 1]).toBeCloseTo(s);
    expect(matrix[1 * 3 + 0]).toBeCloseTo(s);
    expect(matrix[0 * 3 + 2]).toBe(0);
    expect(matrix[0]).toBe(0);
  });
});
