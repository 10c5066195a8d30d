import {
  createShapeId,
  toRichText,
  type Editor,
  type TLShapeId,
  type TLShapePartial,
} from 'tldraw';
import { boardDocLayout, boardMetaMap, type BoardTemplateId } from '@boussole/shared';
import type * as Y from 'yjs';
import type { ExampleCardItem } from './examples.js';
import { templateLayout, type TemplateItem } from './layouts.js';

const TEMPLATE_APPLIED = boardDocLayout.templateAppliedKey;

/**
 * Records that a board's content already stands for its template (the demo writes its own
 * layout), so that opening it does not lay the template's frames over it.
 */
export function markTemplateApplied(doc: Y.Doc, template: BoardTemplateId): void {
  doc.transact(() => boardMetaMap(doc).set(TEMPLATE_APPLIED, template));
}

/** The field that holds an example card's main text, by kind of card. */
const mainTextField = {
  observation: 'verbatim',
  hypothesis: 'statement',
  indicator: 'label',
  recommendation: 'title',
} as const;

function exampleShape(
  item: ExampleCardItem,
  place: Pick<TLShapePartial, 'id' | 'x' | 'y' | 'parentId'>,
): TLShapePartial {
  if (item.type === 'note') {
    return { ...place, type: 'note', props: { richText: toRichText(item.text), color: 'yellow' } };
  }
  // The card's fields are plain data checked by the card's schema when the shape is created.
  return {
    ...place,
    type: item.type,
    props: { ...item.props, [mainTextField[item.type]]: item.text, w: item.w, h: item.h },
  } as TLShapePartial;
}

/** The tldraw shape for one item of a layout; areas and cards go in their frame or theme. */
function shapeFor(
  item: TemplateItem,
  id: TLShapeId,
  containerIds: ReadonlyMap<string, TLShapeId>,
): TLShapePartial {
  const place = { id, x: item.x, y: item.y };
  switch (item.kind) {
    case 'guidance':
      return {
        ...place,
        type: 'text',
        props: { richText: toRichText(item.text), w: item.w, autoSize: false, size: 'm' },
      };
    case 'theme':
      return { ...place, type: 'theme', props: { w: item.w, h: item.h, label: item.title } };
    case 'frame':
      return { ...place, type: 'frame', props: { w: item.w, h: item.h, name: item.title } };
    case 'area':
    case 'card': {
      const parentId = containerIds.get(item.in);
      // A layout bug, not a user's: every area and card names a frame laid out before it.
      if (!parentId) throw new Error(`template item placed in an unknown container`);
      if (item.kind === 'card') return exampleShape(item, { ...place, parentId });
      // A ruled row of the frame: locked, so that it reads as the frame's background and
      // clicks and drops reach the frame and the cards.
      return {
        ...place,
        parentId,
        isLocked: true,
        type: 'geo',
        props: {
          geo: 'rectangle',
          w: item.w,
          h: item.h,
          richText: toRichText(item.title),
          dash: 'dashed',
          fill: 'none',
          color: 'grey',
          labelColor: 'grey',
          font: 'sans',
          size: 's',
          align: 'start',
          verticalAlign: 'start',
        },
      };
    }
  }
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
    const containerIds = new Map<string, TLShapeId>();
    for (const item of items) {
      const id = createShapeId();
      if (item.kind === 'frame' || item.kind === 'theme') containerIds.set(item.title, id);
      editor.createShape(shapeFor(item, id, containerIds));
    }
  });
  editor.zoomToFit({ animation: { duration: 0 } });
  return true;
}
