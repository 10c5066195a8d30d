// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Editor, createShapeId, type TLPointerEventInfo, type TLShapeId } from 'tldraw';
import { cardKinds, cardPropsSchemas } from '@boussole/shared';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { observationsInTheme } from './themeMembership.js';

/**
 * The cards inside a real tldraw editor (jsdom gives it a DOM; nothing is rendered): created
 * from the toolbar's defaults, and dragged into and out of a theme with simulated pointer input.
 */

let editor: Editor | undefined;
afterEach(() => {
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
});

function createEditor(): Editor {
  editor = createJsdomEditor();
  return editor;
}

function pointer(
  target: Editor,
  name: TLPointerEventInfo['name'],
  x: number,
  y: number,
  shapeId: TLShapeId,
) {
  const shape = target.getShape(shapeId);
  if (!shape) throw new Error(`no shape ${shapeId}`);
  target.dispatch({
    type: 'pointer',
    name,
    target: 'shape',
    shape,
    point: { x, y, z: 0.5 },
    pointerId: 1,
    button: 0,
    isPen: false,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    accelKey: false,
  });
  target.emit('tick', 16);
}

/** Presses on a shape, drags it in small steps like a hand would, and lets go. */
function drag(
  target: Editor,
  shapeId: TLShapeId,
  from: { x: number; y: number },
  to: { x: number; y: number },
) {
  pointer(target, 'pointer_down', from.x, from.y, shapeId);
  const steps = 20;
  for (let i = 1; i <= steps; i++) {
    pointer(
      target,
      'pointer_move',
      from.x + ((to.x - from.x) * i) / steps,
      from.y + ((to.y - from.y) * i) / steps,
      shapeId,
    );
  }
  pointer(target, 'pointer_up', to.x, to.y, shapeId);
}

describe('cards in the tldraw editor', () => {
  it('creates every card kind from its default props, which the shared schema accepts', () => {
    const board = createEditor();
    for (const kind of cardKinds) {
      const id = createShapeId(kind);
      board.createShape({ id, type: kind });
      const shape = board.getShape(id);
      expect(shape?.type).toBe(kind);
      expect(cardPropsSchemas[kind].safeParse(shape?.props).success).toBe(true);
    }
  });

  it('makes an observation dropped into a theme its child, counted by observationsInTheme', () => {
    const board = createEditor();
    const themeId = createShapeId('mobilite');
    const observationId = createShapeId('o1');
    board.createShape({
      id: themeId,
      type: 'theme',
      x: 400,
      y: 0,
      props: { label: 'Mobilité', w: 500, h: 400 },
    });
    board.createShape({ id: observationId, type: 'observation', x: 0, y: 0 });
    expect(observationsInTheme(board, themeId)).toEqual([]);

    drag(board, observationId, { x: 50, y: 50 }, { x: 560, y: 120 });
    expect(board.getShape(observationId)?.parentId).toBe(themeId);
    expect(observationsInTheme(board, themeId).map((s) => s.id)).toEqual([observationId]);
    // The same answer from plain records, as a server or an export would compute it.
    expect(observationsInTheme(board.store.allRecords(), themeId).map((s) => s.id)).toEqual([
      observationId,
    ]);

    drag(board, observationId, { x: 560, y: 120 }, { x: 60, y: 600 });
    expect(board.getShape(observationId)?.parentId).toBe(board.getCurrentPageId());
    expect(observationsInTheme(board, themeId)).toEqual([]);
  });
});
