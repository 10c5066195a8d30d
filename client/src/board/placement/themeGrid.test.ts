import { describe, expect, it } from 'vitest';
import { cardsMostlyInside } from './adoption.js';
import { boxesOverlap, cardGap } from './rects.js';
import { layoutThemeGrid, nextThemeCell, themePadding, themeTitleHeight } from './themeGrid.js';

const card = { w: 240, h: 160 };

function pile(count: number) {
  // Ten cards dropped on nearly the same spot: the pile the grid must undo.
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    x: 50 + i * 3,
    y: 60 + i * 2,
    ...card,
  }));
}

describe('layoutThemeGrid', () => {
  it('undoes a pile: no two cards overlap, all inside the grown theme, under the title', () => {
    const theme = { w: 560, h: 400 };
    const layout = layoutThemeGrid(theme, pile(10));
    const boxes = [...layout.positions.values()].map((p) => ({ ...p, ...card }));
    expect(boxes).toHaveLength(10);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(boxesOverlap(boxes[i]!, boxes[j]!, cardGap - 1)).toBe(false);
      }
      expect(boxes[i]!.x).toBeGreaterThanOrEqual(themePadding);
      expect(boxes[i]!.y).toBeGreaterThanOrEqual(themeTitleHeight + themePadding);
      expect(boxes[i]!.x + card.w).toBeLessThanOrEqual(layout.size.w - themePadding);
      expect(boxes[i]!.y + card.h).toBeLessThanOrEqual(layout.size.h - themePadding);
    }
    expect(layout.size.h).toBeGreaterThan(theme.h);
    expect(layout.size.w).toBeGreaterThanOrEqual(theme.w);
  });

  it('never shrinks the theme', () => {
    const layout = layoutThemeGrid({ w: 2000, h: 1500 }, pile(2));
    expect(layout.size).toEqual({ w: 2000, h: 1500 });
  });

  it('keeps the order where cards were dropped: row, then left to right', () => {
    const theme = { w: 900, h: 600 };
    const items = [
      { id: 'lowLeft', x: 30, y: 300, ...card },
      { id: 'topRight', x: 600, y: 90, ...card },
      { id: 'topLeft', x: 20, y: 100, ...card },
    ];
    const layout = layoutThemeGrid(theme, items);
    const order = [...layout.positions.entries()]
      .sort(([, a], [, b]) => a.y - b.y || a.x - b.x)
      .map(([id]) => id);
    expect(order).toEqual(['topLeft', 'topRight', 'lowLeft']);
  });

  it('leaves an arranged grid where it is', () => {
    const theme = { w: 900, h: 600 };
    const first = layoutThemeGrid(theme, pile(5));
    const arranged = [...first.positions.entries()].map(([id, p]) => ({ id, ...p, ...card }));
    const second = layoutThemeGrid(first.size, arranged);
    expect(second.positions).toEqual(first.positions);
    expect(second.size).toEqual(first.size);
  });
});

describe('nextThemeCell', () => {
  it('puts a new card in the first free cell, and grows the theme to hold it', () => {
    const theme = { w: 560, h: 400 };
    const laid = layoutThemeGrid(theme, pile(2));
    const items = [...laid.positions.values()].map((p) => ({ ...p, ...card }));
    const { position, size } = nextThemeCell(laid.size, items, card);
    const placed = { ...position, ...card };
    for (const item of items) expect(boxesOverlap(placed, item)).toBe(false);
    expect(placed.y + card.h).toBeLessThanOrEqual(size.h - themePadding);
    expect(placed.x + card.w).toBeLessThanOrEqual(size.w - themePadding);
    expect(size.h).toBeGreaterThan(theme.h);
  });

  it('starts at the top-left cell of an empty theme', () => {
    expect(nextThemeCell({ w: 560, h: 400 }, [], card).position).toEqual({
      x: themePadding,
      y: themeTitleHeight + themePadding,
    });
  });
});

describe('cardsMostlyInside', () => {
  it('adopts cards more than half inside the theme, not those barely touching it', () => {
    const theme = { x: 0, y: 0, w: 600, h: 400 };
    const cards = [
      { name: 'inside', x: 100, y: 100, ...card },
      { name: 'mostly', x: 450, y: 100, ...card }, // 150 of 240 wide inside
      { name: 'barely', x: 540, y: 100, ...card },
      { name: 'outside', x: 900, y: 100, ...card },
    ];
    expect(cardsMostlyInside(theme, cards).map((c) => c.name)).toEqual(['inside', 'mostly']);
  });
});
