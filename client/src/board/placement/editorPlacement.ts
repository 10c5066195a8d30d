import { createShapeId, type Editor, type TLShape, type TLShapeId } from 'tldraw';
import { cardKinds, type CardKind } from '@boussole/shared';
import { cardsMostlyInside } from './adoption.js';
import { findFreeSpot } from './freeSpace.js';
import { boxesOverlap, cardGap, type Box } from './rects.js';
import { layoutThemeGrid, nextThemeCell } from './themeGrid.js';

/**
 * The editor side of placement: reads boxes from the live board, asks the pure modules where
 * things go, and writes the answer as one change (one undo step, one update for the others).
 */

const gridKinds = new Set<string>(cardKinds.filter((kind) => kind !== 'theme'));

function isTheme(shape: TLShape | undefined): shape is TLShape<'theme'> {
  return shape?.type === 'theme';
}

/** The cards a theme lays out in its grid: its direct card children, nested themes excepted. */
function gridChildren(editor: Editor, themeId: TLShapeId): TLShape[] {
  return editor
    .getSortedChildIdsForParent(themeId)
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShape => shape !== undefined && gridKinds.has(shape.type));
}

function localBox(editor: Editor, shape: TLShape): Box {
  const bounds = editor.getShapeGeometry(shape).bounds;
  return { x: shape.x, y: shape.y, w: bounds.w, h: bounds.h };
}

/**
 * Gives a theme its new size, and moves aside the loose cards it now covers: a card lying under
 * a theme looks like one of its own, yet the theme does not count it. Cards that already
 * overlapped the theme before it grew were put there by someone: they stay where they are.
 */
function growTheme(editor: Editor, theme: TLShape<'theme'>, size: { w: number; h: number }) {
  const before = editor.getShapePageBounds(theme);
  editor.updateShape({ id: theme.id, type: 'theme', props: size });
  const after = editor.getShapePageBounds(theme.id);
  if (!before || !after) return;
  const covered = editor
    .getSortedChildIdsForParent(editor.getCurrentPageId())
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShape => {
      if (!shape || !gridKinds.has(shape.type) || shape.isLocked) return false;
      const box = editor.getShapePageBounds(shape);
      return box !== undefined && boxesOverlap(box, after) && !boxesOverlap(box, before);
    });
  for (const card of covered) moveCardToFreeSpace(editor, card.id);
}

/** Arranges a theme's cards in its grid and grows it to fit. Call inside `editor.run`. */
export function arrangeThemeGrid(editor: Editor, themeId: TLShapeId): void {
  const theme = editor.getShape(themeId);
  if (!isTheme(theme)) return;
  const items = gridChildren(editor, themeId).map((shape) => ({
    id: shape.id,
    ...localBox(editor, shape),
  }));
  const layout = layoutThemeGrid(theme.props, items);
  if (layout.size.w !== theme.props.w || layout.size.h !== theme.props.h) {
    growTheme(editor, theme, layout.size);
  }
  const updates = items
    .map((item) => ({ item, to: layout.positions.get(item.id)! }))
    .filter(({ item, to }) => item.x !== to.x || item.y !== to.y)
    .map(({ item, to }) => ({
      id: item.id,
      type: editor.getShape(item.id)!.type,
      x: to.x,
      y: to.y,
    }));
  if (updates.length > 0) editor.updateShapes(updates);
}

/** A theme drawn, moved or resized over cards takes in those mostly inside it, then arranges. */
export function adoptCardsUnderTheme(editor: Editor, themeId: TLShapeId): void {
  const theme = editor.getShape(themeId);
  const themeBounds = theme && editor.getShapePageBounds(theme);
  if (!isTheme(theme) || !themeBounds) return;
  const candidates = editor
    .getSortedChildIdsForParent(editor.getCurrentPageId())
    .map((id) => editor.getShape(id))
    .filter(
      (shape): shape is TLShape =>
        shape !== undefined && gridKinds.has(shape.type) && !shape.isLocked,
    )
    .flatMap((shape) => {
      const bounds = editor.getShapePageBounds(shape);
      return bounds ? [{ shape, x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }] : [];
    });
  const adopted = cardsMostlyInside(themeBounds, candidates).map((entry) => entry.shape);
  if (adopted.length === 0) return;
  editor.reparentShapes(adopted, themeId);
  arrangeThemeGrid(editor, themeId);
}

/** The theme a new card should go into: the selected theme, or the theme of the selected card. */
function selectedTheme(editor: Editor): TLShape<'theme'> | undefined {
  const selected = editor.getOnlySelectedShape();
  if (!selected) return undefined;
  if (isTheme(selected)) return selected;
  const parent = editor.getShape(selected.parentId);
  return isTheme(parent) ? parent : undefined;
}

/** Every page box on the board, except those inside `exceptInside` (a theme's own cards). */
function pageObstacles(editor: Editor): Box[] {
  return editor.getCurrentPageShapes().flatMap((shape) => {
    const bounds = editor.getShapePageBounds(shape);
    return bounds ? [{ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }] : [];
  });
}

/**
 * Creates a card of this kind where it covers nothing, and selects it: inside the selected theme
 * (its grid's next cell; the theme grows), or else in free space near the selection or the
 * middle of the screen. Returns the new card's id.
 */
export function createCardInFreeSpace(editor: Editor, kind: CardKind): TLShapeId {
  const { w, h } = editor.getShapeUtil(kind).getDefaultProps() as { w: number; h: number };
  const id = createShapeId();
  const theme = kind === 'theme' ? undefined : selectedTheme(editor);
  editor.run(() => {
    if (theme) {
      const items = gridChildren(editor, theme.id).map((shape) => localBox(editor, shape));
      const { position, size } = nextThemeCell(theme.props, items, { w, h });
      if (size.w !== theme.props.w || size.h !== theme.props.h) growTheme(editor, theme, size);
      editor.createShape({ id, type: kind, parentId: theme.id, ...position });
    } else {
      const selection = editor.getSelectionPageBounds();
      const centre = selection
        ? { x: selection.maxX + cardGap + w / 2, y: selection.y + h / 2 }
        : editor.getViewportPageBounds().center;
      const spot = findFreeSpot({
        obstacles: pageObstacles(editor),
        size: { w, h },
        centre,
        placerId: editor.user.getId(),
        spread: !selection,
      });
      editor.createShape({ id, type: kind, ...spot });
    }
    editor.select(id);
  });
  // A card placed beside the selection may land past the edge of the screen: bring it in view.
  editor.zoomToSelectionIfOffscreen(64, { animation: { duration: 0 } });
  return id;
}

/**
 * Whether a card overlaps any other card on its page: used after a remote change lands to find
 * that two people chose the same spot at the same instant.
 */
export function overlapsAnotherCard(editor: Editor, id: TLShapeId): boolean {
  const shape = editor.getShape(id);
  const box = shape && editor.getShapePageBounds(shape);
  if (!shape || !box) return false;
  return editor.getCurrentPageShapes().some((other) => {
    if (other.id === id || other.parentId !== shape.parentId || !gridKinds.has(other.type))
      return false;
    const otherBox = editor.getShapePageBounds(other);
    return otherBox !== undefined && boxesOverlap(box, otherBox);
  });
}

/** Moves a card that landed on another one to the nearest free spot around where it is. */
export function moveCardToFreeSpace(editor: Editor, id: TLShapeId): void {
  const shape = editor.getShape(id);
  const box = shape && editor.getShapePageBounds(shape);
  if (!shape || !box || shape.parentId !== editor.getCurrentPageId()) return;
  const obstacles = editor
    .getCurrentPageShapes()
    .filter((other) => other.id !== id)
    .flatMap((other) => {
      const bounds = editor.getShapePageBounds(other);
      return bounds ? [{ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }] : [];
    });
  const spot = findFreeSpot({
    obstacles,
    size: { w: box.w, h: box.h },
    centre: box.center,
    placerId: editor.user.getId(),
  });
  editor.updateShape({ id, type: shape.type, ...spot });
}
