// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createShapeId, type Editor, type TLShapeId } from 'tldraw';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { boxesOverlap } from '../placement/rects.js';
import { bindStoreToYDoc } from '../yjsBinding.js';
import { arrangeBoardInColumns, arrangeTheme, arrangeUnthemed } from './arrangeOnBoard.js';

/** « Ranger » in a real tldraw editor (jsdom; nothing rendered). */

let editor: Editor | undefined;
afterEach(() => {
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
});

const communes = ['Lyon', '', 'Écully', 'Annecy', 'Dardilly', 'Bron'];

function observation(
  board: Editor,
  i: number,
  at: { x: number; y: number },
  parentId?: TLShapeId,
): TLShapeId {
  const id = createShapeId(`o${i}`);
  board.createShape({
    id,
    type: 'observation',
    // Explicit, or tldraw puts a card created over a theme into it.
    parentId: parentId ?? board.getCurrentPageId(),
    ...at,
    props: { verbatim: `Observation ${i}`, commune: communes[i % communes.length]! },
  });
  return id;
}

function pageBox(board: Editor, id: TLShapeId) {
  const b = board.getShapePageBounds(id)!;
  return { x: b.x, y: b.y, w: b.w, h: b.h };
}

function expectNoOverlap(board: Editor, ids: TLShapeId[]) {
  const boxes = ids.map((id) => pageBox(board, id));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(boxesOverlap(boxes[i]!, boxes[j]!), `${ids[i]} / ${ids[j]}`).toBe(false);
}

function positions(board: Editor, ids: TLShapeId[]) {
  return ids.map((id) => {
    const s = board.getShape(id)!;
    return { x: s.x, y: s.y };
  });
}

/** Reading order of cards on the page: top to bottom, then left to right. */
function readOrder(board: Editor, ids: TLShapeId[]) {
  return [...ids].sort((a, b) => {
    const p = pageBox(board, a);
    const q = pageBox(board, b);
    return p.y - q.y || p.x - q.x;
  });
}

function themeWithPile(count: number) {
  const board = (editor = createJsdomEditor());
  const themeId = createShapeId('theme');
  board.createShape({ id: themeId, type: 'theme', x: 0, y: 0, props: { w: 600, h: 400 } });
  const ids = Array.from({ length: count }, (_, i) =>
    observation(board, i, { x: 60 + i * 4, y: 90 + i * 3 }, themeId),
  );
  return { board, themeId, ids };
}

describe('arrangeTheme', () => {
  it('lays the theme out by commune (French order, empty last), apart, inside the grown theme', () => {
    const { board, themeId, ids } = themeWithPile(6);
    arrangeTheme(board, themeId, 'commune');
    expectNoOverlap(board, ids);
    const communeOf = (id: TLShapeId) => (board.getShape(id)!.props as { commune: string }).commune;
    expect(readOrder(board, ids).map(communeOf)).toEqual([
      'Annecy',
      'Bron',
      'Dardilly',
      'Écully',
      'Lyon',
      '',
    ]);
    const theme = board.getShapePageBounds(themeId)!;
    for (const id of ids) expect(theme.contains(board.getShapePageBounds(id)!)).toBe(true);
  });

  it('is one undo step, and leaves a locked card where it is', () => {
    const { board, themeId, ids } = themeWithPile(5);
    board.updateShape({ id: ids[2]!, type: 'observation', isLocked: true });
    const before = positions(board, ids);
    const themeBefore = board.getShape(themeId)!.props;
    arrangeTheme(board, themeId, 'commune');
    expect(positions(board, [ids[2]!])).toEqual([before[2]]);
    expectNoOverlap(board, ids);
    expect(positions(board, ids)).not.toEqual(before);
    board.undo();
    expect(positions(board, ids)).toEqual(before);
    expect(board.getShape(themeId)!.props).toEqual(themeBefore);
  });
});

function looseBoard() {
  const board = (editor = createJsdomEditor());
  const themeId = createShapeId('theme');
  board.createShape({ id: themeId, type: 'theme', x: 0, y: 0, props: { w: 600, h: 400 } });
  const inTheme = observation(board, 99, { x: 60, y: 90 }, themeId);
  // Loose cards scattered over and around the theme, some piled up.
  const loose = Array.from({ length: 9 }, (_, i) =>
    observation(board, i, { x: 100 + (i % 3) * 150, y: 200 + Math.floor(i / 3) * 60 }),
  );
  return { board, themeId, inTheme, loose };
}

describe('arrangeUnthemed and arrangeBoardInColumns', () => {
  it('grids the unthemed observations covering nothing else, the theme untouched; one undo', () => {
    const { board, themeId, inTheme, loose } = looseBoard();
    const before = positions(board, loose);
    const themeBox = pageBox(board, themeId);
    arrangeUnthemed(board, 'commune');
    expectNoOverlap(board, [...loose, themeId]);
    expect(pageBox(board, themeId)).toEqual(themeBox);
    expect(board.getShape(inTheme)!.parentId).toBe(themeId);
    expect(positions(board, loose)).not.toEqual(before);
    board.undo();
    expect(positions(board, loose)).toEqual(before);
  });

  it('stays where the cards were when that space is free', () => {
    const board = (editor = createJsdomEditor());
    const loose = Array.from({ length: 4 }, (_, i) =>
      observation(board, i, { x: 1000 + i * 10, y: 500 + i * 10 }),
    );
    arrangeUnthemed(board, 'current');
    expectNoOverlap(board, loose);
    const xs = loose.map((id) => pageBox(board, id).x);
    const ys = loose.map((id) => pageBox(board, id).y);
    expect(Math.min(...xs)).toBe(1000);
    expect(Math.min(...ys)).toBe(500);
  });

  it('puts one column per commune, nothing overlapping, and reaches the others as one update', () => {
    const { board, themeId, loose } = looseBoard();
    const doc = new Y.Doc();
    const binding = bindStoreToYDoc(board.store, doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    arrangeBoardInColumns(board, 'commune');
    binding.dispose();
    expect(updates).toHaveLength(1);
    expectNoOverlap(board, [...loose, themeId]);
    const columns = new Map<string, Set<number>>();
    for (const id of loose) {
      const commune = (board.getShape(id)!.props as { commune: string }).commune;
      const set = columns.get(commune) ?? new Set<number>();
      set.add(pageBox(board, id).x);
      columns.set(commune, set);
    }
    // Each commune's cards share one column; columns differ per commune, in French order.
    for (const xs of columns.values()) expect(xs.size).toBe(1);
    const xOf = (commune: string) => [...columns.get(commune)!][0]!;
    const ordered = ['Annecy', 'Bron', 'Dardilly', 'Écully', 'Lyon', ''].filter((c) =>
      columns.has(c),
    );
    expect(ordered.map(xOf)).toEqual([...ordered.map(xOf)].sort((a, b) => a - b));
    expect(new Set(ordered.map(xOf)).size).toBe(ordered.length);
  });
});
