import { describe, expect, it } from 'vitest';
import type { PmNode } from '@boussole/shared';
import { blocksOf, diffBlocks } from './versionDiff.js';

const p = (text: string): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('comparing a version with the current text', () => {
  it('lists the blocks of a document, lists and tables included', () => {
    const doc: PmNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Méthode' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [p('Entretiens')] }] },
        p(''),
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [{ type: 'tableCell', content: [p('Rochebrune')] }] },
          ],
        },
      ],
    };
    expect(blocksOf(doc)).toEqual(['Méthode', 'Entretiens', 'Rochebrune']);
  });

  it('shows one insertion and one deletion where they happened', () => {
    expect(diffBlocks(['a', 'b', 'c'], ['a', 'x', 'b'])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'b' },
      { kind: 'removed', text: 'c' },
    ]);
  });

  it('shows an edited paragraph word by word, and a replaced one whole', () => {
    const before = ['Méthode', 'Nous avons mené 40 entretiens à Rochebrune.', 'Texte ancien.'];
    const after = [
      'Méthode',
      'Nous avons mené 52 entretiens à Rochebrune et aux Granges.',
      'Tout autre chose ici.',
    ];
    expect(diffBlocks(before, after)).toEqual([
      { kind: 'same', text: 'Méthode' },
      {
        kind: 'changed',
        parts: [
          { kind: 'same', text: 'Nous avons mené ' },
          { kind: 'removed', text: '40 ' },
          { kind: 'added', text: '52 ' },
          { kind: 'same', text: 'entretiens à ' },
          { kind: 'removed', text: 'Rochebrune.' },
          { kind: 'added', text: 'Rochebrune et aux Granges.' },
        ],
      },
      { kind: 'removed', text: 'Texte ancien.' },
      { kind: 'added', text: 'Tout autre chose ici.' },
    ]);
  });
});
