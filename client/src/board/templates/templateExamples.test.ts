// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Editor, TLShape } from 'tldraw';
import { boardTemplateIds, type BoardTemplateId } from '@boussole/shared';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { applyTemplateOnce } from './applyTemplate.js';

let editor: Editor | undefined;
afterEach(() => {
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
});

function laidOut(template: BoardTemplateId, lang: 'fr' | 'en' = 'fr'): Editor {
  editor = createJsdomEditor();
  expect(applyTemplateOnce(editor, new Y.Doc(), template, lang)).toBe(true);
  return editor;
}

const exampleKinds = ['note', 'observation', 'hypothesis', 'indicator', 'recommendation'];

/** The text a person reads on a card: what tldraw's search and exports take too. */
function textOf(editor: Editor, shape: TLShape): string {
  return editor.getShapeUtil(shape).getText(shape) ?? '';
}

function examplesOn(editor: Editor): TLShape[] {
  return editor.getCurrentPageShapes().filter((s) => exampleKinds.includes(s.type));
}

const expectedKinds: Record<Exclude<BoardTemplateId, 'blank'>, string[]> = {
  'initial-perceptions': ['note'],
  'working-hypotheses': ['hypothesis', 'indicator'],
  'affinity-map': ['observation'],
  'recommendations-matrix': ['recommendation'],
  'life-stages-journey': ['observation'],
};

describe('example cards on a new board', () => {
  it.each(boardTemplateIds.filter((id) => id !== 'blank'))(
    '%s comes with one example card per kind, marked as an example, inside a frame',
    (template) => {
      const editor = laidOut(template);
      const examples = examplesOn(editor);
      expect(examples.map((s) => s.type).sort()).toEqual(
        expectedKinds[template as Exclude<BoardTemplateId, 'blank'>].sort(),
      );
      for (const card of examples) {
        expect(textOf(editor, card)).toMatch(/^Exemple : \S/);
        const parent = editor.getShape(card.parentId as never);
        expect(parent?.type, `${card.type} sits in a frame`).toBe('frame');
        const inner = editor.getShapePageBounds(card)!;
        const outer = editor.getShapePageBounds(parent!)!;
        expect(outer.contains(inner), `${card.type} inside its frame`).toBe(true);
      }
    },
  );

  it('marks the examples in English on an English board', () => {
    const editor = laidOut('working-hypotheses', 'en');
    const texts = examplesOn(editor).map((s) => textOf(editor, s));
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).toMatch(/^Example: \S/);
  });
});

describe('the user journey’s rows', () => {
  const rowLabels = ['Besoins', 'Ruptures de parcours', 'Réponses existantes'];

  it('rules every life stage into besoins, ruptures and réponses, top to bottom', () => {
    const editor = laidOut('life-stages-journey');
    const stages = editor.getCurrentPageShapes().filter((s) => s.type === 'frame');
    expect(stages).toHaveLength(6);
    for (const stage of stages) {
      const rows = editor
        .getSortedChildIdsForParent(stage.id)
        .map((id) => editor.getShape(id)!)
        .filter((s) => s.type === 'geo')
        .sort((a, b) => a.y - b.y);
      expect(rows.map((r) => textOf(editor, r))).toEqual(rowLabels);
      const frame = editor.getShapePageBounds(stage)!;
      const boxes = rows.map((r) => editor.getShapePageBounds(r)!);
      for (const [i, box] of boxes.entries()) {
        expect(frame.contains(box)).toBe(true);
        // Locked: the rows are the frame's background, not something to drag by mistake.
        expect(rows[i]!.isLocked).toBe(true);
        const below = boxes[i + 1];
        if (below) expect(box.maxY).toBeLessThanOrEqual(below.minY);
      }
    }
  });

  it('puts its example observation in the adults’ « Ruptures de parcours » row', () => {
    const editor = laidOut('life-stages-journey');
    const [example] = examplesOn(editor);
    const stage = editor.getShape(example!.parentId as never)!;
    expect((stage.props as { name: string }).name).toBe('Adulte');
    const row = editor
      .getSortedChildIdsForParent(stage.id)
      .map((id) => editor.getShape(id)!)
      .find((s) => s.type === 'geo' && textOf(editor, s) === 'Ruptures de parcours')!;
    expect(editor.getShapePageBounds(row)!.contains(editor.getShapePageBounds(example!)!)).toBe(
      true,
    );
  });

  it('names its rows in English on an English board', () => {
    const editor = laidOut('life-stages-journey', 'en');
    const labels = editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'geo')
      .map((s) => textOf(editor, s));
    expect(new Set(labels)).toEqual(
      new Set(['Needs', 'Breaks in the journey', 'Existing services']),
    );
    expect(labels).toHaveLength(18);
  });
});
