import { describe, expect, it } from 'vitest';
import { personalDataKinds } from '../api/imports.js';
import { findPersonalData, isValidIban, nirKey } from './index.js';

/** mulberry32: a seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces that make the detectors fire, overlap and stop in odd places.
const pieces = [
  'Mme ',
  'M. ',
  'Madame ',
  'Dr ',
  'Me ',
  'Jean',
  'Marie-Claire',
  'Pierre',
  'Kevin',
  'DUPONT',
  'Durand',
  'Le ',
  'de ',
  "d'",
  'la ',
  ' ',
  ' ',
  ' ',
  ', ',
  '. ',
  '\n',
  '-',
  '’',
  '(',
  ')',
  '@',
  'kevin.dubreuil',
  '@example.org',
  '06',
  ' 12',
  '34',
  '.56',
  '-78',
  '+33',
  '(0)',
  '0033',
  '0',
  '1',
  '2',
  '84',
  '2A',
  '451',
  '089',
  '46',
  'FR76',
  ' 3000',
  '6000',
  '189',
  'rue',
  ' rue ',
  'avenue',
  'bis',
  'lieu-dit ',
  'Les Combes',
  '73100',
  'Saint-Aubin',
  'né le ',
  '14/02/1961',
  '3 mars 1951',
  'DDN ',
  'CAF ',
  'allocataire ',
  '1234567',
  'MSA ',
  '€',
  'h',
  '%',
  'é',
  'É',
  'Noël',
  'France',
  '12',
  '3',
  ':',
  '«',
  '»',
  'a',
  'b',
];

function randomText(next: () => number): string {
  let text = '';
  const length = Math.floor(next() * 40);
  for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
  return text;
}

describe('findPersonalData on random inputs', () => {
  it('returns sorted, non-overlapping matches within the text, each its own slice', () => {
    const next = random(1307);
    const kinds = new Set<string>(personalDataKinds);
    let matches = 0;
    for (let run = 0; run < 3000; run++) {
      const text = randomText(next);
      const found = findPersonalData(text, { places: ['Saint-Aubin', 'Les Combes'] });
      let previousEnd = 0;
      for (const m of found) {
        expect(kinds.has(m.kind)).toBe(true);
        expect(m.start).toBeGreaterThanOrEqual(previousEnd);
        expect(m.end).toBeGreaterThan(m.start);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(m.text).toBe(text.slice(m.start, m.end));
        expect(m.personKey !== undefined).toBe(m.kind === 'person');
        previousEnd = m.end;
      }
      matches += found.length;
    }
    // The pieces do make the detectors fire: the invariants were checked on real matches.
    expect(matches).toBeGreaterThan(1000);
  });

  it('survives text that is not prose (long runs, control characters, no spaces)', () => {
    const next = random(42);
    for (let run = 0; run < 200; run++) {
      const text = Array.from({ length: 500 }, () =>
        String.fromCharCode(Math.floor(next() * 0x2ff)),
      ).join('');
      for (const m of findPersonalData(text)) expect(m.text).toBe(text.slice(m.start, m.end));
    }
    expect(findPersonalData('')).toEqual([]);
    // Thousands of matches in one cell: overlaps are resolved without comparing every pair.
    const crowded = findPersonalData('M. Dupont et Jean Martin, 06 12 34 56 78. '.repeat(3000));
    expect(crowded).toHaveLength(9000);
    expect(new Set(crowded.filter((m) => m.kind === 'person').map((m) => m.personKey))).toEqual(
      new Set(['dupont', 'martin']),
    );
    expect(findPersonalData('1'.repeat(5000))).toEqual([]);
  });
});

describe('the checks behind identifiers', () => {
  it('computes the NIR key as 97 minus the number mod 97, Corsica included', () => {
    expect(nirKey('1841276451089')).toBe(46);
    expect(nirKey('2930575112034')).toBe(92);
    // 2A counts as 19: 2 93 05 19 112 034 has the key of 2930519112034.
    expect(nirKey('293052A112034')).toBe(nirKey('2930519112034'));
    const [withKey] = findPersonalData('NIR 2 93 05 2A 112 034 ' + nirKey('293052A112034'));
    expect(withKey?.kind).toBe('nir');
  });

  it('accepts IBANs whose key is right, with or without spaces', () => {
    expect(isValidIban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(isValidIban('FR7630006000011234567890189')).toBe(true);
    expect(isValidIban('FR1420041010050500013M02606')).toBe(true);
    expect(isValidIban('FR7630006000011234567890188')).toBe(false);
    expect(isValidIban('FR76300060000112345678901')).toBe(false);
  });
});

describe('the workspace’s places', () => {
  it('are never taken for people', () => {
    const text = 'À Mont Lucien, le car ne passe plus.';
    expect(findPersonalData(text).map((m) => m.text)).toEqual(['Lucien']);
    expect(findPersonalData(text, { places: ['Mont Lucien'] })).toEqual([]);
  });

  it('are found at the right offsets after characters whose lower case is longer', () => {
    const text = 'İİ Les Granges, İ Lucien';
    const matches = findPersonalData(text, { places: ['Les Granges', 'İ Lucien'] });
    expect(matches).toEqual([]);
    expect(findPersonalData(text, { places: ['Les Granges'] }).map((m) => m.text)).toEqual([
      'Lucien',
    ]);
  });

  it('hold street words without making addresses of them', () => {
    const places = ['La Rue-Saint-Pierre', 'Chemin-d’Aisey', 'Place-Neuve'];
    const text = 'Les 12 familles de La Rue-Saint-Pierre, 3 Place-Neuve et 2 Chemin-d’Aisey.';
    expect(findPersonalData(text, { places })).toEqual([]);
    expect(findPersonalData(text)).toEqual([]);
  });

  it('keep a person met in the same sentence', () => {
    const matches = findPersonalData('Lucien habite à Mont Lucien.', { places: ['Mont Lucien'] });
    expect(matches.map((m) => m.text)).toEqual(['Lucien']);
  });
});
