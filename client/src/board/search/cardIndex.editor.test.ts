// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createShapeId, type Editor } from 'tldraw';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { buildCardIndex } from './cardIndex.js';
import { matchCards, noFilters, unthemed } from './cardFilters.js';

/** The search over a real tldraw editor's records, as the board page reads them. */

let editor: Editor | undefined;
afterEach(() => {
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
});

describe('searching the cards of a tldraw editor', () => {
  it('follows a card into and out of a theme, and finds its edited words', () => {
    editor = createJsdomEditor();
    const themeId = createShapeId('logement');
    const cardId = createShapeId('o1');
    editor.createShape({ id: themeId, type: 'theme', x: 400, y: 0, props: { label: 'Logement' } });
    editor.createShape({
      id: cardId,
      type: 'observation',
      x: 0,
      y: 0,
      props: { verbatim: 'Le loyer a doublé', commune: 'Rochebrune' },
    });
    const inTheme = () =>
      matchCards(buildCardIndex(editor?.getCurrentPageShapes() ?? []), '', {
        ...noFilters,
        theme: themeId,
      });
    expect(inTheme()).toEqual([]);

    editor.reparentShapes([cardId], themeId);
    expect(inTheme()).toEqual([cardId]);
    const index = buildCardIndex(editor.getCurrentPageShapes());
    expect(matchCards(index, '', { ...noFilters, theme: unthemed })).toEqual([]);
    expect(index.themes).toEqual([{ id: themeId, label: 'Logement' }]);

    editor.updateShape({ id: cardId, type: 'observation', props: { verbatim: 'Une laverie' } });
    const edited = buildCardIndex(editor.getCurrentPageShapes());
    expect(matchCards(edited, 'LAVERIE', noFilters)).toEqual([cardId]);
    expect(matchCards(edited, 'loyer', noFilters)).toEqual([]);

    editor.reparentShapes([cardId], editor.getCurrentPageId());
    expect(inTheme()).toEqual([]);
  });
});
