import { boxesOverlap, cardGap, stableHash, type Box } from './rects.js';

export interface FreeSpotRequest {
  /** Every box already there (page bounds of the board's shapes). */
  obstacles: readonly Box[];
  /** The size of the card to place. */
  size: { w: number; h: number };
  /** Where the person is looking (or their selection): the search starts here. */
  centre: { x: number; y: number };
  /**
   * Who is placing: two people searching from the same centre at the same instant (before either
   * sees the other's card) start from different cells and walk the rings in different orders.
   */
  placerId?: string;
  gap?: number;
  /**
   * Start one card away from the centre in a per-person direction (for the middle of the screen,
   * which everyone shares); off when the centre is already someone's own (beside their selection).
   */
  spread?: boolean;
  /** How many rings of cells to try before giving up and stacking beside the furthest. */
  maxRings?: number;
}

/**
 * Obstacles filed by the square buckets they cover, so that testing one candidate reads only the
 * few boxes near it (a board of 2,000 cards otherwise costs a fifth of a second per new card).
 */
function bucketIndex(obstacles: readonly Box[], bucket: number, gap: number) {
  const buckets = new Map<string, Box[]>();
  const span = (from: number, to: number) => [Math.floor(from / bucket), Math.floor(to / bucket)];
  for (const box of obstacles) {
    const [x0, x1] = span(box.x - gap, box.x + box.w + gap);
    const [y0, y1] = span(box.y - gap, box.y + box.h + gap);
    for (let i = x0!; i <= x1!; i++) {
      for (let j = y0!; j <= y1!; j++) {
        const key = `${i}:${j}`;
        const list = buckets.get(key);
        if (list) list.push(box);
        else buckets.set(key, [box]);
      }
    }
  }
  return (candidate: Box): boolean => {
    const [x0, x1] = span(candidate.x, candidate.x + candidate.w);
    const [y0, y1] = span(candidate.y, candidate.y + candidate.h);
    for (let i = x0!; i <= x1!; i++) {
      for (let j = y0!; j <= y1!; j++) {
        if (buckets.get(`${i}:${j}`)?.some((box) => boxesOverlap(candidate, box, gap))) return true;
      }
    }
    return false;
  };
}

/** The cell offsets at Chebyshev distance `ring` around (0, 0), nearest first. */
function ringCells(ring: number): Array<[number, number]> {
  if (ring === 0) return [[0, 0]];
  const cells: Array<[number, number]> = [];
  for (let i = -ring; i <= ring; i++) {
    for (let j = -ring; j <= ring; j++) {
      if (Math.max(Math.abs(i), Math.abs(j)) === ring) cells.push([i, j]);
    }
  }
  return cells.sort((a, b) => a[0] ** 2 + a[1] ** 2 - (b[0] ** 2 + b[1] ** 2));
}

/**
 * The top-left corner of a free spot for a card: the nearest cell of a grid around `centre`
 * (cells of half a card, so cards can sit close to existing ones) whose box, with `gap` of
 * clearance, overlaps no obstacle.
 */
export function findFreeSpot(request: FreeSpotRequest): { x: number; y: number } {
  const {
    obstacles,
    size,
    centre,
    placerId = '',
    gap = cardGap,
    spread = true,
    maxRings = 60,
  } = request;
  const hash = stableHash(placerId);
  // A per-person start: one of nine cells a whole card apart, so two people's first choices on an
  // empty area never overlap unless their hashes agree.
  const startCell = spread ? hash % 9 : 4;
  const origin = {
    x: centre.x - size.w / 2 + ((startCell % 3) - 1) * (size.w + gap),
    y: centre.y - size.h / 2 + (Math.floor(startCell / 3) - 1) * (size.h + gap),
  };
  const stepX = (size.w + gap) / 2;
  const stepY = (size.h + gap) / 2;
  const rotation = hash >>> 4;
  const isCovered = bucketIndex(obstacles, Math.max(size.w, size.h) + 2 * gap, gap);
  for (let ring = 0; ring <= maxRings; ring++) {
    const cells = ringCells(ring);
    // Equally near cells are tried from a per-person starting index.
    const start = cells.length > 0 ? rotation % cells.length : 0;
    const ordered = cells.map((_, k) => cells[(k + start) % cells.length]!);
    ordered.sort((a, b) => a[0] ** 2 + a[1] ** 2 - (b[0] ** 2 + b[1] ** 2));
    for (const [i, j] of ordered) {
      const candidate = { x: origin.x + i * stepX, y: origin.y + j * stepY, ...size };
      if (!isCovered(candidate)) {
        return { x: candidate.x, y: candidate.y };
      }
    }
  }
  // Nothing free that near: go right of everything.
  const right = Math.max(...obstacles.map((box) => box.x + box.w));
  return { x: right + gap, y: origin.y };
}
