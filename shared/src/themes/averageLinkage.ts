import type { SparseVector } from './tfidf.js';

/**
 * Cosine similarities of every pair of L2-normed vectors, as a dense n×n matrix. Built from
 * an inverted index (term → documents holding it), so only pairs sharing a term cost anything.
 */
export function similarityMatrix(vectors: readonly SparseVector[]): Float32Array {
  const n = vectors.length;
  const matrix = new Float32Array(n * n);
  const postings = new Map<number, { doc: number; weight: number }[]>();
  vectors.forEach((vector, doc) =>
    vector.terms.forEach((term, i) => {
      const list = postings.get(term) ?? [];
      list.push({ doc, weight: vector.weights[i] as number });
      postings.set(term, list);
    }),
  );
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const { doc: i, weight: wi } = list[a] as { doc: number; weight: number };
      for (let b = a + 1; b < list.length; b++) {
        const { doc: j, weight: wj } = list[b] as { doc: number; weight: number };
        matrix[i * n + j] = (matrix[i * n + j] as number) + wi * wj;
        matrix[j * n + i] = matrix[i * n + j] as number;
      }
    }
  }
  return matrix;
}

/**
 * Agglomerative clustering with average linkage: start with one cluster per item and keep
 * joining the two clusters whose members are, on average, the most similar, until no pair
 * reaches `threshold`. Returns the clusters as lists of item indices (ascending), in the
 * order of their first item. Deterministic: ties go to the lowest indices.
 *
 * `similarity` is an n×n symmetric matrix; it is overwritten (Lance–Williams updates).
 * Each cluster keeps its best partner, so a join costs O(n) plus rescans of the rows that
 * pointed at the joined pair and moved away from it: about O(n²) in all, not O(n³).
 */
export function averageLinkage(similarity: Float32Array, n: number, threshold: number): number[][] {
  const sim = (i: number, j: number) => similarity[i * n + j] as number;
  /** Clusters still standing, by their lowest item, ascending (so ties go to the lowest). */
  const alive = Array.from({ length: n }, (_, i) => i);
  const size = new Int32Array(n).fill(1);
  const members = Array.from({ length: n }, (_, i) => [i]);
  const best = new Int32Array(n).fill(-1);
  const bestSim = new Float64Array(n).fill(-Infinity);

  const rescan = (i: number) => {
    let partner = -1;
    let score = -Infinity;
    for (const k of alive) {
      if (k !== i && sim(i, k) > score) [partner, score] = [k, sim(i, k)];
    }
    best[i] = partner;
    bestSim[i] = score;
  };
  for (const i of alive) rescan(i);

  for (;;) {
    let a = -1;
    for (const i of alive)
      if (best[i] !== -1 && (a === -1 || (bestSim[i] as number) > (bestSim[a] as number))) a = i;
    if (a === -1 || (bestSim[a] as number) < threshold) break;
    const partner = best[a] as number;
    const [keep, gone] = a < partner ? [a, partner] : [partner, a];
    const [sKeep, sGone] = [size[keep] as number, size[gone] as number];
    alive.splice(alive.indexOf(gone), 1);
    for (const k of alive) {
      if (k === keep) continue;
      const joined = (sKeep * sim(keep, k) + sGone * sim(gone, k)) / (sKeep + sGone);
      similarity[keep * n + k] = joined;
      similarity[k * n + keep] = joined;
    }
    size[keep] = sKeep + sGone;
    members[keep] = [...(members[keep] as number[]), ...(members[gone] as number[])];
    rescan(keep);
    for (const k of alive) {
      if (k === keep) continue;
      const toKeep = sim(k, keep);
      if (best[k] === keep || best[k] === gone) {
        // Still at least as close to the joined cluster: nothing else can have overtaken it.
        if (toKeep >= (bestSim[k] as number)) [best[k], bestSim[k]] = [keep, toKeep];
        else rescan(k);
      } else if (
        toKeep > (bestSim[k] as number) ||
        (toKeep === bestSim[k] && keep < (best[k] as number))
      )
        [best[k], bestSim[k]] = [keep, toKeep];
    }
  }
  return alive.map((i) => [...(members[i] as number[])].sort((x, y) => x - y));
}
