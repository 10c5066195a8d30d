import { describe, expect, it } from 'vitest';
import {
  comparisonKey,
  matchListValue,
  matchSource,
  parseDay,
  parseFrenchNumber,
  parseYear,
} from './valueMatching.js';

describe('dates', () => {
  it.each([
    ['2026-04-02', '2026-04-02'],
    ['2026-4-2', '2026-04-02'],
    ['2026-04-02T10:30:00Z', '2026-04-02'],
    ['02/04/2026', '2026-04-02'],
    ['2/4/2026', '2026-04-02'],
    ['02/04/26', '2026-04-02'],
    ['02.04.2026', '2026-04-02'],
    ['02/04/2026 14:05', '2026-04-02'],
    ['2 avril 2026', '2026-04-02'],
    ['1er août 2026', '2026-08-01'],
    ['jeudi 2 avril 2026', '2026-04-02'],
    ['14 févr. 2026', '2026-02-14'],
    ['46114', '2026-04-02'],
  ])('%s → %s', (input, day) => {
    expect(parseDay(input)).toBe(day);
  });

  it.each(['', 'hier', '31/02/2026', '2026-13-01', '2 frimaire 2026', '12345', '1/2'])(
    'refuses %j',
    (input) => {
      expect(parseDay(input)).toBeUndefined();
    },
  );
});

describe('French numbers', () => {
  it.each([
    ['12,8', 12.8],
    ['1 234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['1\u00a0234', 1234],
    ['12,8 %', 12.8],
    ['12,8\u202f%', 12.8],
    ['-3,2', -3.2],
    ['−3,2', -3.2],
    ['1234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['450 €', 450],
    ['0', 0],
  ])('%j → %d', (input, n) => {
    expect(parseFrenchNumber(input)).toBe(n);
  });

  it.each(['', 'n.c.', '12,8,1', 'environ 12', '1 2 3,4 5', 'NaN'])('refuses %j', (input) => {
    expect(parseFrenchNumber(input)).toBeNull();
  });

  it('reads years between 1900 and 2100 only', () => {
    expect(parseYear('2021')).toBe(2021);
    expect(parseYear(' 2021 ')).toBe(2021);
    expect(parseYear('1899')).toBeNull();
    expect(parseYear('2021,5')).toBeNull();
    expect(parseYear('vingt')).toBeNull();
  });
});

describe('sources', () => {
  it.each([
    ['entretien individuel', 'entretien'],
    ['Entretien collectif', 'entretien'],
    ['questionnaire en ligne', 'questionnaire'],
    ['Questionnaire papier', 'questionnaire'],
    ['Atelier', 'atelier'],
    ['permanence CCAS', 'permanence'],
    ['micro-trottoir', 'micro-trottoir'],
    ['Micro trottoir', 'micro-trottoir'],
    ['MICRO-TROTTOIR', 'micro-trottoir'],
  ])('%s → %s', (label, source) => {
    expect(matchSource(label)).toBe(source);
  });

  it('leaves unknown sources unmatched', () => {
    expect(matchSource('courrier')).toBeUndefined();
    expect(matchSource('')).toBeUndefined();
  });
});

describe('publics and communes', () => {
  const communes = ['Saint-Aubin-sur-Arvière', 'Rochebrune', "L'Hôpital-d'Arvière"];
  const publics = ['jeunes 16-25 ans', 'personnes âgées isolées'];

  it("gives back the list's spelling whatever the case, accents and spaces", () => {
    expect(matchListValue('saint aubin sur arviere', communes)).toBe('Saint-Aubin-sur-Arvière');
    expect(matchListValue('ROCHEBRUNE ', communes)).toBe('Rochebrune');
    expect(matchListValue('l’hopital d’arviere', communes)).toBe("L'Hôpital-d'Arvière");
    expect(matchListValue('Personnes agees isolees', publics)).toBe('personnes âgées isolées');
    expect(matchListValue('Jeunes 16–25 ans', publics)).toBe('jeunes 16-25 ans');
  });

  it('leaves other values unmatched', () => {
    expect(matchListValue('Rochebrune-le-Haut', communes)).toBeUndefined();
    expect(matchListValue('', communes)).toBeUndefined();
    expect(comparisonKey('Cœur')).toBe('coeur');
  });
});
