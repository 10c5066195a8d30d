import type { PersonalDataKind } from '../api/imports.js';
import { findAddresses } from './addresses.js';
import { findIdentifiers, type Candidate } from './identifiers.js';
import { findPeople } from './persons.js';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** UTF-16 offsets of the match in the text. */
  start: number;
  end: number;
  text: string;
  /** For `person`: the same key for every mention of one person (e.g. "dupont"), else undefined. */
  personKey?: string;
}

export interface DetectorOptions {
  /** Place names (the workspace's communes) that are never taken for people or addresses. */
  places?: readonly string[];
}

/** When two candidates of the same length overlap, the more specific kind wins. */
const specificity: Record<PersonalDataKind, number> = {
  email: 0,
  iban: 1,
  nir: 2,
  phone: 3,
  birthDate: 4,
  benefitNumber: 5,
  address: 6,
  person: 7,
};

/** Place names in lower case, computed once per list (a workspace passes the same array). */
const lowerPlaces = new WeakMap<readonly string[], string[]>();

function placesOf(places: readonly string[]): string[] {
  let lower = lowerPlaces.get(places);
  if (!lower) {
    lower = places.map((p) => lowerCaseKeepingOffsets(p.trim())).filter((p) => p.length > 1);
    lowerPlaces.set(places, lower);
  }
  return lower;
}

const letter = /[\p{L}\p{N}]/u;

/** `text` in lower case, character for character, so that offsets stay those of `text`. */
function lowerCaseKeepingOffsets(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // A few characters change length in lower case ("İ"): those stay as they are.
  return Array.from(text, (c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  }).join('');
}

/** Where the workspace's place names occur in `text`, as whole words. */
function placeRanges(text: string, places: readonly string[]): [number, number][] {
  if (places.length === 0) return [];
  const lower = lowerCaseKeepingOffsets(text);
  const ranges: [number, number][] = [];
  for (const place of placesOf(places)) {
    for (let at = lower.indexOf(place); at >= 0; at = lower.indexOf(place, at + 1)) {
      const end = at + place.length;
      if (letter.test(lower.charAt(at - 1)) || letter.test(lower.charAt(end))) continue;
      ranges.push([at, end]);
    }
  }
  return ranges;
}

/** A person overlapping a place name (unless titled), or an address within one, is the place. */
function isPlace(c: Candidate, ranges: [number, number][]): boolean {
  if (c.kind === 'person' && !c.titled) return ranges.some(([s, e]) => c.start < e && s < c.end);
  if (c.kind === 'address') return ranges.some(([s, e]) => s <= c.start && c.end <= e);
  return false;
}

/** Every personal item in `text`, sorted by `start`, never overlapping. */
export function findPersonalData(text: string, options: DetectorOptions = {}): PersonalDataMatch[] {
  const candidates: Candidate[] = [];
  findIdentifiers(text, candidates);
  findAddresses(text, candidates);
  findPeople(text, candidates);
  const places = placeRanges(text, options.places ?? []);
  const kept: Candidate[] = [];
  // Longest first, then most specific: "12 rue Jean Jaurès" is an address, not a person.
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      specificity[a.kind] - specificity[b.kind] ||
      a.start - b.start,
  );
  // Characters already taken: linear in the matches' lengths, however many there are.
  const taken = new Uint8Array(text.length);
  for (const c of candidates) {
    if (c.end <= c.start || isPlace(c, places) || taken.subarray(c.start, c.end).includes(1)) {
      continue;
    }
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((c) => {
    const match: PersonalDataMatch = {
      kind: c.kind,
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
    };
    if (c.personKey !== undefined) match.personKey = c.personKey;
    return match;
  });
}
