import { describe, expect, it } from 'vitest';
import { buildCardIndex } from './cardIndex.js';
import { communeOptions, publicOptions, themeOptions } from './filterOptions.js';
import { hypothesis, observation, theme } from './testCards.js';

describe('the values the filters offer', () => {
  const index = buildCardIndex([
    theme('shape:t2', 'Mobilité'),
    theme('shape:t1', 'Insertion et emploi'),
    theme('shape:t3', ''),
    observation('shape:a', { commune: 'Villemoutier', public: 'jeune' }),
    observation('shape:b', { commune: 'Écuelles', public: 'Jeune ' }),
    observation('shape:c', { commune: 'Chaumes-d’Arvière', public: 'personne âgée' }),
    observation('shape:d', { commune: "chaumes-d'arviere", public: '' }),
    observation('shape:e', { commune: 'Les Granges', public: 'aidant' }),
    hypothesis('shape:h', { public: 'Élu' }),
  ]);

  it('offers each commune present once, in French order (accents sort with their letter)', () => {
    expect(communeOptions(index).map((o) => o.label)).toEqual([
      'Chaumes-d’Arvière',
      'Écuelles',
      'Les Granges',
      'Villemoutier',
    ]);
    expect(communeOptions(index)[0]?.value).toBe("chaumes-d'arviere");
  });

  it('offers the publics of observations and hypotheses, none empty', () => {
    expect(publicOptions(index).map((o) => o.label)).toEqual([
      'aidant',
      'Élu',
      'jeune',
      'personne âgée',
    ]);
  });

  it('offers every theme by its label, an untitled one by a placeholder', () => {
    expect(themeOptions(index, 'Sans titre')).toEqual([
      { value: 'shape:t1', label: 'Insertion et emploi' },
      { value: 'shape:t2', label: 'Mobilité' },
      { value: 'shape:t3', label: 'Sans titre' },
    ]);
  });
});
