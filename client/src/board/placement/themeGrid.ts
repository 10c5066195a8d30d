import { cardGap, type Box } from './rects.js';

/** The room a theme keeps around its grid, and above it for its title bar. */
export const themePadding = 40;
export const themeTitleHeight = 40;

export interface GridItem<Id extends string = string> extends Box {
  id: Id;
}

export interface ThemeGridLayout<Id extends string = string> {
  /** Each card's new top-left corner, in the theme's own coordinates. */
  positions: Map<Id, { x: number; y: number }>;
  /** The theme's size afterwards: never smaller than before. */
  size: { w: number; h: number };
}

function cellSize(items: readonly Box[], fallback: { w: number; h: number }) {
  if (items.length === 0) return fallback;
  return {
    w: Math.max(...items.map((item) => item.w)),
    h: Math.max(...items.map((item) => item.h)),
  };
}

/**
 * As many columns as the theme is wide, or more to keep the grid about square (ten cards make a
 * 4 × 3 grid, not a column ten cards tall): the theme then grows wider as well as taller.
 */
function columnsFor(themeWidth: number, cellWidth: number, count: number): number {
  const fitting = Math.floor((themeWidth - 2 * themePadding + cardGap) / (cellWidth + cardGap));
  return Math.max(1, fitting, Math.ceil(Math.sqrt(count)));
}

/** The top-left corner of grid cell `index` (row after row). */
function cellOrigin(index: number, columns: number, cell: { w: number; h: number }) {
  return {
    x: themePadding + (index % columns) * (cell.w + cardGap),
    y: themeTitleHeight + themePadding + Math.floor(index / columns) * (cell.h + cardGap),
  };
}

/** The theme's size to hold `count` cells, never below its current size. */
function grownSize(
  theme: { w: number; h: number },
  count: number,
  columns: number,
  cell: { w: number; h: number },
) {
  const rows = Math.max(1, Math.ceil(count / columns));
  const usedColumns = Math.min(columns, Math.max(1, count));
  return {
    w: Math.max(theme.w, 2 * themePadding + usedColumns * cell.w + (usedColumns - 1) * cardGap),
    h: Math.max(
      theme.h,
      themeTitleHeight + 2 * themePadding + rows * cell.h + (rows - 1) * cardGap,
    ),
  };
}

/**
 * Lays a theme's cards out in a grid (cells the size of the largest card, `cardGap` apart, inside
 * the padding and under the title), in the order a reader sees where they were dropped: by row
 * of the grid their centre falls in, then left to right. The theme grows to fit, never shrinks.
 */
export function layoutThemeGrid<Id extends string>(
  theme: { w: number; h: number },
  items: readonly GridItem<Id>[],
): ThemeGridLayout<Id> {
  const cell = cellSize(items, { w: 240, h: 160 });
  const columns = columnsFor(theme.w, cell.w, items.length);
  const rowOf = (item: Box) =>
    Math.floor((item.y + item.h / 2 - themeTitleHeight - themePadding) / (cell.h + cardGap));
  const ordered = [...items].sort(
    (a, b) => rowOf(a) - rowOf(b) || a.x + a.w / 2 - (b.x + b.w / 2) || (a.id < b.id ? -1 : 1),
  );
  const positions = new Map<Id, { x: number; y: number }>();
  ordered.forEach((item, index) => positions.set(item.id, cellOrigin(index, columns, cell)));
  return { positions, size: grownSize(theme, items.length, columns, cell) };
}

/**
 * Where a new card goes in a theme: the grid's next cell after the cards already there (which
 * keep their places), and the theme's size once it holds it.
 */
export function nextThemeCell(
  theme: { w: number; h: number },
  items: readonly Box[],
  card: { w: number; h: number },
): { position: { x: number; y: number }; size: { w: number; h: number } } {
  const cell = cellSize([...items, { x: 0, y: 0, ...card }], card);
  const columns = columnsFor(theme.w, cell.w, items.length + 1);
  // The first cell after the lowest, rightmost occupied one, so nothing already placed is covered.
  let next = 0;
  for (let index = 0; index < items.length + 1; index++) {
    const origin = cellOrigin(index, columns, cell);
    const box = { ...origin, ...cell };
    const taken = items.some(
      (item) =>
        item.x < box.x + box.w &&
        box.x < item.x + item.w &&
        item.y < box.y + box.h &&
        box.y < item.y + item.h,
    );
    if (!taken) {
      next = index;
      break;
    }
    next = index + 1;
  }
  return {
    position: cellOrigin(next, columns, cell),
    size: grownSize(theme, next + 1, columns, cell),
  };
}
