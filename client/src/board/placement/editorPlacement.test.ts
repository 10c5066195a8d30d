// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Editor, createShapeId, type TLPointerEventInfo, type TLShapeId } from 'tldraw';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { createCardInFreeSpace } from './editorPlacement.js';
import { boxesOverlap } from './rects.js';

/** Placement in a real tldraw editor (jsdom; nothing rendered), driven like a person would. */

let editor: Editor | undefined;
afterEach(() => {
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
});

function board(): Editor {
  editor = createJsdomEditor();
  return editor;
}

function pointer(
  target: Editor,
  name: TLPointerEventInfo['name'],
  point: { x: number; y: number },
  shapeId?: TLShapeId,
) {
  const shape = shapeId && target.getShape(shapeId);
  const base = {
    type: 'pointer' as const,
    name,
    point: { ...point, z: 0.5 },
    pointerId: 1,
    button: 0,
    isPen: false,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    accelKey: false,
  };
  target.dispatch(shape ? { ...base, target: 'shape', shape } : { ...base, target: 'canvas' });
  target.emit('tick', 16);
}

function drag(
  target: Editor,
  id: TLShapeId,
  from: { x: number; y: number },
  to: { x: number; y: number },
) {
  pointer(target, 'pointer_down', from, id);
  for (let i = 1; i <= 20; i++) {
    pointer(
      target,
      'pointer_move',
      {
        x: from.x + ((to.x - from.x) * i) / 20,
        y: from.y + ((to.y - from.y) * i) / 20,
      },
      id,
    );
  }
  pointer(target, 'pointer_up', to, id);
}

function click(target: Editor, point: { x: number; y: number }) {
  pointer(target, 'pointer_down', point);
  pointer(target, 'pointer_up', point);
}

function pageBoxes(target: Editor, ids: TLShapeId[]) {
  return ids.map((id) => {
    const b = target.getShapePageBounds(id)!;
    return { x: b.x, y: b.y, w: b.w, h: b.h };
  });
}

function expectNoOverlap(boxes: { x: number; y: number; w: number; h: number }[]) {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(boxesOverlap(boxes[i]!, boxes[j]!), `cards ${i} and ${j}`).toBe(false);
}

const themeProps = { label: 'Logement', w: 560, h: 400 };

describe('placement on a live board', () => {
  it('creates twelve cards in a row from the toolbar without any overlap', () => {
    const b = board();
    const ids: TLShapeId[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(createCardInFreeSpace(b, 'observation'));
      b.selectNone();
    }
    expectNoOverlap(pageBoxes(b, ids));
  });

  it('puts a card created while a theme (or one of its cards) is selected inside it, and grows it', () => {
    const b = board();
    const themeId = createShapeId('theme');
    b.createShape({ id: themeId, type: 'theme', x: 0, y: 0, props: themeProps });
    b.select(themeId);
    const ids: TLShapeId[] = [];
    for (let i = 0; i < 6; i++) ids.push(createCardInFreeSpace(b, 'observation'));
    // After the first, the new card is selected: the next one still lands in its theme.
    for (const id of ids) expect(b.getShape(id)?.parentId).toBe(themeId);
    expectNoOverlap(pageBoxes(b, ids));
    const theme = b.getShapePageBounds(themeId)!;
    expect(theme.h).toBeGreaterThan(themeProps.h);
    for (const box of pageBoxes(b, ids)) {
      expect(box.x + box.w).toBeLessThanOrEqual(theme.maxX);
      expect(box.y + box.h).toBeLessThanOrEqual(theme.maxY);
    }
  });

  it('moves aside a loose card the growing theme would cover, and only that one', () => {
    const b = board();
    const themeId = createShapeId('theme');
    b.createShape({ id: themeId, type: 'theme', x: 0, y: 0, props: themeProps });
    // One card just below the theme (where it will grow), one already overlapping its edge.
    const below = createShapeId('below');
    const onEdge = createShapeId('edge');
    b.createShape({ id: below, type: 'observation', x: 40, y: themeProps.h + 30 });
    b.createShape({ id: onEdge, type: 'observation', x: themeProps.w - 60, y: 40 });
    const edgeBefore = b.getShapePageBounds(onEdge)!;
    b.select(themeId);
    for (let i = 0; i < 12; i++) createCardInFreeSpace(b, 'observation');
    const theme = b.getShapePageBounds(themeId)!;
    expect(theme.h).toBeGreaterThan(themeProps.h + 30);
    expect(b.getShape(below)?.parentId).toBe(b.getCurrentPageId());
    expect(boxesOverlap(b.getShapePageBounds(below)!, theme)).toBe(false);
    expect(b.getShapePageBounds(onEdge)).toEqual(edgeBefore);
  });

  it('selects a theme by a click on its title bar, or near its border; not in its empty inside', () => {
    const b = board();
    const themeId = createShapeId('theme');
    b.createShape({ id: themeId, type: 'theme', x: 100, y: 100, props: themeProps });
    click(b, { x: 300, y: 115 });
    expect(b.getSelectedShapeIds()).toEqual([themeId]);
    b.selectNone();
    click(b, { x: 102, y: 300 });
    expect(b.getSelectedShapeIds()).toEqual([themeId]);
    b.selectNone();
    click(b, { x: 350, y: 320 });
    expect(b.getSelectedShapeIds()).toEqual([]);
  });

  it('lays out ten cards dropped into a theme in its grid: all its children, no overlap, theme grown', () => {
    const b = board();
    const themeId = createShapeId('theme');
    b.createShape({ id: themeId, type: 'theme', x: 600, y: 0, props: themeProps });
    const ids: TLShapeId[] = [];
    for (let i = 0; i < 10; i++) {
      const id = createShapeId(`o${i}`);
      b.createShape({ id, type: 'observation', x: 0, y: i * 200 - 900 });
      ids.push(id);
    }
    for (const [i, id] of ids.entries()) {
      const from = b.getShapePageBounds(id)!.center;
      drag(b, id, from, { x: 760 + (i % 2) * 4, y: 200 + (i % 3) * 3 });
    }
    for (const id of ids) expect(b.getShape(id)?.parentId).toBe(themeId);
    expectNoOverlap(pageBoxes(b, ids));
    const theme = b.getShapePageBounds(themeId)!;
    expect(theme.w * theme.h).toBeGreaterThan(themeProps.w * themeProps.h);
    for (const box of pageBoxes(b, ids)) {
      expect(box.x).toBeGreaterThanOrEqual(theme.x);
      expect(box.y + box.h).toBeLessThanOrEqual(theme.maxY);
    }
    // One drop is one undo step: undoing the last drop takes its card back out.
    b.undo();
    expect(b.getShape(ids[9]!)?.parentId).toBe(b.getCurrentPageId());
  });

  it('adopts the cards a theme is moved over, and lays them out', () => {
    const b = board();
    const themeId = createShapeId('theme');
    b.createShape({ id: themeId, type: 'theme', x: 0, y: 600, props: themeProps });
    const ids = [createShapeId('a'), createShapeId('b'), createShapeId('c')];
    b.createShape({ id: ids[0]!, type: 'observation', x: 40, y: 60 });
    b.createShape({ id: ids[1]!, type: 'observation', x: 60, y: 80 });
    b.createShape({ id: ids[2]!, type: 'observation', x: 900, y: 80 });
    // Drag the theme by its title bar up over the first two cards.
    drag(b, themeId, { x: 200, y: 615 }, { x: 200, y: 35 });
    expect(b.getShape(ids[0]!)?.parentId).toBe(themeId);
    expect(b.getShape(ids[1]!)?.parentId).toBe(themeId);
    expect(b.getShape(ids[2]!)?.parentId).toBe(b.getCurrentPageId());
    expectNoOverlap(pageBoxes(b, ids.slice(0, 2)));
  });
});
