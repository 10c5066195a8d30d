/**
 * Names compared the way people mean them: without case, accents or typographic apostrophes,
 * so that "Élodie", "ELODIE" and "elodie" are one name and "D’Amico" is "d'amico".
 */
export function normaliseName(text: string): string {
  if (text.length > 40) return normaliseUncached(text);
  let name = cache.get(text);
  if (name === undefined) {
    // A bounded memo: the same few thousand words come back in every verbatim.
    if (cache.size >= 20_000) cache.clear();
    name = normaliseUncached(text);
    cache.set(text, name);
  }
  return name;
}

const cache = new Map<string, string>();

function normaliseUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’ʼ`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
