import { describe, expect, it } from 'vitest';
import { boxesOverlap, cardGap } from '../placement/rects.js';
import { themePadding, themeTitleHeight } from '../placement/themeGrid.js';
import { columnsBlock, gridBlock, placeBlock, themeGridInOrder } from './arrangeLayouts.js';
import { groupBy, orderBy, type ArrangeItem } from './arrangeOrder.js';

const card = { w: 240, h: 160 };

function item(
  id: string,
  fields: ArrangeItem['fields'],
  at: { x: number; y: number } = { x: 0, y: 0 },
): ArrangeItem {
  return { id, ...at, ...card, fields };
}

function expectApart(boxes: { x: number; y: number; w: number; h: number }[]) {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(boxesOverlap(boxes[i]!, boxes[j]!, cardGap - 1)).toBe(false);
}

describe('orderBy', () => {
  it('sorts communes in French collation (accents and case ignored), empty values last', () => {
    const items = [
      item('a', { commune: 'Lyon' }),
      item('b', { commune: '' }),
      item('c', { commune: 'écully' }),
      item('d', { commune: 'Dardilly' }),
      item('e', { commune: 'Zurich' }),
      item('f', {}),
      item('g', { commune: 'Étoile-sur-Rhône' }),
    ];
    // A byte-wise sort would put « écully » and « Étoile » after « Zurich ».
    expect(orderBy(items, 'commune').map((i) => i.id)).toEqual(['d', 'c', 'g', 'a', 'e', 'b', 'f']);
  });

  it('keeps the reading order among equal values and for « dans l’ordre actuel »', () => {
    const items = [
      item('right', { public: 'jeunes' }, { x: 600, y: 0 }),
      item('below', { public: 'Jeunes' }, { x: 0, y: 400 }),
      item('left', { public: 'jeunes' }, { x: 0, y: 0 }),
      item('senior', { public: 'aînés' }, { x: 900, y: 900 }),
    ];
    expect(orderBy(items, 'public').map((i) => i.id)).toEqual(['senior', 'left', 'right', 'below']);
    expect(orderBy(items, 'current').map((i) => i.id)).toEqual([
      'left',
      'right',
      'below',
      'senior',
    ]);
  });

  it('orders dates oldest first, undated last', () => {
    const items = [
      item('may', { date: '2025-05-02' }),
      item('none', { date: '' }),
      item('jan', { date: '2025-01-15' }),
    ];
    expect(orderBy(items, 'date').map((i) => i.id)).toEqual(['jan', 'may', 'none']);
  });
});

describe('groupBy', () => {
  it('makes one group per value, spellings that differ in case or accents together', () => {
    const groups = groupBy(
      [
        item('1', { commune: 'Saint-Étienne' }),
        item('2', { commune: '' }),
        item('3', { commune: 'Annecy' }),
        item('4', { commune: 'saint etienne' }, { x: 0, y: 500 }),
      ],
      'commune',
    );
    expect(groups.map((g) => g.map((i) => i.id))).toEqual([['3'], ['1', '4'], ['2']]);
  });
});

describe('themeGridInOrder', () => {
  it('fills the theme grid row after row in the given order, apart, inside the grown theme', () => {
    const ordered = Array.from({ length: 10 }, (_, i) => item(`c${i}`, {}, { x: 5, y: 5 }));
    const layout = themeGridInOrder({ w: 560, h: 400 }, ordered);
    const positions = ordered.map((i) => layout.positions.get(i.id)!);
    expectApart(positions.map((p) => ({ ...p, ...card })));
    // Reading the grid back (row, then column) gives the order asked for.
    const read = [...positions.entries()]
      .sort(([, a], [, b]) => a.y - b.y || a.x - b.x)
      .map(([index]) => index);
    expect(read).toEqual(ordered.map((_, index) => index));
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(themePadding);
      expect(p.y).toBeGreaterThanOrEqual(themeTitleHeight + themePadding);
      expect(p.x + card.w).toBeLessThanOrEqual(layout.size.w - themePadding);
      expect(p.y + card.h).toBeLessThanOrEqual(layout.size.h - themePadding);
    }
  });
});

describe('themeGridInOrder around locked cards', () => {
  it('leaves empty the cells a locked card covers, and the theme still holds it', () => {
    const locked = { x: themePadding + 10, y: themeTitleHeight + themePadding + 10, ...card };
    const ordered = Array.from({ length: 5 }, (_, i) => item(`c${i}`, {}));
    const layout = themeGridInOrder({ w: 600, h: 400 }, ordered, [locked]);
    const boxes = ordered.map((i) => ({ ...layout.positions.get(i.id)!, ...card }));
    expect(boxes).toHaveLength(5);
    expectApart([...boxes, locked]);
    expect(layout.size.w).toBeGreaterThanOrEqual(locked.x + locked.w + themePadding);
    expect(layout.size.h).toBeGreaterThanOrEqual(locked.y + locked.h + themePadding);
  });
});

describe('blocks', () => {
  it('a grid block keeps the order, about square, no overlap', () => {
    const ordered = Array.from({ length: 7 }, (_, i) => item(`c${i}`, {}));
    const block = gridBlock(ordered);
    const boxes = ordered.map((i) => ({ ...block.positions.get(i.id)!, ...card }));
    expectApart(boxes);
    expect(block.size).toEqual({ w: 3 * 240 + 2 * cardGap, h: 3 * 160 + 2 * cardGap });
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x);
    expect(boxes[3]!.y).toBeGreaterThan(boxes[0]!.y);
  });

  it('a columns block puts each group in its own column, stacked, no overlap', () => {
    const groups = [
      [item('a1', {}), item('a2', {})],
      [item('b1', {})],
      [item('c1', {}), item('c2', {}), item('c3', {})],
    ];
    const block = columnsBlock(groups);
    const all = groups.flat();
    expectApart(all.map((i) => ({ ...block.positions.get(i.id)!, ...card })));
    const columnOf = (id: string) => block.positions.get(id)!.x;
    expect(columnOf('a1')).toBe(columnOf('a2'));
    expect(columnOf('c1')).toBe(columnOf('c3'));
    expect(new Set(all.map((i) => columnOf(i.id))).size).toBe(3);
    expect(block.size.h).toBe(3 * 160 + 2 * cardGap);
  });

  it('a block stays where preferred when that is free, and moves off anything it would cover', () => {
    const size = { w: 500, h: 340 };
    expect(placeBlock(size, { x: 100, y: 100 }, [{ x: 1000, y: 0, w: 200, h: 200 }])).toEqual({
      x: 100,
      y: 100,
    });
    const obstacles = [
      { x: 300, y: 200, w: 400, h: 300 },
      { x: -400, y: 0, w: 300, h: 300 },
    ];
    const spot = placeBlock(size, { x: 100, y: 100 }, obstacles);
    for (const obstacle of obstacles)
      expect(boxesOverlap({ ...spot, ...size }, obstacle)).toBe(false);
  });
});
