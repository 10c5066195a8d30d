import { describe, expect, it } from 'vitest';
import { observationSources } from '@boussole/shared';
import { buildCardIndex, type BoardShapeRecord } from './cardIndex.js';
import {
  activeFilterCount,
  isSearchActive,
  matchCards,
  noFilters,
  unthemed,
  type CardFilters,
} from './cardFilters.js';
import { hypothesis, indicator, observation, recommendation, theme } from './testCards.js';

const board: BoardShapeRecord[] = [
  theme('shape:logement', 'Logement'),
  theme('shape:mobilite', 'Mobilité'),
  observation(
    'shape:o1',
    {
      verbatim: 'Le loyer a doublé, je cherche un logement social',
      source: 'entretien',
      public: 'jeune',
      commune: 'Rochebrune',
      date: '2026-04-02',
    },
    'shape:logement',
  ),
  observation(
    'shape:o2',
    {
      verbatim: 'Pas de car à 6 h pour l’embauche',
      source: 'questionnaire',
      public: 'Jeune',
      commune: 'Saint-Aubin-sur-Arvière',
      date: '2026-04-10',
    },
    'shape:mobilite',
  ),
  observation('shape:o3', {
    verbatim: 'Les LOGEMENTS vacants du bourg sont vétustes',
    source: 'atelier',
    public: 'personne âgée',
    commune: 'rochebrune',
    date: '2026-05-20',
  }),
  observation('shape:o4', {
    verbatim: 'Œuvre d’insertion : cœur du dispositif',
    source: 'permanence',
    public: 'tout public',
    commune: 'Les Granges',
    date: '',
  }),
  hypothesis('shape:h1', {
    statement: 'Le manque de logements freine l’installation des jeunes',
    topic: 'logement',
    public: 'jeune',
    status: 'confirmee',
  }),
  hypothesis('shape:h2', { statement: 'Les aînés s’isolent', status: 'a_verifier' }),
  indicator('shape:i1', { label: 'Part des logements vacants', value: 11.2, unit: '%' }),
  recommendation('shape:r1', { title: 'Un car à 5 h 30', leadOrganisation: 'Région' }),
];

const index = buildCardIndex(board);
const find = (query: string, filters: Partial<CardFilters> = {}) =>
  matchCards(index, query, { ...noFilters, ...filters }).sort();

describe('matching cards', () => {
  it('finds a word in any field of any card, ignoring accents, case and plurals by prefix', () => {
    expect(find('logement')).toEqual(['shape:h1', 'shape:i1', 'shape:o1', 'shape:o3']);
    expect(find('LOGEMENT')).toEqual(find('logement'));
    expect(find('vetuste')).toEqual(['shape:o3']);
    expect(find('region')).toEqual(['shape:r1']);
    expect(find('Rochebrune')).toEqual(['shape:o1', 'shape:o3']);
  });

  it('needs every word, in any order', () => {
    expect(find('social logement')).toEqual(['shape:o1']);
    expect(find('logement   jeunes')).toEqual(['shape:h1']);
    expect(find('logement introuvable')).toEqual([]);
  });

  it('reads both apostrophes and both spellings of the ligatures as one', () => {
    expect(find("l'embauche")).toEqual(['shape:o2']);
    expect(find('l’installation')).toEqual(['shape:h1']);
    expect(find('oeuvre d’insertion coeur')).toEqual(['shape:o4']);
    expect(find('ŒUVRE')).toEqual(['shape:o4']);
  });

  it('matches everything, but is not active, while nothing is asked', () => {
    expect(find('   ')).toHaveLength(8);
    expect(isSearchActive('  ', noFilters)).toBe(false);
    expect(isSearchActive('x', noFilters)).toBe(true);
    expect(isSearchActive('', { ...noFilters, commune: 'rochebrune' })).toBe(true);
    expect(activeFilterCount({ ...noFilters, from: '2026-01-01', kind: 'hypothesis' })).toBe(2);
  });

  it('filters by kind', () => {
    expect(find('', { kind: 'hypothesis' })).toEqual(['shape:h1', 'shape:h2']);
    expect(find('', { kind: 'indicator' })).toEqual(['shape:i1']);
    expect(find('', { kind: 'recommendation' })).toEqual(['shape:r1']);
    expect(find('', { kind: 'observation' })).toHaveLength(4);
  });

  it('filters by the observation’s source', () => {
    expect(find('', { source: 'questionnaire' })).toEqual(['shape:o2']);
    for (const source of observationSources)
      expect(find('', { source }).every((id) => id.startsWith('shape:o'))).toBe(true);
  });

  it('filters by public and commune however they were typed', () => {
    expect(find('', { public: 'jeune' })).toEqual(['shape:h1', 'shape:o1', 'shape:o2']);
    expect(find('', { public: 'Personne agée' })).toEqual(['shape:o3']);
    expect(find('', { commune: 'rochebrune' })).toEqual(['shape:o1', 'shape:o3']);
    expect(find('', { commune: 'Rochebrune' })).toEqual(['shape:o1', 'shape:o3']);
  });

  it('filters by a date range, bounds included, leaving out undated cards', () => {
    expect(find('', { from: '2026-04-10' })).toEqual(['shape:o2', 'shape:o3']);
    expect(find('', { to: '2026-04-10' })).toEqual(['shape:o1', 'shape:o2']);
    expect(find('', { from: '2026-04-03', to: '2026-05-19' })).toEqual(['shape:o2']);
    expect(find('', { from: '2026-06-01' })).toEqual([]);
  });

  it('filters by theme, or by being in no theme', () => {
    expect(find('', { theme: 'shape:logement' })).toEqual(['shape:o1']);
    expect(find('', { theme: 'shape:mobilite' })).toEqual(['shape:o2']);
    expect(find('', { theme: unthemed })).toEqual([
      'shape:h1',
      'shape:h2',
      'shape:i1',
      'shape:o3',
      'shape:o4',
      'shape:r1',
    ]);
  });

  it('filters by hypothesis status', () => {
    expect(find('', { status: 'confirmee' })).toEqual(['shape:h1']);
    expect(find('', { status: 'a_verifier' })).toEqual(['shape:h2']);
    expect(find('', { status: 'infirmee' })).toEqual([]);
  });

  it('combines words and filters: every criterion must hold', () => {
    expect(find('logement', { commune: 'Rochebrune' })).toEqual(['shape:o1', 'shape:o3']);
    expect(find('logement', { commune: 'Rochebrune', theme: unthemed })).toEqual(['shape:o3']);
    expect(find('logement', { kind: 'observation', public: 'jeune', to: '2026-04-30' })).toEqual([
      'shape:o1',
    ]);
    expect(find('car', { kind: 'observation', theme: 'shape:mobilite' })).toEqual(['shape:o2']);
    expect(find('', { source: 'atelier', status: 'confirmee' })).toEqual([]);
  });
});

describe('a board of 2,000 cards', () => {
  const communes = ['Rochebrune', 'Les Granges', 'Villemoutier', 'Le Pont-Sec'];
  const words = ['loyer', 'car', 'mission locale', 'épicerie', 'permis', 'isolement', 'crèche'];
  const records: BoardShapeRecord[] = [theme('shape:t0', 'Thème 0'), theme('shape:t1', 'Thème 1')];
  for (let i = 0; i < 2_000; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const parent = i % 5 === 0 ? 'shape:t0' : i % 5 === 1 ? 'shape:t1' : 'page:page';
    records.push(
      i % 10 === 9
        ? hypothesis(`shape:h${i}`, { statement: `Hypothèse ${i} sur le ${words[i % 7]}` }, parent)
        : observation(
            `shape:o${i}`,
            {
              verbatim: `Témoignage n° ${i} : ${words[i % 7]} et ${words[(i * 3) % 7]}`,
              source: observationSources[i % observationSources.length],
              public: i % 2 === 0 ? 'jeune' : 'personne âgée',
              commune: communes[i % communes.length],
              date: `2026-0${(i % 6) + 1}-${day}`,
            },
            parent,
          ),
    );
  }

  /** The same questions answered the slow way, straight from the records. */
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const verbatimOf = (r: BoardShapeRecord) =>
    fold(
      String((r.props as { verbatim?: string; statement?: string }).verbatim ?? '') +
        String((r.props as { statement?: string }).statement ?? ''),
    );
  const cards = records.filter((r) => r.type !== 'theme');

  it('answers every search from the precomputed index, as the records say', () => {
    const big = buildCardIndex(records);
    expect(big.cards).toHaveLength(2_000);
    const epicerie = matchCards(big, 'EPICERIE', noFilters);
    expect(new Set(epicerie)).toEqual(
      new Set(cards.filter((r) => verbatimOf(r).includes('epicerie')).map((r) => r.id)),
    );
    expect(epicerie.length).toBeGreaterThan(100);

    const combined = matchCards(big, 'loyer', {
      ...noFilters,
      commune: 'rochebrune',
      theme: unthemed,
      from: '2026-03-01',
      to: '2026-04-15',
    });
    const expected = cards.filter((r) => {
      const p = r.props as { commune?: string; date?: string };
      return (
        verbatimOf(r).includes('loyer') &&
        p.commune === 'Rochebrune' &&
        r.parentId === 'page:page' &&
        p.date !== undefined &&
        p.date >= '2026-03-01' &&
        p.date <= '2026-04-15'
      );
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(combined)).toEqual(new Set(expected.map((r) => r.id)));

    const inTheme = matchCards(big, '', { ...noFilters, theme: 'shape:t1', kind: 'hypothesis' });
    expect(inTheme).toEqual(
      cards.filter((r) => r.parentId === 'shape:t1' && r.type === 'hypothesis').map((r) => r.id),
    );
  });

  it('after one card changes, finds it by its new words and the rest as before', () => {
    const before = buildCardIndex(records);
    const edited = records.map((r) =>
      r.id === 'shape:o2' ? { ...r, props: { ...r.props, verbatim: 'Une laverie solidaire' } } : r,
    );
    const after = buildCardIndex(edited);
    expect(matchCards(after, 'laverie', noFilters)).toEqual(['shape:o2']);
    expect(matchCards(after, 'permis', noFilters).length).toBe(
      matchCards(before, 'permis', noFilters).filter((id) => id !== 'shape:o2').length,
    );
  });
});
