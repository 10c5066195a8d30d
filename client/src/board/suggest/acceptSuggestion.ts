import { createShapeId, type Editor, type TLShapeId } from 'tldraw';
import { cardTextLimits } from '@boussole/shared';
import type { ObservationShape } from '../shapes/cardShapeTypes.js';
import { isUnthemed } from './unthemedObservations.js';

/**
 * The grid an accepted suggestion's cards are laid out in, inside their new theme: as the demo
 * lays out its boards (client/src/demo/buildDemoBoards.ts), with room above for the theme's
 * title bar.
 */
export const themeGrid = {
  columns: 4,
  cell: { w: 260, h: 200 },
  gap: 20,
  padding: 40,
  titleRoom: 40,
  /** Free space left between the board's content and a new theme. */
  distanceFromContent: 160,
} as const;

export interface CardSize {
  w: number;
  h: number;
}

export interface ThemeGridLayout {
  w: number;
  h: number;
  /** Each card's place, relative to the theme's top left corner. */
  positions: { x: number; y: number }[];
}

/**
 * A theme sized for its cards in a grid of up to four columns. Every cell is as large as the
 * largest card (at least 260 × 200), so no two cards overlap whatever their sizes.
 */
export function themeGridLayout(cards: readonly CardSize[]): ThemeGridLayout {
  const { columns: maxColumns, cell, gap, padding, titleRoom } = themeGrid;
  const cellW = Math.max(cell.w, ...cards.map((c) => c.w));
  const cellH = Math.max(cell.h, ...cards.map((c) => c.h));
  const columns = Math.max(1, Math.min(maxColumns, cards.length));
  const rows = Math.max(1, Math.ceil(cards.length / columns));
  const top = padding + titleRoom;
  return {
    w: padding * 2 + columns * cellW + (columns - 1) * gap,
    h: top + rows * cellH + (rows - 1) * gap + padding,
    positions: cards.map((_, i) => ({
      x: padding + (i % columns) * (cellW + gap),
      y: top + Math.floor(i / columns) * (cellH + gap),
    })),
  };
}

export interface AcceptedTheme {
  themeId: TLShapeId;
  /** The observations moved into it, in the grid's order. */
  cardIds: TLShapeId[];
}

/**
 * Turns an accepted suggestion into one theme holding its cards: the theme is created right of
 * everything on the page (free space), the cards become its children laid out in its grid.
 * Written as one change (one « Annuler » takes it back; the Yjs binding sends it as one update,
 * so others see the theme arrive with its cards). Cards that were deleted, locked or put in a
 * theme since the suggestion was made are left alone; with none left, nothing is created.
 */
export function acceptSuggestion(
  editor: Editor,
  suggestion: { label: string; cardIds: readonly TLShapeId[] },
): AcceptedTheme | undefined {
  const cards = suggestion.cardIds
    .map((id) => editor.getShape(id))
    .filter(
      (shape): shape is ObservationShape =>
        shape?.type === 'observation' && !shape.isLocked && isUnthemed(editor, shape),
    );
  if (cards.length === 0) return undefined;

  const layout = themeGridLayout(cards.map((card) => card.props));
  const content = editor.getCurrentPageBounds();
  const themeId = createShapeId();
  const cardIds = cards.map((card) => card.id);

  editor.markHistoryStoppingPoint('accept theme suggestion');
  editor.run(() => {
    editor.createShape({
      id: themeId,
      type: 'theme',
      parentId: editor.getCurrentPageId(),
      x: content ? content.maxX + themeGrid.distanceFromContent : 0,
      y: content ? content.minY : 0,
      props: {
        w: layout.w,
        h: layout.h,
        label: suggestion.label.trim().slice(0, cardTextLimits.short),
      },
    });
    editor.reparentShapes(cardIds, themeId);
    editor.updateShapes(
      cards.map((card, i) => ({
        id: card.id,
        type: 'observation' as const,
        rotation: 0,
        ...layout.positions[i],
      })),
    );
  });
  return { themeId, cardIds };
}
