import { describe, expect, it } from 'vitest';
import { countBy, themeCounts } from './themeCounts.js';

const obs = (pub: string, commune: string) => ({ props: { public: pub, commune } });

describe('theme counts', () => {
  it('counts by public and by commune, most frequent first, spellings merged', () => {
    const counts = themeCounts(
      [
        obs('Jeunes', 'arviere'),
        obs('jeunes', 'Arvière'),
        obs('Seniors', 'Le Puy'),
        obs('Familles', 'ARVIÈRE'),
        obs('', 'Le Puy'),
        obs('Jeunes', ''),
      ],
      { publics: ['Jeunes', 'Seniors', 'Familles'], communes: ['Arvière', 'Le Puy'] },
    );
    expect(counts.total).toBe(6);
    expect(counts.byCommune).toEqual([
      { value: 'Arvière', count: 3 },
      { value: 'Le Puy', count: 2 },
      { value: '', count: 1 },
    ]);
    expect(counts.byPublic).toEqual([
      { value: 'Jeunes', count: 3 },
      { value: 'Familles', count: 1 },
      { value: 'Seniors', count: 1 },
      { value: '', count: 1 },
    ]);
  });

  it('sorts ties in French alphabetical order and keeps free entries as first written', () => {
    expect(countBy(['Émile', 'Zoé', 'Ernest', 'zoe '])).toEqual([
      { value: 'Zoé', count: 2 },
      { value: 'Émile', count: 1 },
      { value: 'Ernest', count: 1 },
    ]);
  });

  it('has nothing to break down in an empty theme', () => {
    expect(themeCounts([], { publics: [], communes: [] })).toEqual({
      total: 0,
      byPublic: [],
      byCommune: [],
    });
  });
});
