/** A document as the terms it holds (indices into the vocabulary) and their weights, L2-normed. */
export interface SparseVector {
  terms: number[];
  weights: number[];
}

export interface TfidfModel {
  /** The stems kept, in first-seen order. */
  vocabulary: string[];
  /** In how many documents each kept stem appears. */
  documentFrequency: number[];
  /** log(N / df) + 1 per kept stem: rarer words weigh more. */
  idf: number[];
  vectors: SparseVector[];
}

export interface TfidfOptions {
  /** A stem in fewer documents joins no two documents: left out (default 2). */
  minDocuments?: number;
  /**
   * A stem in more than this share of the documents is left out (default 1: none is). The
   * idf already weighs common stems down; on a small board the word most cards share is
   * often the very theme, and must not be cut.
   */
  maxDocumentShare?: number;
}

/**
 * TF-IDF vectors of documents, each given as its stems and their term weights (the caller
 * decides what a term frequency is), each vector scaled to length 1 for cosine similarity.
 */
export function tfidf(
  documents: readonly ReadonlyMap<string, number>[],
  options: TfidfOptions = {},
): TfidfModel {
  const minDocuments = options.minDocuments ?? 2;
  const maxDocuments = Math.max(minDocuments, (options.maxDocumentShare ?? 1) * documents.length);
  const counts = new Map<string, number>();
  for (const terms of documents)
    for (const stem of terms.keys()) counts.set(stem, (counts.get(stem) ?? 0) + 1);

  const vocabulary: string[] = [];
  const documentFrequency: number[] = [];
  const index = new Map<string, number>();
  for (const [stem, df] of counts) {
    if (df < minDocuments || df > maxDocuments) continue;
    index.set(stem, vocabulary.length);
    vocabulary.push(stem);
    documentFrequency.push(df);
  }
  const idf = documentFrequency.map((df) => Math.log(documents.length / df) + 1);

  const vectors = documents.map((stems): SparseVector => {
    const entries = [...stems]
      .map(([stem, tf]) => [index.get(stem), tf] as const)
      .filter((entry): entry is readonly [number, number] => entry[0] !== undefined)
      .sort((a, b) => a[0] - b[0]);
    const raw = entries.map(([term, tf]) => tf * (idf[term] ?? 0));
    const norm = Math.hypot(...raw) || 1;
    return { terms: entries.map(([term]) => term), weights: raw.map((w) => w / norm) };
  });
  return { vocabulary, documentFrequency, idf, vectors };
}

/** Cosine similarity of two L2-normed sparse vectors (terms sorted ascending). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i] as number;
    const tb = b.terms[j] as number;
    if (ta === tb) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (ta < tb) i++;
    else j++;
  }
  return sum;
}
