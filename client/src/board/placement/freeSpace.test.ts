import { describe, expect, it } from 'vitest';
import { findFreeSpot } from './freeSpace.js';
import { boxesOverlap, type Box } from './rects.js';

/** A small seeded generator (mulberry32), so a failing board can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBoard(random: () => number, count: number): Box[] {
  return Array.from({ length: count }, () => ({
    x: Math.round(random() * 2000 - 1000),
    y: Math.round(random() * 1400 - 700),
    w: 120 + Math.round(random() * 400),
    h: 80 + Math.round(random() * 300),
  }));
}

const card = { w: 240, h: 160 };

describe('findFreeSpot', () => {
  it('places on the centre when nothing is there', () => {
    const spot = findFreeSpot({ obstacles: [], size: card, centre: { x: 0, y: 0 } });
    // Within one card of the centre, whichever start cell the (empty) placer id picks.
    expect(Math.abs(spot.x + card.w / 2)).toBeLessThanOrEqual(card.w + 20);
    expect(Math.abs(spot.y + card.h / 2)).toBeLessThanOrEqual(card.h + 20);
  });

  it('starts right on the centre when told the centre is the person’s own (beside their selection)', () => {
    const spot = findFreeSpot({
      obstacles: [],
      size: card,
      centre: { x: 500, y: 300 },
      placerId: 'alice',
      spread: false,
    });
    expect(spot).toEqual({ x: 500 - card.w / 2, y: 300 - card.h / 2 });
  });

  it('never overlaps (with the 20 px gap) any box of random boards, card after card', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seeded(seed);
      const obstacles = randomBoard(random, 5 + Math.floor(random() * 30));
      for (let i = 0; i < 15; i++) {
        const spot = findFreeSpot({
          obstacles,
          size: card,
          centre: { x: random() * 400 - 200, y: random() * 400 - 200 },
          placerId: `user-${seed}`,
        });
        const placed = { ...spot, ...card };
        const hit = obstacles.find((box) => boxesOverlap(placed, box, 20));
        expect(hit, `seed ${seed}, card ${i}`).toBeUndefined();
        obstacles.push(placed);
      }
    }
  });

  it('stays near the centre: the first free cell, not a far one', () => {
    const obstacles = [{ x: -130, y: -90, ...card }];
    const spot = findFreeSpot({ obstacles, size: card, centre: { x: 0, y: 0 }, placerId: 'a' });
    const distance = Math.hypot(spot.x + card.w / 2, spot.y + card.h / 2);
    expect(distance).toBeLessThan(2 * (card.w + 20));
  });

  it('gives two people searching the same empty spot at once different, apart places', () => {
    let apart = 0;
    const pairs = 50;
    for (let i = 0; i < pairs; i++) {
      const a = findFreeSpot({
        obstacles: [],
        size: card,
        centre: { x: 0, y: 0 },
        placerId: `alice-${i}`,
      });
      const b = findFreeSpot({
        obstacles: [],
        size: card,
        centre: { x: 0, y: 0 },
        placerId: `bruno-${i}`,
      });
      if (!boxesOverlap({ ...a, ...card }, { ...b, ...card })) apart += 1;
    }
    // One in nine pairs share a start cell; the toolbar moves one of those apart once both cards
    // are seen (CardToolbar's watch). Most pairs never overlap at all.
    expect(apart).toBeGreaterThanOrEqual(pairs * 0.75);
  });
});
