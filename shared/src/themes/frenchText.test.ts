import { describe, expect, it } from 'vitest';
import { foldAccents } from './foldAccents.js';
import { stemFrench } from './frenchStemmer.js';
import { tokenizeFrench } from './frenchText.js';

const forms = (text: string) => tokenizeFrench(text).map((token) => token.form);
const stems = (text: string) => tokenizeFrench(text).map((token) => token.stem);

describe('French text processing for theme suggestions', () => {
  it('folds case, accents and ligatures', () => {
    expect(foldAccents('Sœur Élodie, à l’hôpital, ça coûte')).toBe(
      'soeur elodie, a l’hopital, ca coute',
    );
  });

  it('splits elisions off with either apostrophe and drops them with the stop words', () => {
    expect(forms("L’hôpital qu’on m’a indiqué, d'accueil, j’ai l'habitude")).toEqual([
      'hôpital',
      'indiqué',
      'accueil',
      'habitude',
    ]);
    expect(forms('jusqu’à l’école')).toEqual(['école']);
  });

  it('drops numbers, words with digits and one-letter words', () => {
    expect(forms('Le permis coûte 1 800 euros, on est cinq dans un T3, car de 17 h 05')).toEqual([
      'permis',
      'coûte',
      'euros',
      'car',
    ]);
  });

  it('drops proper names inside a sentence but keeps acronyms and sentence-initial words', () => {
    expect(forms('Mme Georgette Lambert, rue des Tilleuls, voit le CIAS de Saint-Aubin.')).toEqual([
      'rue',
      'CIAS',
    ]);
    expect(forms('Logement trop cher. Loyer en hausse à l’entrée d’Arvière')).toEqual([
      'logement',
      'cher',
      'loyer',
      'hausse',
      'entrée',
    ]);
  });

  it('marks the words that follow an article or a possessive as likely nouns', () => {
    const tokens = tokenizeFrench('Le car part tôt, mes papiers arrivent tard');
    expect(tokens.filter((t) => t.likelyNoun).map((t) => t.form)).toEqual(['car', 'papiers']);
  });

  it('stems inflections and derivations of a word to one stem', () => {
    expect(new Set(['logement', 'logements', 'loger', 'logé'].map(stemFrench))).toEqual(
      new Set(['log']),
    );
    expect(stemFrench('transports')).toBe(stemFrench('transport'));
    expect(stemFrench('voitures')).toBe(stemFrench('voiture'));
    expect(stemFrench('mobilité')).toBe(stemFrench('mobilités'));
    expect(stemFrench('travailler')).toBe(stemFrench('travail'));
    expect(stemFrench('personnes')).toBe(stemFrench('personne'));
    expect(stemFrench('isolement')).toBe(stemFrench('isolé'));
    // Short words are left alone; « parent » is not taken for a verb in « -ent ».
    expect(stemFrench('car')).toBe('car');
    expect(stemFrench('parent')).not.toBe(stemFrench('part'));
  });

  it('keeps stems free of accents, so « isolé » and « isole » meet', () => {
    expect(stems('Les aînés isolés, la santé')).toEqual([stemFrench('aînés'), 'isol', 'sant']);
    expect(stemFrench('aînés')).toBe('ain');
  });
});
