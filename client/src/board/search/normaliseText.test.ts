import { describe, expect, it } from 'vitest';
import { normaliseText, queryTerms } from './normaliseText.js';

describe('search normalisation', () => {
  it('ignores accents and case', () => {
    expect(normaliseText('Événement À L’ÉCOLE')).toBe(normaliseText('evenement a l’ecole'));
    expect(normaliseText('Mobilité')).toBe('mobilite');
    expect(normaliseText('Çà et là, NOËL')).toBe('ca et la, noel');
  });

  it('reads both apostrophes as one', () => {
    expect(normaliseText('l’emploi')).toBe("l'emploi");
    expect(normaliseText("Chaumes-d'Arvière")).toBe(normaliseText('Chaumes-d’Arvière'));
  });

  it('unfolds the œ and æ ligatures', () => {
    expect(normaliseText('Œuvre sociale, cœur, curriculum vitæ')).toBe(
      'oeuvre sociale, coeur, curriculum vitae',
    );
    expect(normaliseText('ÆSOPE')).toBe('aesope');
  });

  it('folds typographic spaces and dashes, and trims', () => {
    expect(normaliseText('  1\u00a0800\u202feuros —  fin ')).toBe('1 800 euros - fin');
    expect(normaliseText('2ᵉ étage')).toBe('2e etage');
  });

  it('splits a query into distinct words, all normalised', () => {
    expect(queryTerms('  Logement  Rochebrune logement ')).toEqual(['logement', 'rochebrune']);
    expect(queryTerms('   ')).toEqual([]);
    expect(queryTerms('L’ÉCOLE')).toEqual(["l'ecole"]);
  });
});
