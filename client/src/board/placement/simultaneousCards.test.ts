// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Editor, createShapeId, type TLShapeId } from 'tldraw';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { createCardAtCentre } from '../CardToolbar.js';
import { waitFor } from '../../../../tests/helpers/wait.js';

/**
 * Two people clicking « + Observation » in the same instant both find the same spot free. When
 * the other person's card arrives (a remote change) on top of ours, exactly one of the two moves:
 * the one with the larger id.
 */

let editor: Editor | undefined;
afterEach(() => {
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
});

function landOnTop(target: Editor, mine: TLShapeId, otherId: string): TLShapeId {
  const shape = target.getShape(mine)!;
  const id = createShapeId(otherId);
  target.store.mergeRemoteChanges(() => {
    target.createShape({ id, type: 'observation', x: shape.x, y: shape.y });
  });
  return id;
}

function overlap(target: Editor, a: TLShapeId, b: TLShapeId): boolean {
  const boxA = target.getShapePageBounds(a)!;
  const boxB = target.getShapePageBounds(b)!;
  return boxA.collides(boxB);
}

describe('cards created at the same instant by two people', () => {
  it('moves our card away when the other card has the smaller id', async () => {
    editor = createJsdomEditor();
    createCardAtCentre(editor, 'observation');
    const mine = editor.getOnlySelectedShapeId()!;
    // '!' sorts before every character of a generated id.
    const theirs = landOnTop(editor, mine, '!');
    const target = editor;
    await waitFor(() => !overlap(target, mine, theirs), { what: 'our card moved away' });
    expect(target.getShape(theirs)).toBeDefined();
  });

  it('leaves our card where it is when the other card has the larger id (its owner moves it)', () => {
    editor = createJsdomEditor();
    createCardAtCentre(editor, 'observation');
    const mine = editor.getOnlySelectedShapeId()!;
    const before = editor.getShape(mine)!;
    // '~' sorts after every character of a generated id.
    landOnTop(editor, mine, '~~~~~~~~~~~~~~~~~~~~~~~~~~~');
    expect(editor.getShape(mine)).toMatchObject({ x: before.x, y: before.y });
  });
});
