import { averageLinkage, similarityMatrix } from './averageLinkage.js';
import { tokenizeFrench, type FrenchToken } from './frenchText.js';
import { groupTerms, stemUsages } from './themeLabel.js';
import { tfidf } from './tfidf.js';

export interface TextToGroup {
  id: string;
  text: string;
}

export interface ThemeSuggestion {
  /** « Logement, loyer »: the group's distinctive words, as the facilitator's starting label. */
  label: string;
  /** The ids of the texts in the group, in the order they were given. */
  ids: string[];
}

export interface ThemeSuggestions {
  /** Largest group first. */
  suggestions: ThemeSuggestion[];
  /** Texts that share no vocabulary with any group (« non regroupées »), in the order given. */
  ungrouped: string[];
}

export interface SuggestThemesOptions {
  /**
   * Groups stop joining when the average cosine similarity between their members falls
   * under this (default 0.05: members share, on average, a little vocabulary).
   */
  threshold?: number;
}

export const defaultSuggestionThreshold = 0.05;

/**
 * Groups short French texts (observation verbatims) by shared vocabulary, all computed here:
 * tokenised and stemmed (frenchText), weighted by TF-IDF, clustered by average linkage on
 * cosine similarity; groups of one are left ungrouped. The same input gives the same output.
 */
export function suggestThemes(
  texts: readonly TextToGroup[],
  options: SuggestThemesOptions = {},
): ThemeSuggestions {
  const tokens: FrenchToken[][] = texts.map((t) => tokenizeFrench(t.text));
  const stems = tokens.map((list) => list.map((token) => token.stem));
  // A word counts once per text: a short verbatim repeats a word for style, not for topic.
  const model = tfidf(stems.map((list) => new Map(list.map((stem) => [stem, 1]))));
  const clusters = averageLinkage(
    similarityMatrix(model.vectors),
    texts.length,
    options.threshold ?? defaultSuggestionThreshold,
  );

  const usages = stemUsages(tokens);
  const idfByStem = new Map(model.vocabulary.map((stem, i) => [stem, model.idf[i] as number]));
  // Stems too rare (or too common) for the model still describe a group: weigh them as rare.
  const idfOf = (stem: string) => idfByStem.get(stem) ?? Math.log(texts.length) + 1;

  const suggestions: ThemeSuggestion[] = [];
  const ungrouped: number[] = [];
  for (const cluster of clusters) {
    if (cluster.length < 2) {
      ungrouped.push(...cluster);
      continue;
    }
    const { label } = groupTerms(
      cluster.map((i) => stems[i] as string[]),
      idfOf,
      usages,
    );
    suggestions.push({ label, ids: cluster.map((i) => (texts[i] as TextToGroup).id) });
  }
  suggestions.sort((a, b) => b.ids.length - a.ids.length);
  return {
    suggestions,
    ungrouped: ungrouped.sort((a, b) => a - b).map((i) => (texts[i] as TextToGroup).id),
  };
}
