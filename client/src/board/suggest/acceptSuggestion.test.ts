// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Box, createShapeId, type Editor, type TLShapeId } from 'tldraw';
import { readBoardRecords } from '@boussole/shared';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { bindStoreToYDoc } from '../yjsBinding.js';
import { observationsInTheme } from '../shapes/themeMembership.js';
import { acceptSuggestion, themeGrid, themeGridLayout } from './acceptSuggestion.js';
import { unthemedObservations } from './unthemedObservations.js';

let editor: Editor | undefined;
afterEach(() => {
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
});

/** An editor holding `n` observations scattered in a row, each `w` × `h`, and one theme. */
function boardWith(n: number, size = { w: 260, h: 200 }) {
  editor = createJsdomEditor();
  const ids: TLShapeId[] = [];
  for (let i = 0; i < n; i++) {
    const id = createShapeId(`o${i}`);
    ids.push(id);
    editor.createShape({
      id,
      type: 'observation',
      x: i * 300,
      y: (i % 3) * 50,
      props: { ...size, verbatim: `Observation ${i}` },
    });
  }
  const existingTheme = createShapeId('existing');
  editor.createShape({
    id: existingTheme,
    type: 'theme',
    x: 0,
    y: 1000,
    props: { label: 'Logement' },
  });
  return { board: editor, ids, existingTheme };
}

function overlaps(a: Box, b: Box): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

describe('accepting a theme suggestion', () => {
  it('lays a theme out as a grid of four columns with room for its title', () => {
    const layout = themeGridLayout(Array.from({ length: 6 }, () => ({ w: 260, h: 200 })));
    expect(layout.w).toBe(40 * 2 + 4 * 260 + 3 * 20);
    expect(layout.h).toBe(40 + 40 + 2 * 200 + 20 + 40);
    expect(layout.positions[0]).toEqual({ x: 40, y: 80 });
    expect(layout.positions[3]).toEqual({ x: 40 + 3 * 280, y: 80 });
    expect(layout.positions[4]).toEqual({ x: 40, y: 80 + 220 });
    // Two cards make a theme two columns wide, not four.
    expect(
      themeGridLayout([
        { w: 260, h: 200 },
        { w: 260, h: 200 },
      ]).w,
    ).toBe(80 + 2 * 260 + 20);
  });

  it('creates one theme right of the content holding the cards, inside it and apart', () => {
    const { board, ids } = boardWith(9);
    const contentBefore = board.getCurrentPageBounds() as Box;
    const accepted = acceptSuggestion(board, { label: '  Mobilité, car  ', cardIds: ids });
    expect(accepted?.cardIds).toEqual(ids);
    const theme = board.getShape(accepted?.themeId as TLShapeId);
    expect(theme?.type).toBe('theme');
    expect(theme?.props).toMatchObject({ label: 'Mobilité, car' });

    // In free space: entirely right of everything that was on the board.
    const themeBounds = board.getShapePageBounds(theme!.id) as Box;
    expect(themeBounds.minX).toBeGreaterThanOrEqual(contentBefore.maxX);
    expect(themeBounds.minY).toBe(contentBefore.minY);

    // The cards are its children (its count reads them), inside its bounds, below its title.
    expect(
      observationsInTheme(board, theme!.id)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...ids].sort());
    const cardBounds = ids.map((id) => board.getShapePageBounds(id) as Box);
    for (const box of cardBounds) {
      expect(themeBounds.contains(box)).toBe(true);
      expect(box.minY).toBeGreaterThanOrEqual(
        themeBounds.minY + themeGrid.padding + themeGrid.titleRoom,
      );
    }
    for (let i = 0; i < cardBounds.length; i++)
      for (let j = i + 1; j < cardBounds.length; j++)
        expect(overlaps(cardBounds[i]!, cardBounds[j]!)).toBe(false);
    // Nothing left to suggest.
    expect(unthemedObservations(board)).toEqual([]);
  });

  it('is one change: a single undo takes the theme away and puts the cards back', () => {
    const { board, ids } = boardWith(5);
    const before = ids.map((id) => {
      const shape = board.getShape(id)!;
      return { parentId: shape.parentId, x: shape.x, y: shape.y };
    });
    const accepted = acceptSuggestion(board, { label: 'Car', cardIds: ids });
    board.undo();
    expect(board.getShape(accepted!.themeId)).toBeUndefined();
    expect(
      ids.map((id) => {
        const shape = board.getShape(id)!;
        return { parentId: shape.parentId, x: shape.x, y: shape.y };
      }),
    ).toEqual(before);
  });

  it('reaches the others as one document update holding the theme and its cards', () => {
    const { board, ids } = boardWith(7);
    const doc = new Y.Doc();
    const binding = bindStoreToYDoc(board.store, doc);
    // Someone else already has the board as it was.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));

    const accepted = acceptSuggestion(board, { label: 'Car', cardIds: ids });
    binding.dispose();
    expect(updates).toHaveLength(1);

    // That single update gives them the theme with every card inside it.
    Y.applyUpdate(other, updates[0]!);
    const records = Object.values(readBoardRecords(other));
    expect(records.find((r) => r.id === accepted?.themeId)).toMatchObject({ type: 'theme' });
    const children = records.filter((r) => r.parentId === accepted?.themeId).map((r) => r.id);
    expect(children.sort()).toEqual([...ids].sort());
  });

  it('sizes the grid on the largest card, so resized cards do not overlap', () => {
    const { board, ids } = boardWith(6);
    board.updateShape({ id: ids[1]!, type: 'observation', props: { w: 400, h: 320 } });
    const accepted = acceptSuggestion(board, { label: 'Grandes cartes', cardIds: ids });
    const themeBounds = board.getShapePageBounds(accepted!.themeId) as Box;
    const boxes = ids.map((id) => board.getShapePageBounds(id) as Box);
    for (const box of boxes) expect(themeBounds.contains(box)).toBe(true);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('leaves out cards deleted, locked or themed since, and creates nothing when none is left', () => {
    const { board, ids, existingTheme } = boardWith(4);
    board.deleteShape(ids[0]!);
    board.updateShape({ id: ids[1]!, type: 'observation', isLocked: true });
    board.reparentShapes([ids[2]!], existingTheme);
    const accepted = acceptSuggestion(board, { label: 'Reste', cardIds: ids });
    expect(accepted?.cardIds).toEqual([ids[3]]);
    expect(board.getShape(ids[1]!)?.parentId).toBe(board.getCurrentPageId());
    expect(board.getShape(ids[2]!)?.parentId).toBe(existingTheme);

    const themesBefore = board.getCurrentPageShapes().filter((s) => s.type === 'theme').length;
    expect(acceptSuggestion(board, { label: 'Rien', cardIds: [ids[0]!, ids[2]!] })).toBeUndefined();
    expect(board.getCurrentPageShapes().filter((s) => s.type === 'theme')).toHaveLength(
      themesBefore,
    );
  });

  it('lists as unthemed only the observations outside every theme, locked ones left out', () => {
    const { board, ids, existingTheme } = boardWith(3);
    board.reparentShapes([ids[0]!], existingTheme);
    board.updateShape({ id: ids[1]!, type: 'observation', isLocked: true });
    expect(unthemedObservations(board)).toEqual([{ id: ids[2], verbatim: 'Observation 2' }]);
  });
});
