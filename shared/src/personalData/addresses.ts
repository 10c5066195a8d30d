import type { Candidate } from './identifiers.js';

/**
 * Postal addresses: a number (with bis/ter), a type of street and its name, then optionally a
 * postcode and a town; or a "lieu-dit" and its name, which needs no number. A street type
 * alone is a common noun ("dans la rue", "3 places de parking"): without a number in front
 * nothing is matched.
 */

/** Each street type as written in lower case and with a capital ("rue", "Rue"). */
function bothCases(types: string[]): string {
  return types.flatMap((t) => [t, t.charAt(0).toUpperCase() + t.slice(1)]).join('|');
}

// Types whose name may be written in lower case in notes ("12 rue de la gare").
const unambiguousTypes = bothCases([
  'rue',
  String.raw`r\.`,
  'ruelle',
  'avenue',
  String.raw`av\.`,
  'bd',
  'boulevard',
  'chemin',
  String.raw`ch\.`,
  'impasse',
  String.raw`imp\.`,
  'all[ée]e',
  'quai',
  'r[ée]sidence',
  'hameau',
  'faubourg',
  'mont[ée]e',
  'esplanade',
  'lotissement',
  'rond-point',
  'chauss[ée]e',
  'sentier',
  'venelle',
  'lieu-dit',
]);
// Types that are also ordinary words ("2 cours de yoga", "3 place"): a capitalised name only.
const ambiguousTypes = bothCases([
  'place',
  String.raw`pl\.`,
  'route',
  'rte',
  'cours',
  'square',
  'passage',
  'voie',
  'cit[ée]',
  'villa',
  'domaine',
  'clos',
  'parvis',
  'carrefour',
  'mail',
  'traverse',
  'promenade',
]);

const particle = String.raw`(?:de|du|des|la|le|les|l['’]|d['’]|aux|au)`;
/** Words that start the next clause rather than continue a street or town name. */
const notAName = String.raw`(?!(?:T[ée]l|Port|Mob|Portable|Mail|Courriel|Contact|Il|Elle|Ils|Elles|On|Je|Nous|Vous|Mais|Et|Depuis|Pour|Avec|Sans|Chez)(?![\p{L}]))`;
const capitalWord = String.raw`${notAName}\p{Lu}[\p{L}'’-]*`;
const lowerWord = String.raw`\p{Ll}[\p{L}'’-]*`;
const afterParticle = String.raw`(?:[ \t]+|(?<=['’]))`;
/** The rest of a name: capitalised words, and a day number or year ("du 8 Mai 1945"). */
const continuation = String.raw`(?:[ \t]+(?:(?:${particle}${afterParticle})*${capitalWord}|(?:${particle}[ \t]+)+\d{1,2}(?![\p{L}\p{N}])|(?:1[89]|20)\d\d(?![\p{L}\p{N}])))*`;
const postcodeAndTown = String.raw`(?:,?[ \t]+\d{5}[ \t]+${capitalWord}(?:[ \t]+(?:${particle}[ \t]+)*${capitalWord})*)?`;
// Not the minutes of a time ("6 h 50, place…"), a bus line ("le bus 12 place de la République")
// nor part of a larger number.
const number = String.raw`(?<![\p{L}\p{N},.])(?<!\d[ \t]?h[ \t]?)(?<!(?:bus|ligne|car|tram|navette|n°|num[ée]ro)[ \t])\d{1,4}(?:[ \t]?(?:bis|ter|quater|[A-D])(?![\p{L}]))?,?`;

function nameStartingWith(first: string): string {
  return String.raw`(?:[ \t]+${particle})*${afterParticle}(?:${first})${continuation}`;
}

const numberedAddress = new RegExp(
  String.raw`${number}[ \t]+(?:(?:${unambiguousTypes})(?![\p{L}])${nameStartingWith(`${capitalWord}|${lowerWord}|\\d{1,2}(?![\\p{L}\\p{N}])`)}|(?:${ambiguousTypes})(?![\p{L}])${nameStartingWith(capitalWord)})${postcodeAndTown}`,
  'gu',
);

const lieuDit = new RegExp(
  String.raw`(?<![\p{L}])[Ll]ieu[- ]?dit${nameStartingWith(capitalWord)}${postcodeAndTown}`,
  'gu',
);

export function findAddresses(text: string, out: Candidate[]): void {
  for (const pattern of [numberedAddress, lieuDit]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const matched = m[0].replace(/[\s,.'’-]+$/u, '');
      out.push({ kind: 'address', start: m.index, end: m.index + matched.length });
    }
  }
}
