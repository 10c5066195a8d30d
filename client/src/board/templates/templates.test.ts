// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Editor, TLShape } from 'tldraw';
import { boardTemplateIds } from '@boussole/shared';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';
import { applyTemplateOnce } from './applyTemplate.js';
import { containers, templateLayout } from './layouts.js';

let editor: Editor | undefined;
afterEach(() => {
  editor?.dispose();
  editor = undefined;
  document.body.innerHTML = '';
});

function titles(shapes: TLShape[]): string[] {
  return shapes.flatMap((s) => {
    if (s.type === 'frame') return [(s.props as { name: string }).name];
    if (s.type === 'theme') return [(s.props as { label: string }).label];
    return [];
  });
}

describe('board templates', () => {
  it.each(boardTemplateIds.filter((id) => id !== 'blank'))(
    '%s lays out its frames and guidance as valid tldraw shapes, once',
    (template) => {
      editor = createJsdomEditor();
      const doc = new Y.Doc();
      expect(applyTemplateOnce(editor, doc, template, 'fr')).toBe(true);
      const layout = templateLayout(template, 'fr');
      const shapes = editor.getCurrentPageShapes();
      expect(shapes).toHaveLength(layout.length);
      expect(titles(shapes).sort()).toEqual(
        containers(layout)
          .map((i) => i.title)
          .sort(),
      );
      expect(shapes.some((s) => s.type === 'text')).toBe(true);
      // Opening the board again (or by a second person) does not lay it out twice.
      expect(applyTemplateOnce(editor, doc, template, 'fr')).toBe(false);
      expect(editor.getCurrentPageShapes()).toHaveLength(layout.length);
    },
  );

  it('leaves a blank board blank', () => {
    editor = createJsdomEditor();
    expect(applyTemplateOnce(editor, new Y.Doc(), 'blank', 'fr')).toBe(false);
    expect(editor.getCurrentPageShapes()).toHaveLength(0);
  });

  it('speaks French by default and English on request', () => {
    expect(
      templateLayout('life-stages-journey').map((i) => ('title' in i ? i.title : '')),
    ).toContain('Grand âge');
    expect(
      templateLayout('life-stages-journey', 'en').map((i) => ('title' in i ? i.title : '')),
    ).toContain('Old age');
  });

  it('never overlaps two frames of one template', () => {
    for (const id of boardTemplateIds) {
      const boxes = containers(templateLayout(id));
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart =
            a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, `${id}: ${a.title} / ${b.title}`).toBe(true);
        }
      }
    }
  });
});
