/**
 * Where imported cards go on a board: never on top of what is there. The imported block starts
 * to the right of everything on the page, top-aligned with it, in a grid; grouped, each group
 * is a theme (a frame-like card) holding its cards in a grid of its own, themes side by side.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  w: number;
  h: number;
}

/** The sizes of the demo's cards, which read well with a long verbatim or a sourced figure. */
export const importedCardSizes = {
  observation: { w: 260, h: 200 },
  indicator: { w: 240, h: 220 },
} as const satisfies Record<string, Size>;

export const CARD_GAP = 20;
/** Space between what the board holds and the imported block. */
export const BLOCK_MARGIN = 200;
export const MAX_GRID_COLUMNS = 12;
/** Inside a theme: padding on every side, and room under the top edge for its title and count. */
export const THEME_PADDING = 40;
export const THEME_TITLE_ROOM = 40;
export const THEME_COLUMNS = 4;
export const THEME_GAP = 80;
export const THEMES_PER_ROW = 6;

/** The smallest box holding every box, or undefined for none. */
export function boundsOf(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.w);
    maxY = Math.max(maxY, b.y + b.h);
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** Top-left corner of the imported block: right of the page's content, or the origin. */
export function blockOrigin(existing: readonly Box[]): Point {
  const bounds = boundsOf(existing);
  return bounds ? { x: bounds.x + bounds.w + BLOCK_MARGIN, y: bounds.y } : { x: 0, y: 0 };
}

/** `count` positions in a grid of `columns`, left to right then top to bottom, from `origin`. */
export function gridPositions(count: number, size: Size, columns: number, origin: Point): Point[] {
  const positions: Point[] = [];
  for (let i = 0; i < count; i++) {
    positions.push({
      x: origin.x + (i % columns) * (size.w + CARD_GAP),
      y: origin.y + Math.floor(i / columns) * (size.h + CARD_GAP),
    });
  }
  return positions;
}

/** About square, capped at MAX_GRID_COLUMNS wide. */
export function gridColumns(count: number): number {
  return Math.max(1, Math.min(MAX_GRID_COLUMNS, Math.ceil(Math.sqrt(count))));
}

/** Ungrouped cards: one grid on the page, right of `existing`. */
export function placeCards(existing: readonly Box[], count: number, size: Size): Point[] {
  return gridPositions(count, size, gridColumns(count), blockOrigin(existing));
}

export interface ThemePlacement {
  /** The theme on the page. */
  box: Box;
  /** Its cards, relative to the theme (they are its children). */
  cards: Point[];
}

/** The size of a theme holding `count` cards in up to THEME_COLUMNS columns. */
export function themeSize(count: number, size: Size): Size {
  const columns = Math.max(1, Math.min(THEME_COLUMNS, count));
  const rows = Math.max(1, Math.ceil(count / THEME_COLUMNS));
  return {
    w: 2 * THEME_PADDING + columns * size.w + (columns - 1) * CARD_GAP,
    h: 2 * THEME_PADDING + THEME_TITLE_ROOM + rows * size.h + (rows - 1) * CARD_GAP,
  };
}

/**
 * Grouped cards: one theme per group (`counts[i]` cards in group i), side by side from the
 * block's origin, a new row of themes after THEMES_PER_ROW.
 */
export function placeGroups(
  existing: readonly Box[],
  counts: readonly number[],
  size: Size,
): ThemePlacement[] {
  const origin = blockOrigin(existing);
  const placements: ThemePlacement[] = [];
  let x = origin.x;
  let y = origin.y;
  let rowHeight = 0;
  counts.forEach((count, i) => {
    if (i > 0 && i % THEMES_PER_ROW === 0) {
      x = origin.x;
      y += rowHeight + THEME_GAP;
      rowHeight = 0;
    }
    const theme = themeSize(count, size);
    placements.push({
      box: { x, y, ...theme },
      cards: gridPositions(count, size, THEME_COLUMNS, {
        x: THEME_PADDING,
        y: THEME_PADDING + THEME_TITLE_ROOM,
      }),
    });
    x += theme.w + THEME_GAP;
    rowHeight = Math.max(rowHeight, theme.h);
  });
  return placements;
}

/**
 * How far the search for free space around a point goes: this many steps of half a cell on
 * each side, so at most (2 × NEAR_SEARCH_STEPS + 1)² candidate spots for a block.
 */
export const NEAR_SEARCH_STEPS = 24;

/**
 * Ungrouped cards where someone is looking (`near`, a point of the page): one grid centred on
 * `near` when that spot is free, else on the free spot nearest to it, every card at least
 * CARD_GAP away from what the page holds. The candidate spots are a lattice of half cells around
 * `near`, NEAR_SEARCH_STEPS on each side; each shape only rules out the spots its box reaches,
 * so the work stays bounded however large the board. When every spot is taken, the block goes
 * right of everything, as placeCards puts it.
 */
export function placeCardsNear(
  existing: readonly Box[],
  count: number,
  size: Size,
  near: Point,
): Point[] {
  const columns = gridColumns(count);
  const rows = Math.max(1, Math.ceil(count / columns));
  const block: Size = {
    w: columns * size.w + (columns - 1) * CARD_GAP,
    h: rows * size.h + (rows - 1) * CARD_GAP,
  };
  const step: Size = { w: (size.w + CARD_GAP) / 2, h: (size.h + CARD_GAP) / 2 };
  const centred: Point = { x: near.x - block.w / 2, y: near.y - block.h / 2 };
  const n = NEAR_SEARCH_STEPS;
  const side = 2 * n + 1;
  // taken[(j + n) * side + (i + n)]: the block at centred + (i, j) steps would come closer
  // than CARD_GAP to some shape.
  const taken = new Uint8Array(side * side);
  // The open range of steps k for which origin + k × stepLength lies strictly inside (lo, hi).
  const range = (origin: number, stepLength: number, lo: number, hi: number) => ({
    from: Math.max(-n, Math.floor((lo - origin) / stepLength) + 1),
    to: Math.min(n, Math.ceil((hi - origin) / stepLength) - 1),
  });
  for (const box of existing) {
    const w = Math.max(0, box.w);
    const h = Math.max(0, box.h);
    const is = range(centred.x, step.w, box.x - block.w - CARD_GAP, box.x + w + CARD_GAP);
    const js = range(centred.y, step.h, box.y - block.h - CARD_GAP, box.y + h + CARD_GAP);
    for (let j = js.from; j <= js.to; j++) {
      for (let i = is.from; i <= is.to; i++) taken[(j + n) * side + (i + n)] = 1;
    }
  }
  let best: { i: number; j: number; distance: number } | undefined;
  for (let j = -n; j <= n; j++) {
    for (let i = -n; i <= n; i++) {
      if (taken[(j + n) * side + (i + n)]) continue;
      const distance = (i * step.w) ** 2 + (j * step.h) ** 2;
      if (!best || distance < best.distance) best = { i, j, distance };
    }
  }
  if (!best) return placeCards(existing, count, size);
  return gridPositions(count, size, columns, {
    x: centred.x + best.i * step.w,
    y: centred.y + best.j * step.h,
  });
}
