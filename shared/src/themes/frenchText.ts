import { foldAccents } from './foldAccents.js';
import { stemFrench } from './frenchStemmer.js';
import { frenchStopWords } from './frenchStopWords.js';

/** One meaningful word of a text: as written (lower case but for acronyms), and its stem. */
export interface FrenchToken {
  form: string;
  stem: string;
  /** Right after an article or a possessive (« le car », « l’hôpital », « mes papiers »). */
  likelyNoun: boolean;
}

/** Articles, possessives and demonstratives: the word after them is most often a noun. */
const determiners = new Set(
  'le la les l un une des du au aux mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces'.split(
    ' ',
  ),
);

/** Elided articles and pronouns written before a vowel: « l’hôpital », « qu’il », « jusqu’à ». */
const elision = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’](.+)$/i;

/** Letters (any script, with accents), apostrophes and digits; everything else splits words. */
const wordPattern = /[\p{L}\p{N}'’]+/gu;

/** Where a sentence starts, a capital says nothing; elsewhere it marks a name. */
const sentenceStart = /(?:^|[.!?…:;«"“(\n]\s*)$/u;

/**
 * « Montval », « Lambert », « d’Arvière »: a capital then small letters inside a sentence or
 * after an elision (« CIAS », « RSA » are acronyms, kept).
 */
function isProperName(word: string, before: string, afterElision: boolean): boolean {
  return /^\p{Lu}\p{Ll}/u.test(word) && (afterElision || !sentenceStart.test(before));
}

/**
 * « qu’aujourd’hui » → [« aujourd », « hui »]; « l’hôpital » → [« l », « hôpital »]: the
 * elided word is kept (as a stop word it is dropped later) so that an article is seen.
 */
function splitElisions(word: string): string[] {
  const pieces: string[] = [];
  let rest = word;
  for (let match = elision.exec(rest); match; match = elision.exec(rest)) {
    pieces.push(rest.slice(0, rest.length - (match[1] ?? '').length - 1));
    rest = match[1] ?? '';
  }
  return [...pieces, ...rest.split(/['’]/).filter(Boolean)];
}

/**
 * The words of a French text that say what it is about: lower-cased, elisions split off,
 * stop words, numbers, one-letter words and proper names (a capital inside a sentence:
 * places and people say nothing about a topic, and a name must not become a theme's label)
 * dropped, each with its stem.
 */
export function tokenizeFrench(text: string): FrenchToken[] {
  const tokens: FrenchToken[] = [];
  let previous = '';
  for (const match of text.matchAll(wordPattern)) {
    const before = text.slice(Math.max(0, match.index - 3), match.index);
    splitElisions(match[0]).forEach((piece, i) => {
      const form = piece.toLowerCase();
      const afterDeterminer = determiners.has(previous);
      previous = form;
      if (form.length < 2 || /\p{N}/u.test(form)) return;
      if (isProperName(piece, before, i > 0)) return;
      if (frenchStopWords.has(foldAccents(form))) return;
      // Acronyms keep their capitals in labels (« CIAS », « RSA »).
      const written = /^\p{Lu}{2,}$/u.test(piece) ? piece : form;
      tokens.push({ form: written, stem: stemFrench(form), likelyNoun: afterDeterminer });
    });
  }
  return tokens;
}
