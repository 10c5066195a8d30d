/**
 * Text as the board's search compares it: French readers type « evenement » for « événement »,
 * « oeuvre » for « œuvre » and a straight apostrophe for the typographic one, so all of these
 * are folded away on both sides of the comparison.
 */

const combiningMarks = /\p{M}/gu;
const apostrophes = /[’‘ʼ`´]/g;
const dashes = /[‐‑‒–—―]/g;
const spaces = /\s+/g;

export function normaliseText(text: string): string {
  return (
    text
      // NFKD splits accents from their letters and unfolds compatibility forms (ﬁ, nbsp, ᵉ).
      .normalize('NFKD')
      .replace(combiningMarks, '')
      .toLowerCase()
      // œ and æ are letters of their own in Unicode, not compatibility ligatures: NFKD keeps them.
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      .replace(apostrophes, "'")
      .replace(dashes, '-')
      .replace(spaces, ' ')
      .trim()
  );
}

/** The words of a query, each of which must appear in a card (in any order). */
export function queryTerms(query: string): string[] {
  const normalised = normaliseText(query);
  if (normalised === '') return [];
  return [...new Set(normalised.split(' '))];
}
