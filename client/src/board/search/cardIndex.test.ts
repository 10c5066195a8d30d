import { describe, expect, it } from 'vitest';
import { buildCardIndex } from './cardIndex.js';
import { frame, hypothesis, indicator, observation, recommendation, theme } from './testCards.js';

describe('the search index of a board', () => {
  it('folds every text field of each kind, enum labels included', () => {
    const index = buildCardIndex([
      observation('shape:o', {
        verbatim: 'Le loyer a augmenté',
        source: 'micro-trottoir',
        public: 'Personne âgée',
        commune: 'Rochebrune',
        date: '2026-04-02',
      }),
      hypothesis('shape:h', {
        statement: 'Les jeunes renoncent',
        topic: 'Mobilité',
        public: 'Jeunes',
        status: 'nuancee',
      }),
      indicator('shape:i', {
        label: 'Taux de pauvreté',
        value: 14.5,
        unit: '%',
        territory: 'CC du Val',
        year: 2021,
        source: 'Insee Filosofi',
      }),
      recommendation('shape:r', {
        title: 'Adapter les horaires',
        description: 'Un car à 5 h 30',
        leadOrganisation: 'Région',
        priority: 'haute',
      }),
    ]);
    const text = Object.fromEntries(index.cards.map((c) => [c.id, c.text]));
    for (const part of ['le loyer a augmente', 'micro-trottoir', 'personne agee', 'rochebrune'])
      expect(text['shape:o']).toContain(part);
    expect(text['shape:o']).toContain('2026-04-02');
    expect(text['shape:o']).toContain('02/04/2026');
    for (const part of ['les jeunes renoncent', 'mobilite', 'jeunes', 'nuancee'])
      expect(text['shape:h']).toContain(part);
    for (const part of ['taux de pauvrete', '14,5', '%', 'cc du val', '2021', 'insee filosofi'])
      expect(text['shape:i']).toContain(part);
    for (const part of ['adapter les horaires', 'un car a 5 h 30', 'region', 'haute'])
      expect(text['shape:r']).toContain(part);
  });

  it('lists themes apart: they hold cards, they are not results', () => {
    const index = buildCardIndex([theme('shape:t', ' Logement '), observation('shape:o', {})]);
    expect(index.cards.map((c) => c.id)).toEqual(['shape:o']);
    expect(index.themes).toEqual([{ id: 'shape:t', label: 'Logement' }]);
  });

  it('leaves out shapes that are not ABS cards', () => {
    const index = buildCardIndex([
      frame('shape:f'),
      { id: 'shape:x', type: 'text', parentId: 'page:page', props: { richText: {} } },
    ]);
    expect(index.cards).toEqual([]);
  });

  it('finds the themes that hold a card through any ancestor, nearest first', () => {
    const index = buildCardIndex([
      theme('shape:outer', 'Logement'),
      frame('shape:frame', 'shape:outer'),
      theme('shape:inner', 'Loyers', 'shape:frame'),
      observation('shape:deep', {}, 'shape:inner'),
      observation('shape:framed', {}, 'shape:frame'),
      observation('shape:direct', {}, 'shape:outer'),
      frame('shape:lonely'),
      observation('shape:loose', {}, 'shape:lonely'),
      observation('shape:page', {}),
    ]);
    const themes = Object.fromEntries(index.cards.map((c) => [c.id, c.themeIds]));
    expect(themes).toEqual({
      'shape:deep': ['shape:inner', 'shape:outer'],
      'shape:framed': ['shape:outer'],
      'shape:direct': ['shape:outer'],
      'shape:loose': [],
      'shape:page': [],
    });
  });

  it('survives a cycle of parents the server has not repaired yet', () => {
    const index = buildCardIndex([
      theme('shape:a', 'A', 'shape:b'),
      theme('shape:b', 'B', 'shape:a'),
      observation('shape:o', {}, 'shape:a'),
    ]);
    expect(index.cards[0]?.themeIds).toContain('shape:a');
  });

  it('folds a card once per version of its record', () => {
    let reads = 0;
    const props = {
      ...observation('shape:o', {}).props,
      get verbatim() {
        reads += 1;
        return 'Avant';
      },
    };
    const card = { id: 'shape:o', type: 'observation', parentId: 'page:page', props };
    expect(buildCardIndex([card]).cards[0]?.text).toContain('avant');
    expect(buildCardIndex([card, theme('shape:t', 'T')]).cards[0]?.text).toContain('avant');
    expect(reads).toBe(1);
    // tldraw replaces a changed record with a new object: that one is folded afresh.
    const changed = { ...card, props: { ...props, verbatim: 'Après' } };
    expect(buildCardIndex([changed]).cards[0]?.text).toContain('apres');
  });
});
