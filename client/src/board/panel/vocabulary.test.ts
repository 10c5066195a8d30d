import { describe, expect, it } from 'vitest';
import { matchVocabulary, vocabularyKey } from './vocabulary.js';

const communes = ['Saint-Étienne-de-Vaux', 'Arvière', 'Le Puy'];

describe('workspace vocabulary', () => {
  it('ignores case, accents, spaces and hyphens', () => {
    expect(vocabularyKey('  Saint-Étienne  de Vaux ')).toBe(vocabularyKey('saint etienne-de-vaux'));
    expect(vocabularyKey('ARVIÈRE')).toBe('arviere');
    expect(vocabularyKey('Sœur')).toBe('soeur');
  });

  it('finds a listed value whatever its spelling, as the workspace spells it', () => {
    expect(matchVocabulary('arviere', communes)).toEqual({ kind: 'listed', canonical: 'Arvière' });
    expect(matchVocabulary('LE  PUY', communes)).toEqual({ kind: 'listed', canonical: 'Le Puy' });
    expect(matchVocabulary('saint etienne de vaux', communes)).toEqual({
      kind: 'listed',
      canonical: 'Saint-Étienne-de-Vaux',
    });
  });

  it('flags free entry, but not an empty field', () => {
    expect(matchVocabulary('Lyon', communes)).toEqual({ kind: 'offList' });
    expect(matchVocabulary('Arvières', communes)).toEqual({ kind: 'offList' });
    expect(matchVocabulary('   ', communes)).toEqual({ kind: 'empty' });
    expect(matchVocabulary('Arvière', [])).toEqual({ kind: 'offList' });
  });
});
