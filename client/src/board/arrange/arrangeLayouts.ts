import { findFreeSpot } from '../placement/freeSpace.js';
import { boxesOverlap, cardGap, type Box } from '../placement/rects.js';
import {
  layoutThemeGrid,
  themePadding,
  themeTitleHeight,
  type ThemeGridLayout,
} from '../placement/themeGrid.js';
import type { ArrangeItem } from './arrangeOrder.js';

type Point = { x: number; y: number };

/**
 * A theme's grid filled in the given order. The theme grid orders cards the way a reader sees
 * them, so the cards are handed to it on one row, left to right in the wanted order: its cells,
 * its columns and its growth are reused as they are. Cells that would cover a box of
 * `keepClear` (a locked card, which stays where it is) are left empty.
 */
export function themeGridInOrder<Id extends string>(
  theme: { w: number; h: number },
  ordered: readonly ArrangeItem<Id>[],
  keepClear: readonly Box[] = [],
): ThemeGridLayout<Id> {
  const step = Math.max(1, ...ordered.map((item) => item.w)) + 1;
  const cell = {
    w: Math.max(1, ...ordered.map((item) => item.w)),
    h: Math.max(1, ...ordered.map((item) => item.h)),
  };
  // Slots in grid order: a card's index, or -1 for a cell kept empty.
  let slots = ordered.map((_, index) => index);
  // Each pass empties one more cell; a few passes per box always suffice in practice, and the
  // last pass returns whatever it has rather than loop on a theme packed with locked cards.
  const passes = 4 * (ordered.length + keepClear.length) + 4;
  for (let pass = 0; ; pass++) {
    const layout = layoutThemeGrid(
      theme,
      slots.map((slot, index) => ({
        id: String(index),
        x: index * step,
        y: themeTitleHeight + themePadding,
        ...cell,
      })),
    );
    const blocked = slots.findIndex((slot, index) => {
      const at = layout.positions.get(String(index))!;
      return slot >= 0 && keepClear.some((box) => boxesOverlap({ ...at, ...cell }, box, cardGap));
    });
    if (blocked === -1 || pass === passes) {
      const positions = new Map<Id, Point>();
      slots.forEach((slot, index) => {
        if (slot >= 0) positions.set(ordered[slot]!.id, layout.positions.get(String(index))!);
      });
      const below = keepClear.map((box) => ({
        w: box.x + box.w + themePadding,
        h: box.y + box.h + themePadding,
      }));
      return {
        positions,
        size: {
          w: Math.max(layout.size.w, ...below.map((b) => b.w)),
          h: Math.max(layout.size.h, ...below.map((b) => b.h)),
        },
      };
    }
    slots = [...slots.slice(0, blocked), -1, ...slots.slice(blocked)];
  }
}

/** Positions relative to a block's top-left corner, and the block's size. */
export interface BlockLayout<Id extends string = string> {
  positions: Map<Id, Point>;
  size: { w: number; h: number };
}

/** A grid about square, row after row in the given order, cells the size of the largest card. */
export function gridBlock<Id extends string>(ordered: readonly ArrangeItem<Id>[]): BlockLayout<Id> {
  const cell = {
    w: Math.max(0, ...ordered.map((item) => item.w)),
    h: Math.max(0, ...ordered.map((item) => item.h)),
  };
  const columns = Math.max(1, Math.ceil(Math.sqrt(ordered.length)));
  const rows = Math.ceil(ordered.length / columns);
  const positions = new Map<Id, Point>();
  ordered.forEach((item, index) =>
    positions.set(item.id, {
      x: (index % columns) * (cell.w + cardGap),
      y: Math.floor(index / columns) * (cell.h + cardGap),
    }),
  );
  const used = Math.min(columns, ordered.length);
  return {
    positions,
    size: {
      w: Math.max(0, used * cell.w + (used - 1) * cardGap),
      h: Math.max(0, rows * cell.h + (rows - 1) * cardGap),
    },
  };
}

/** One column per group, side by side; each column's cards stacked top to bottom. */
export function columnsBlock<Id extends string>(
  groups: readonly (readonly ArrangeItem<Id>[])[],
): BlockLayout<Id> {
  const positions = new Map<Id, Point>();
  let x = 0;
  let height = 0;
  for (const group of groups) {
    if (group.length === 0) continue;
    const width = Math.max(...group.map((item) => item.w));
    let y = 0;
    for (const item of group) {
      positions.set(item.id, { x, y });
      y += item.h + cardGap;
    }
    height = Math.max(height, y - cardGap);
    x += width + cardGap;
  }
  return { positions, size: { w: Math.max(0, x - cardGap), h: height } };
}

/** The box around some boxes, or undefined for none. */
export function boundsOf(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.w));
  const maxY = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: maxX - x, h: maxY - y };
}

/**
 * Where a block goes: at `preferred` (the top-left of the cards' current box) when that covers
 * nothing else, otherwise the nearest free spot around it (right of everything as a last resort).
 */
export function placeBlock(
  size: { w: number; h: number },
  preferred: Point,
  obstacles: readonly Box[],
): Point {
  return findFreeSpot({
    obstacles,
    size,
    centre: { x: preferred.x + size.w / 2, y: preferred.y + size.h / 2 },
    spread: false,
  });
}
