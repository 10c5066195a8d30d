import { describe, expect, it } from 'vitest';
import {
  BLOCK_MARGIN,
  CARD_GAP,
  NEAR_SEARCH_STEPS,
  THEME_PADDING,
  THEME_TITLE_ROOM,
  importedCardSizes,
  boundsOf,
  placeCards,
  placeCardsNear,
  placeGroups,
  type Box,
  type Point,
} from './cardPlacement.js';

const card = importedCardSizes.observation;

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function noTwoOverlap(boxes: readonly Box[]): boolean {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) return false;
  }
  return true;
}

const existing: Box[] = [
  { x: -100, y: 50, w: 300, h: 200 },
  { x: 400, y: -30, w: 560, h: 400 },
];

describe('placing imported cards', () => {
  it('starts at the origin on an empty board, in a square-ish grid', () => {
    const positions = placeCards([], 9, card);
    expect(positions[0]).toEqual({ x: 0, y: 0 });
    expect(new Set(positions.map((p) => p.x)).size).toBe(3);
    expect(noTwoOverlap(positions.map((p) => ({ ...p, ...card })))).toBe(true);
  });

  it('goes right of what the page holds, top-aligned, and overlaps nothing', () => {
    const positions = placeCards(existing, 200, card);
    expect(positions[0]).toEqual({ x: 960 + BLOCK_MARGIN, y: -30 });
    const boxes = positions.map((p) => ({ ...p, ...card }));
    expect(noTwoOverlap([...existing, ...boxes])).toBe(true);
    // Never wider than twelve columns.
    expect(new Set(positions.map((p) => p.x)).size).toBe(12);
  });

  it('puts each group in a theme holding its cards in a grid of four, themes side by side', () => {
    const counts = [1, 5, 9, 2, 3, 4, 7, 1];
    const themes = placeGroups(existing, counts, card);
    expect(themes).toHaveLength(counts.length);
    const themeBoxes = themes.map((t) => t.box);
    expect(noTwoOverlap([...existing, ...themeBoxes])).toBe(true);
    expect(themeBoxes.every((b) => b.x >= 960 + BLOCK_MARGIN)).toBe(true);
    // Six per row, then a new row below the tallest of the first.
    expect(themeBoxes[6]!.x).toBe(themeBoxes[0]!.x);
    expect(themeBoxes[6]!.y).toBeGreaterThanOrEqual(
      Math.max(...themeBoxes.slice(0, 6).map((b) => b.y + b.h)),
    );
    themes.forEach((theme, i) => {
      expect(theme.cards).toHaveLength(counts[i]!);
      const cards = theme.cards.map((p) => ({ ...p, ...card }));
      expect(noTwoOverlap(cards)).toBe(true);
      expect(new Set(theme.cards.map((p) => p.x)).size).toBeLessThanOrEqual(4);
      for (const c of cards) {
        // Inside the theme, below its title, within its padding.
        expect(c.x).toBeGreaterThanOrEqual(THEME_PADDING);
        expect(c.y).toBeGreaterThanOrEqual(THEME_PADDING + THEME_TITLE_ROOM);
        expect(c.x + c.w).toBeLessThanOrEqual(theme.box.w - THEME_PADDING);
        expect(c.y + c.h).toBeLessThanOrEqual(theme.box.h - THEME_PADDING);
      }
    });
  });
});

describe('placing cards near a point', () => {
  const near: Point = { x: 1_000, y: -400 };
  const boxesOf = (positions: Point[]) => positions.map((p) => ({ ...p, ...card }));
  const centreOf = (box: Box): Point => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
  const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
  /** `box` grown by CARD_GAP on every side: what a placed card must keep clear of. */
  const padded = (box: Box): Box => ({
    x: box.x - CARD_GAP,
    y: box.y - CARD_GAP,
    w: box.w + 2 * CARD_GAP,
    h: box.h + 2 * CARD_GAP,
  });
  const clearOf = (placed: Box[], shapes: readonly Box[]) =>
    placed.every((p) => shapes.every((s) => !overlap(padded(p), s)));

  it('centres the block on the point when the space there is free', () => {
    const positions = placeCardsNear(existing, 4, card, near);
    const boxes = boxesOf(positions);
    expect(centreOf(boundsOf(boxes)!)).toEqual(near);
    // The same grid as anywhere else: two by two, never overlapping.
    expect(new Set(positions.map((p) => p.x)).size).toBe(2);
    expect(noTwoOverlap(boxes)).toBe(true);
    expect(clearOf(boxes, existing)).toBe(true);
  });

  it('takes the free spot nearest to the point when shapes are there, never overlapping them', () => {
    const crowd: Box[] = [
      // Right on the point, and a row of cards beside it.
      { x: near.x - 150, y: near.y - 100, w: 300, h: 200 },
      ...Array.from({ length: 6 }, (_, i) => ({ x: -600 + i * 290, y: -460, w: 260, h: 200 })),
      // An arrow or a line: a shape without a size still keeps its point.
      { x: near.x + 400, y: near.y, w: 0, h: 0 },
    ];
    for (const count of [1, 3, 9]) {
      const boxes = boxesOf(placeCardsNear(crowd, count, card, near));
      expect(noTwoOverlap(boxes)).toBe(true);
      expect(clearOf(boxes, crowd)).toBe(true);
      const placed = distance(centreOf(boundsOf(boxes)!), near);
      // Close: next to the crowd, far from where the import's placement would put it.
      expect(placed).toBeLessThan(1_200);
      const right = boundsOf(boxesOf(placeCards(crowd, count, card)))!;
      expect(placed).toBeLessThan(distance(centreOf(right), near));
      // Nearest: no spot of the same lattice, checked box against box, is both free and closer.
      const block = boundsOf(boxes)!;
      const step = { x: (card.w + CARD_GAP) / 2, y: (card.h + CARD_GAP) / 2 };
      const centred = { x: near.x - block.w / 2, y: near.y - block.h / 2 };
      for (let j = -NEAR_SEARCH_STEPS; j <= NEAR_SEARCH_STEPS; j++) {
        for (let i = -NEAR_SEARCH_STEPS; i <= NEAR_SEARCH_STEPS; i++) {
          const spot = { ...block, x: centred.x + i * step.x, y: centred.y + j * step.y };
          if (distance(centreOf(spot), near) >= placed - 1e-9) continue;
          expect(crowd.some((shape) => overlap(padded(spot), shape))).toBe(true);
        }
      }
    }
  });

  it('finds a hole in a crowded board', () => {
    // Cards every 280 × 200 around the point, but one gap left of it.
    const crowd: Box[] = [];
    for (let row = -8; row <= 8; row++) {
      for (let col = -8; col <= 8; col++) {
        if (row === 0 && (col === -3 || col === -4 || col === -5)) continue;
        crowd.push({ x: near.x + col * 280 - 130, y: near.y + row * 200 - 80, w: 260, h: 160 });
      }
    }
    const boxes = boxesOf(placeCardsNear(crowd, 1, { w: 240, h: 140 }, near)).map((b) => ({
      ...b,
      w: 240,
      h: 140,
    }));
    expect(clearOf(boxes, crowd)).toBe(true);
    expect(boxes[0]!.y).toBeGreaterThan(near.y - 200);
    expect(boxes[0]!.x).toBeLessThan(near.x - 500);
    expect(boxes[0]!.x).toBeGreaterThan(near.x - 1_600);
  });

  it('falls back to the right of everything when no spot near the point is free', () => {
    // Tens of thousands of small cards over a wide area: every spot taken, the search bounded.
    const crowd: Box[] = [];
    for (let row = -100; row <= 100; row++) {
      for (let col = -100; col <= 100; col++) {
        crowd.push({ x: near.x + col * 100, y: near.y + row * 100, w: 60, h: 60 });
      }
    }
    expect(crowd.length).toBeGreaterThan(40_000);
    const positions = placeCardsNear(crowd, 5, card, near);
    expect(positions).toEqual(placeCards(crowd, 5, card));
    expect(clearOf(boxesOf(positions), crowd)).toBe(true);
    // One shape covering the whole search: the same.
    const wall: Box[] = [{ x: -1e6, y: -1e6, w: 2e6, h: 2e6 }];
    expect(placeCardsNear(wall, 2, card, near)).toEqual(placeCards(wall, 2, card));
  });
});
