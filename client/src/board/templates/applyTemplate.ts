import { createShapeId, toRichText, type Editor } from 'tldraw';
import { boardDocLayout, boardMetaMap, type BoardTemplateId } from '@boussole/shared';
import type * as Y from 'yjs';
import { templateLayout } from './layouts.js';

const TEMPLATE_APPLIED = boardDocLayout.templateAppliedKey;

/**
 * Records that a board's content already stands for its template (the demo writes its own
 * layout), so that opening it does not lay the template's frames over it.
 */
export function markTemplateApplied(doc: Y.Doc, template: BoardTemplateId): void {
  doc.transact(() => boardMetaMap(doc).set(TEMPLATE_APPLIED, template));
}

/**
 * Lays out a template on a new board, once: the board's Y.Doc remembers that it was applied,
 * so the second person to open a fresh board does not get the frames twice.
 */
export function applyTemplateOnce(
  editor: Editor,
  doc: Y.Doc,
  template: BoardTemplateId,
  lang: 'fr' | 'en',
): boolean {
  const meta = boardMetaMap(doc);
  if (template === 'blank' || meta.get(TEMPLATE_APPLIED)) return false;
  doc.transact(() => meta.set(TEMPLATE_APPLIED, template));
  const items = templateLayout(template, lang);
  editor.run(() => {
    for (const item of items) {
      const id = createShapeId();
      if (item.kind === 'guidance') {
        editor.createShape({
          id,
          type: 'text',
          x: item.x,
          y: item.y,
          props: { richText: toRichText(item.text), w: item.w, autoSize: false, size: 'm' },
        });
      } else if (item.kind === 'theme') {
        editor.createShape({
          id,
          type: 'theme',
          x: item.x,
          y: item.y,
          props: { w: item.w, h: item.h, label: item.title },
        });
      } else {
        editor.createShape({
          id,
          type: 'frame',
          x: item.x,
          y: item.y,
          props: { w: item.w, h: item.h, name: item.title },
        });
      }
    }
  });
  editor.zoomToFit({ animation: { duration: 0 } });
  return true;
}
