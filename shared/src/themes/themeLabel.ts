import type { FrenchToken } from './frenchText.js';

/** What the texts say about each stem: how it was written, and how often as a noun. */
export interface StemUsage {
  forms: Map<string, number>;
  occurrences: number;
  asNoun: number;
}

export type StemUsages = Map<string, StemUsage>;

export function stemUsages(documents: readonly (readonly FrenchToken[])[]): StemUsages {
  const usages: StemUsages = new Map();
  for (const tokens of documents)
    for (const { stem, form, likelyNoun } of tokens) {
      const usage = usages.get(stem) ?? { forms: new Map(), occurrences: 0, asNoun: 0 };
      usage.forms.set(form, (usage.forms.get(form) ?? 0) + 1);
      usage.occurrences += 1;
      if (likelyNoun) usage.asNoun += 1;
      usages.set(stem, usage);
    }
  return usages;
}

/** The form written most often (the first seen on a tie): « logement », not « logements ». */
function usualForm(usages: StemUsages, stem: string): string {
  let chosen = stem;
  let most = 0;
  for (const [form, count] of usages.get(stem)?.forms ?? [])
    if (count > most) [chosen, most] = [form, count];
  return chosen;
}

/** Nouns make better theme names than verbs: « Transport, voiture » rather than « existait ». */
function nounShare(usages: StemUsages, stem: string): number {
  const usage = usages.get(stem);
  return usage && usage.occurrences > 0 ? usage.asNoun / usage.occurrences : 0;
}

export interface GroupTerms {
  /** The distinctive stems, most distinctive first. */
  stems: string[];
  /** « Logement, loyer »: their usual written forms, the first capitalised. */
  label: string;
}

/**
 * A group's (up to) 3 most distinctive stems: the share of its documents holding the stem, weighted
 * by how rare the stem is in the whole collection (idf) and by how often it is used as a noun.
 * Only stems shared by at least two of the group's documents are taken (when there are any);
 * ties keep the order the words come in (« mission locale »).
 *
 * `groupStems` lists each document's stems in reading order.
 */
export function groupTerms(
  groupStems: readonly (readonly string[])[],
  idfOf: (stem: string) => number,
  usages: StemUsages,
): GroupTerms {
  const holders = new Map<string, number>();
  for (const stems of groupStems)
    for (const stem of new Set(stems)) holders.set(stem, (holders.get(stem) ?? 0) + 1);
  const ranked = [...holders]
    .map(([stem, count]) => ({
      stem,
      count,
      score: (count / groupStems.length) * idfOf(stem) * (1 + nounShare(usages, stem)),
    }))
    .sort((a, b) => Number(b.count >= 2) - Number(a.count >= 2) || b.score - a.score);
  // Only words shared by two documents or more: a word of one card does not describe a group.
  const shared = ranked.filter((term) => term.count >= 2);
  const stems = (shared.length > 0 ? shared : ranked).slice(0, 3).map((term) => term.stem);
  const words = stems.map((stem) => usualForm(usages, stem));
  const label = words.join(', ');
  return { stems, label: label.charAt(0).toUpperCase() + label.slice(1) };
}
