import { foldAccents } from './foldAccents.js';

/**
 * A light French stemmer written for Boussole: a simplified reading of the Snowball French
 * algorithm. It strips the common derivational suffixes, then verb endings, then plural and
 * feminine marks, with a minimum stem length instead of Snowball's RV/R1/R2 regions, and no
 * exception lists. Good enough to join « logement, logements, loger » or « transport,
 * transports »; it makes mistakes a full Snowball stemmer would not.
 *
 * Takes one lower-case word with its accents (they disambiguate endings such as « -é »);
 * returns the stem with accents folded.
 */

const MIN_STEM = 3;

/** [suffix, replacement], longest first within each list. */
const derivational: ReadonlyArray<readonly [string, string]> = [
  ['issements', ''],
  ['issement', ''],
  ['atrices', ''],
  ['ateurs', ''],
  ['ations', ''],
  ['atrice', ''],
  ['ateur', ''],
  ['ation', ''],
  ['logies', 'log'],
  ['logie', 'log'],
  ['usions', 'u'],
  ['utions', 'u'],
  ['usion', 'u'],
  ['ution', 'u'],
  ['amment', 'ant'],
  ['emment', 'ent'],
  ['ements', ''],
  ['ement', ''],
  ['ences', 'ent'],
  ['ence', 'ent'],
  ['ances', ''],
  ['ance', ''],
  ['istes', ''],
  ['iste', ''],
  ['ismes', ''],
  ['isme', ''],
  ['iques', ''],
  ['ique', ''],
  ['ables', ''],
  ['able', ''],
  ['ibles', ''],
  ['ible', ''],
  ['euses', ''],
  ['euse', ''],
  ['eux', ''],
  ['ités', ''],
  ['ité', ''],
  ['ives', ''],
  ['ive', ''],
  ['ifs', ''],
  ['if', ''],
];

const verbEndings: readonly string[] = [
  'issaient',
  'eraient',
  'issions',
  'issais',
  'issait',
  'issant',
  'issent',
  'issiez',
  'issons',
  'erions',
  'assent',
  'aient',
  'erais',
  'erait',
  'eriez',
  'erons',
  'eront',
  'èrent',
  'antes',
  'issez',
  'irent',
  'erai',
  'eras',
  'erez',
  'ante',
  'ants',
  'ions',
  'iez',
  'ais',
  'ait',
  'ant',
  'ées',
  'era',
  'ent',
  'ée',
  'és',
  'er',
  'ez',
  'ir',
  'é',
];

function stripFirst(word: string, suffixes: ReadonlyArray<readonly [string, string]>) {
  for (const [suffix, replacement] of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM)
      return word.slice(0, -suffix.length) + replacement;
  }
  return undefined;
}

const vowels = /[aeiouyâàéèêëîïôûùü]$/;

function stripVerbEnding(word: string): string | undefined {
  for (const ending of verbEndings) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    // « -ent » is a verb ending only after a consonant and with a stem long enough:
    // « parlent » → « parl », but « parent », « argent » stay whole.
    if (ending === 'ent' && (stem.length < 4 || vowels.test(stem))) continue;
    if (stem.length >= MIN_STEM) return stem;
  }
  return undefined;
}

function stripPlural(word: string): string {
  if (word.length <= MIN_STEM + 1) return word;
  if (word.endsWith('eaux')) return word.slice(0, -1);
  if (word.endsWith('aux')) return `${word.slice(0, -3)}al`;
  if (word.endsWith('s') && !/[aiouès]s$/.test(word)) return word.slice(0, -1);
  return word;
}

function tidyEnding(word: string): string {
  let w = word;
  if (w.length > MIN_STEM && (w.endsWith('ière') || w.endsWith('ier')))
    w = w.replace(/i(?:ère|er)$/, 'i');
  if (w.length > MIN_STEM && w.endsWith('e')) w = w.slice(0, -1);
  // Doubled consonants left by a removed ending: « personn(e) », « travaill(er) ».
  if (w.length > MIN_STEM && /(nn|tt|ll|ss)$/.test(w)) w = w.slice(0, -1);
  return w;
}

export function stemFrench(word: string): string {
  if (word.length <= MIN_STEM) return foldAccents(word);
  const singular = stripPlural(word);
  const stripped = stripFirst(singular, derivational) ?? stripVerbEnding(singular) ?? singular;
  return foldAccents(tidyEnding(stripped));
}
