import { describe, expect, it } from 'vitest';
import { buildExcerpt, type BoardContent } from './boardExcerpt.js';
import { plainText, type PmNode } from './prosemirrorJson.js';

const shape = (id: string, type: string, props: Record<string, unknown>, extra = {}) => ({
  [id]: { id, typeName: 'shape', type, parentId: 'page:page', index: 'a1', y: 0, props, ...extra },
});

const board: BoardContent = {
  id: 'board-1',
  title: 'Préconisations',
  records: {
    ...shape('shape:r1', 'recommendation', {
      title: 'Navette vers la gare',
      description: 'Deux allers-retours par jour.',
      leadOrganisation: 'Communauté de communes',
      priority: 'moyenne',
    }),
    ...shape('shape:r2', 'recommendation', {
      title: 'Permanence sociale à Rochebrune',
      description: '',
      leadOrganisation: 'CIAS',
      priority: 'haute',
    }),
    ...shape('shape:t1', 'theme', { label: 'Se déplacer' }),
    ...shape(
      'shape:o1',
      'observation',
      { verbatim: 'Pas de car à 6 h.' },
      { parentId: 'shape:t1' },
    ),
    ...shape('shape:o2', 'observation', { verbatim: 'Hors thème.' }),
  },
};
const url = (b: string, s: string) => `http://abs.example.fr/b/${b}#${s}`;
const text = (nodes: PmNode[]) => nodes.map(plainText).join('\n');

describe('excerpts of the boards for the report', () => {
  it('lists préconisations by priority, each linked to its card', () => {
    const excerpt = buildExcerpt('recommendations', [board], url);
    expect(excerpt.count).toBe(2);
    expect(text(excerpt.content)).toBe(
      [
        'Permanence sociale à Rochebrune (priorité haute ; porteur : CIAS)',
        'Navette vers la gare (priorité moyenne ; porteur : Communauté de communes) — Deux allers-retours par jour.',
      ].join('\n'),
    );
    expect(JSON.stringify(excerpt.content)).toContain('http://abs.example.fr/b/board-1#shape:r2');
  });

  it('counts each theme’s observations and quotes them', () => {
    expect(text(buildExcerpt('themes', [board], url).content)).toBe(
      'Se déplacer — 1 observation\n« Pas de car à 6 h. »',
    );
  });

  it('changes its fingerprint with the cards, not with the server’s address', () => {
    const before = buildExcerpt('recommendations', [board], url).fingerprint;
    expect(buildExcerpt('recommendations', [board], (b, s) => `/b/${b}#${s}`).fingerprint).toBe(
      before,
    );
    const edited = structuredClone(board);
    (edited.records['shape:r1']!.props as Record<string, unknown>).title =
      'Navette vers la gare de Villemoutier';
    expect(buildExcerpt('recommendations', [edited], url).fingerprint).not.toBe(before);
    // Nothing of that kind on the boards: said in the text, not left empty.
    expect(text(buildExcerpt('hypotheses', [board], url).content)).toMatch(/Aucune fiche/);
  });
});
