import type { Editor, TLShape, TLShapeId } from 'tldraw';
import { cardKinds } from '@boussole/shared';
import type { Box } from '../placement/rects.js';
import {
  groupBy,
  orderBy,
  type ArrangeItem,
  type ColumnField,
  type SortField,
} from './arrangeOrder.js';
import {
  boundsOf,
  columnsBlock,
  gridBlock,
  placeBlock,
  themeGridInOrder,
} from './arrangeLayouts.js';

/**
 * The editor side of « Ranger »: reads the cards from the live board, asks the pure layouts where
 * they go, and writes the answer as one change (one undo step, one update for the others).
 * Locked cards are never moved.
 */

const gridKinds = new Set<string>(cardKinds.filter((kind) => kind !== 'theme'));

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function pageItem(editor: Editor, shape: TLShape): ArrangeItem<TLShapeId> | undefined {
  const bounds = editor.getShapePageBounds(shape);
  if (!bounds) return undefined;
  const props = shape.props as Record<string, unknown>;
  return {
    id: shape.id,
    x: bounds.x,
    y: bounds.y,
    w: bounds.w,
    h: bounds.h,
    fields: {
      commune: text(props.commune),
      public: text(props.public),
      date: text(props.date),
      source: text(props.source),
    },
  };
}

/** One undo step, one update: everything the action moves, written together. */
function asOneChange(editor: Editor, name: string, change: () => void): void {
  editor.markHistoryStoppingPoint(name);
  editor.run(change);
}

/**
 * Lays a theme's cards out in its grid sorted by a field (empty values last), and grows the theme
 * to fit. Locked cards stay where they are.
 */
export function arrangeTheme(editor: Editor, themeId: TLShapeId, field: SortField): void {
  const theme = editor.getShape(themeId);
  if (theme?.type !== 'theme' || theme.isLocked) return;
  const themeProps = theme.props as { w: number; h: number };
  const children = editor
    .getSortedChildIdsForParent(themeId)
    .map((id) => editor.getShape(id))
    .filter((s): s is TLShape => s !== undefined && gridKinds.has(s.type));
  // In the theme's own coordinates: the grid is laid out inside it.
  const localBox = (shape: TLShape) => {
    const size = editor.getShapeGeometry(shape).bounds;
    return { x: shape.x, y: shape.y, w: size.w, h: size.h };
  };
  const items = children
    .filter((shape) => !shape.isLocked)
    .map((shape) => ({ ...pageItem(editor, shape)!, ...localBox(shape) }));
  const locked = children.filter((shape) => shape.isLocked).map(localBox);
  if (items.length === 0) return;
  const layout = themeGridInOrder(themeProps, orderBy(items, field), locked);
  asOneChange(editor, 'arrange theme', () => {
    if (layout.size.w !== themeProps.w || layout.size.h !== themeProps.h) {
      editor.updateShape({ id: themeId, type: 'theme', props: layout.size });
    }
    moveTo(editor, items, layout.positions, { x: 0, y: 0 });
  });
}

/** Observations directly on the page, in no theme (nor group), not locked. */
function looseObservations(editor: Editor): ArrangeItem<TLShapeId>[] {
  const pageId = editor.getCurrentPageId();
  return editor
    .getSortedChildIdsForParent(pageId)
    .map((id) => editor.getShape(id))
    .filter((s): s is TLShape => s?.type === 'observation' && !s.isLocked)
    .flatMap((shape) => pageItem(editor, shape) ?? []);
}

/** Every shape's page box except the moved cards': what the arranged block must not cover. */
function obstaclesExcept(editor: Editor, moved: ReadonlySet<TLShapeId>): Box[] {
  return editor.getCurrentPageShapes().flatMap((shape) => {
    if (moved.has(shape.id)) return [];
    const bounds = editor.getShapePageBounds(shape);
    return bounds ? [{ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }] : [];
  });
}

function moveTo(
  editor: Editor,
  items: readonly ArrangeItem<TLShapeId>[],
  positions: ReadonlyMap<TLShapeId, { x: number; y: number }>,
  origin: { x: number; y: number },
): void {
  const updates = items.flatMap((item) => {
    const to = positions.get(item.id);
    const shape = editor.getShape(item.id);
    if (!to || !shape) return [];
    const x = origin.x + to.x;
    const y = origin.y + to.y;
    return x === item.x && y === item.y ? [] : [{ id: item.id, type: shape.type, x, y }];
  });
  if (updates.length > 0) editor.updateShapes(updates);
}

/** Places a block of loose observations where they were, or in the nearest free space. */
function arrangeLoose(
  editor: Editor,
  name: string,
  layoutOf: (items: ArrangeItem<TLShapeId>[]) => {
    positions: Map<TLShapeId, { x: number; y: number }>;
    size: { w: number; h: number };
  },
): void {
  const items = looseObservations(editor);
  const current = boundsOf(items);
  if (!current) return;
  const block = layoutOf(items);
  const obstacles = obstaclesExcept(editor, new Set(items.map((item) => item.id)));
  const origin = placeBlock(block.size, current, obstacles);
  asOneChange(editor, name, () => moveTo(editor, items, block.positions, origin));
}

/**
 * « Ranger les observations non classées »: the observations in no theme, in one grid sorted by a
 * field, where they already are if that covers nothing else, else in the nearest free space.
 */
export function arrangeUnthemed(editor: Editor, field: SortField): void {
  arrangeLoose(editor, 'arrange unthemed observations', (items) =>
    gridBlock(orderBy(items, field)),
  );
}

/**
 * « Ranger tout le tableau en colonnes par … »: the observations in no theme, one column per value
 * of a field (French order, empty last), placed like the grid above.
 */
export function arrangeBoardInColumns(editor: Editor, field: ColumnField): void {
  arrangeLoose(editor, 'arrange board in columns', (items) => columnsBlock(groupBy(items, field)));
}
