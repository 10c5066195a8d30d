import type { Candidate } from './identifiers.js';
import {
  isAmbiguousFirstName,
  isFirstName,
  isNotAName,
  isTitleOnlyFirstName,
  isVenueWord,
} from './nameLexicon.js';
import { normaliseName } from './normalise.js';

/**
 * People: a civil title followed by a name ("Mme Durand", "M. Rachid Benali"), or a listed
 * first name — with a capitalised surname ("Jean Dupont", "Marie-Claire MARTIN"), or alone when
 * capitalised ("j'ai appelé Kevin").
 *
 * The match covers the name only, not the title, so the pseudonymised text keeps it
 * ("Mme [Personne A]") just as a birth date keeps "née le".
 *
 * Sentence starts: every word is capitalised there, so a first name that is also a common word
 * ("Pierre", "Claire", "Rose" — see `ambiguousNames`) is a person there only with a title or
 * a surname; in the middle of a sentence its capital makes it a name. Other listed first names
 * are people anywhere.
 */

const titlePattern =
  /(?=[MmDdPp])(?<![\p{L}\p{N}])(?:[Mm]onsieur|[Mm]adame|[Mm]ademoiselle|[Dd]octeur|MONSIEUR|MADAME|MADEMOISELLE|DOCTEUR|MME|MLLE|MR|[Pp]rofesseur|[Mm]a[iî]tre|Mme|Mlle|Mmes|MM|Mr|Dr|Pr|Me|M)(?:\.|(?=[ \t\u00a0]))[ \t\u00a0]*/gu;

/** What introduces another name of the same person: "Mme Durand née Martin", "épouse Benali". */
const otherNamePattern =
  /(?:[nN](?<![\p{L}\p{N}].)[ée]e|[éÉeE](?<![\p{L}\p{N}].)p(?:ouse|\.)|[vV](?<![\p{L}\p{N}].)euve|V(?<![\p{L}\p{N}].)ve\.?)[ \t\u00a0]+/gu;

/** A capitalised word, hyphenated or with an apostrophe ("Le Goff", "D'Amico", "Jean-Paul"). */
const wordPattern = /\p{Lu}(?<![\p{L}\p{N}_'’-]\p{Lu})[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
/** At least two letters: "Mme B." is already pseudonymised. */
const wordAt = /\p{Lu}[\p{L}\p{M}]+(?:['’-]\p{L}[\p{L}\p{M}]*)*/uy;
/** Particles inside surnames: "de Villepin", "d'Arc", "Le Goff", "Ben Salah", "van Gogh". */
const particleAt =
  /(?:(?:de|De|van|Van|von|Von)[ \t]+(?:la|La|le|Le|der|den|Der|Den)[ \t]+|(?:de|De)[ \t]+[lL]['’]|(?:de|du|des|van|von|der|den|ben|ibn|el|al|Le|La|De|Du|Des|Van|Von|Ben|Ibn|El|Al|Da|Di|Dos|Del)[ \t]+|[dD]['’])(?=\p{Lu})/uy;
const spacesAt = /[ \t\u00a0]+/y;
/** A word in capitals, as surnames are often written in notes ("DUPONT"). */
const capitalsOnly = /^\p{Lu}{2,}(?:[-'’]\p{Lu}+)*$/u;

interface NameRun {
  end: number;
  /** Each word with its particles ("de Villepin"), in order. */
  words: string[];
}

function stickyMatch(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/**
 * Capitalised words (with particles) from `at`, at most `max`, stopping at words that are no
 * names; the first word is taken as it is when the caller already knows it is a first name
 * ("Avril" is a month too).
 */
function readName(text: string, at: number, max: number, firstIsName = false): NameRun {
  const words: string[] = [];
  let pos = at;
  let end = at;
  while (words.length < max) {
    let cursor = pos;
    if (words.length > 0) {
      const spaces = stickyMatch(spacesAt, text, cursor);
      if (!spaces) break;
      cursor += spaces.length;
    }
    const particle = stickyMatch(particleAt, text, cursor) ?? '';
    const word = stickyMatch(wordAt, text, cursor + particle.length);
    if (!word || (isNotAName(word) && !(firstIsName && words.length === 0))) break;
    words.push(particle + word);
    pos = cursor + particle.length + word.length;
    end = pos;
  }
  return { end, words };
}

/**
 * Who a name designates, so that "Mme Durand", "Madame Durand", "Paul DURAND" and "DURAND Paul"
 * get one letter: the surname — a first word in capitals ("DURAND Paul"), else the words after
 * its first names ("Jean Pierre Dupont", "Benhamou Fatima") — or, for a first name alone, that
 * first name. When every word is a first name ("Pierre Martin"), the last one is the surname.
 */
function keyOf(words: string[]): string {
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && capitalsOnly.test(first) && !capitalsOnly.test(last)) {
    return normaliseName(first);
  }
  const surname = words.filter((w) => !isFirstName(w));
  return normaliseName(surname.length === 0 ? last : surname.join(' '));
}

const wordBeforePattern = /([\p{L}\p{N}.'’-]+)[ \t\u00a0]+$/u;

/** The word right before `start` (separated by spaces only) and where it starts. */
function wordBefore(text: string, start: number): { word: string; start: number } | undefined {
  const from = Math.max(0, start - 40);
  const m = wordBeforePattern.exec(text.slice(from, start));
  return m?.[1] === undefined ? undefined : { word: m[1], start: from + m.index };
}

/**
 * The word at `start` opens a sentence: before it, past spaces, quotes and dashes, there is
 * nothing, or . ! ? … or a line break.
 */
function atSentenceStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charAt(i);
    if (' \t\u00a0«»"“”(—–-*•'.includes(c)) continue;
    return '.!?…\n\r'.includes(c);
  }
  return true;
}

/** Words between a venue and its name: "lycée professionnel Jean Moulin". */
const venueQualifiers = new Set(
  'professionnel agricole general technique scolaire social sociale hospitalier culturel medical medicale municipal municipale elementaire maternelle primaire public publique prive privee'.split(
    ' ',
  ),
);

/** Right after a venue word or "Saint": the name of a school, street or place, not a person. */
function namesAVenue(text: string, start: number): boolean {
  const before = wordBefore(text, start);
  if (before === undefined) return false;
  if (isVenueWord(before.word)) return true;
  if (!venueQualifiers.has(normaliseName(before.word))) return false;
  const beforeThat = wordBefore(text, before.start);
  return beforeThat !== undefined && isVenueWord(beforeThat.word);
}

function findTitledPeople(text: string, out: Candidate[]): void {
  const byEnd = new Map<number, Candidate>();
  titlePattern.lastIndex = 0;
  for (let m = titlePattern.exec(text); m; m = titlePattern.exec(text)) {
    const at = m.index + m[0].length;
    const run = readName(text, at, 4);
    if (run.words.length === 0) continue;
    const person: Candidate = {
      kind: 'person',
      start: at,
      end: run.end,
      personKey: keyOf(run.words),
      titled: true,
    };
    byEnd.set(person.end, person);
    out.push(person);
  }
  // A maiden or married name is the same person as the name just before it.
  otherNamePattern.lastIndex = 0;
  for (let m = otherNamePattern.exec(text); m; m = otherNamePattern.exec(text)) {
    const at = m.index + m[0].length;
    const run = readName(text, at, 4);
    if (run.words.length === 0) continue;
    let previousEnd = m.index;
    while (previousEnd > 0 && ' \t\u00a0,'.includes(text.charAt(previousEnd - 1))) previousEnd--;
    const personKey = byEnd.get(previousEnd)?.personKey ?? keyOf(run.words);
    const person: Candidate = { kind: 'person', start: at, end: run.end, personKey, titled: true };
    byEnd.set(person.end, person);
    out.push(person);
  }
}

function findNamedPeople(text: string, out: Candidate[]): void {
  let claimedUntil = 0;
  wordPattern.lastIndex = 0;
  for (let m = wordPattern.exec(text); m; m = wordPattern.exec(text)) {
    const word = m[0];
    const start = m.index;
    if (start < claimedUntil || !isFirstName(word) || isTitleOnlyFirstName(word)) continue;
    // In capitals, a first name that is also a word ("MAX AVANT") needs a title.
    if (capitalsOnly.test(word) && isAmbiguousFirstName(word)) continue;
    const run = readName(text, start, 4, true);
    if (run.words.length === 0) continue;
    if (namesAVenue(text, start)) {
      claimedUntil = run.end;
      continue;
    }
    let matchStart = start;
    let key = keyOf(run.words);
    if (run.words.length === 1) {
      // "DUPONT Jean": the surname in capitals before the first name, as in files and notes.
      const before = wordBefore(text, start);
      const inCapitals = capitalsOnly.test(word);
      if (
        !inCapitals &&
        before !== undefined &&
        capitalsOnly.test(before.word) &&
        !isNotAName(before.word)
      ) {
        matchStart = before.start;
        key = normaliseName(before.word);
      } else if (inCapitals || text.charAt(run.end) === '_') {
        // A first name alone in capitals is a shouted word or a code ("MAX", "PIERRE"), not a name.
        continue;
      } else if (isAmbiguousFirstName(word) && atSentenceStart(text, start)) {
        continue;
      }
    }
    out.push({ kind: 'person', start: matchStart, end: run.end, personKey: key });
    claimedUntil = run.end;
  }
}

/**
 * A surname met with a title or a first name is that person again when it comes back alone in
 * the same text ("M. Benali est venu. Benali souhaite…").
 */
function findSurnamesAgain(text: string, out: Candidate[], from: number): void {
  const surnames = new Set<string>();
  for (let i = from; i < out.length; i++) {
    const key = out[i]?.personKey;
    if (key !== undefined && !key.includes(' ') && !isFirstName(key)) surnames.add(key);
  }
  if (surnames.size === 0) return;
  const named = new Uint8Array(text.length);
  for (let i = from; i < out.length; i++) named.fill(1, out[i]?.start, out[i]?.end);
  wordPattern.lastIndex = 0;
  for (let m = wordPattern.exec(text); m; m = wordPattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const key = normaliseName(m[0]);
    if (!surnames.has(key) || named.subarray(start, end).includes(1)) continue;
    out.push({ kind: 'person', start, end, personKey: key });
  }
}

/**
 * A first name alone is the person named in full in the same text ("Kevin Dubreuil … Kevin"):
 * it takes that person's key, unless two people there share the first name.
 */
function linkFirstNamesToSurnames(text: string, out: Candidate[], from: number): void {
  const surnameOf = new Map<string, string | null>();
  for (let i = from; i < out.length; i++) {
    const c = out[i];
    if (c?.personKey === undefined) continue;
    const first = normaliseName(text.slice(c.start, c.end).split(/[ \t\u00a0]/)[0] ?? '');
    if (first === c.personKey || !isFirstName(first)) continue;
    const known = surnameOf.get(first);
    surnameOf.set(first, known === undefined || known === c.personKey ? c.personKey : null);
  }
  for (let i = from; i < out.length; i++) {
    const c = out[i];
    const surname = c?.personKey === undefined ? undefined : surnameOf.get(c.personKey);
    if (c && surname) c.personKey = surname;
  }
}

export function findPeople(text: string, out: Candidate[]): void {
  const from = out.length;
  findTitledPeople(text, out);
  findNamedPeople(text, out);
  findSurnamesAgain(text, out, from);
  linkFirstNamesToSurnames(text, out, from);
}
