import { describe, expect, it } from 'vitest';
import {
  BLOCK_MARGIN,
  THEME_PADDING,
  THEME_TITLE_ROOM,
  importedCardSizes,
  placeCards,
  placeGroups,
  type Box,
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
