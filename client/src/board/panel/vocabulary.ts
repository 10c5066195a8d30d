import { foldAccents } from '@boussole/shared';

/**
 * The workspace's own words for who and where (its publics and its communes' names), which
 * observations pick from so that counts per theme group « Saint-Étienne » and « saint etienne »
 * together. A value outside the lists is still allowed: the panel flags it, never refuses it.
 */

/** Case, accents, spaces and hyphens ignored: « Saint-Étienne » and « saint etienne » match. */
export function vocabularyKey(text: string): string {
  return foldAccents(text).replace(/[\s\-‐‑–—'’_.]+/g, '');
}

export type VocabularyMatch =
  { kind: 'empty' } | { kind: 'listed'; canonical: string } | { kind: 'offList' };

/** Whether `value` is one of `list` (as the workspace spells it), empty, or free entry. */
export function matchVocabulary(value: string, list: readonly string[]): VocabularyMatch {
  const key = vocabularyKey(value);
  if (key === '') return { kind: 'empty' };
  const canonical = list.find((entry) => vocabularyKey(entry) === key);
  return canonical === undefined ? { kind: 'offList' } : { kind: 'listed', canonical };
}
