// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShapeId, type Editor, type TLShapeId } from 'tldraw';
import { MAX_PLACEMENT_COORDINATE } from '@boussole/shared';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { showPlacedCards, viewCentre } from './placedCardsView.js';

/** Where revealed cards are asked to go, and the facilitator's camera once they are placed. */

let editor: Editor;
beforeEach(() => {
  editor = createJsdomEditor();
  // The camera jumps instead of animating: its end is read at once.
  editor.user.updateUserPreferences({ animationSpeed: 0 });
});
afterEach(() => {
  editor.dispose();
  document.body.innerHTML = '';
});

function card(i: number, x: number, y: number): TLShapeId {
  const id = createShapeId(`placed-${i}`);
  editor.createShape({ id, type: 'observation', parentId: editor.getCurrentPageId(), x, y });
  return id;
}

function inView(ids: TLShapeId[]): boolean {
  const view = editor.getViewportPageBounds();
  return ids.every((id) => view.contains(editor.getShapePageBounds(id)!));
}

describe('the centre of the facilitator’s view', () => {
  it('is the page point at the middle of the viewport, bounded as the server takes it', () => {
    // 1200 × 800 viewport.
    editor.setCamera({ x: -1_000, y: -500, z: 1 });
    expect(viewCentre(editor)).toEqual({ x: 1_600, y: 900 });
    editor.setCamera({ x: -1_000, y: -500, z: 0.5 });
    expect(viewCentre(editor)).toEqual({ x: 2_200, y: 1_300 });
    editor.setCamera({ x: -3e7, y: 3e7, z: 1 });
    expect(viewCentre(editor)).toEqual({
      x: MAX_PLACEMENT_COORDINATE,
      y: -MAX_PLACEMENT_COORDINATE,
    });
  });
});

describe('showing the placed cards', () => {
  it('leaves the camera alone when the cards are already in view', () => {
    editor.setCamera({ x: 0, y: 0, z: 1 });
    const ids = [card(1, 300, 200), card(2, 600, 200)];
    showPlacedCards(editor, ids);
    expect(editor.getCamera()).toMatchObject({ x: 0, y: 0, z: 1 });
  });

  it('moves to cards out of view, never closer than the zoom it had', () => {
    editor.setCamera({ x: 0, y: 0, z: 0.5 });
    const ids = [card(1, 5_000, 3_000), card(2, 5_300, 3_000)];
    expect(inView(ids)).toBe(false);
    showPlacedCards(editor, ids);
    expect(inView(ids)).toBe(true);
    expect(editor.getZoomLevel()).toBeLessThanOrEqual(0.5);
  });

  it('waits for cards that arrive after the answer, until stopped', () => {
    editor.setCamera({ x: 0, y: 0, z: 1 });
    const early = createShapeId('placed-1');
    showPlacedCards(editor, [early]);
    expect(editor.getCamera()).toMatchObject({ x: 0, y: 0, z: 1 });
    // The card comes through the board's sync: the camera follows once it is there.
    card(1, -4_000, 2_500);
    expect(inView([early])).toBe(true);

    editor.setCamera({ x: 0, y: 0, z: 1 });
    const stop = showPlacedCards(editor, [createShapeId('placed-2')]);
    stop();
    const late = card(2, 8_000, 8_000);
    expect(inView([late])).toBe(false);
  });
});
