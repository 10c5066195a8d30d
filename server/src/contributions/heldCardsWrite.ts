import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import {
  cardShapeId,
  cardShapeRecord,
  indicesAbove,
  type HeldCardInput,
  type HeldCardKind,
} from '@boussole/shared';
import { boardPageTarget } from '../boards/boardPageTarget.js';
import type { BoardWrite } from '../imports/boardWrite.js';
import { placeCards, placeCardsNear, type Point, type Size } from '../imports/cardPlacement.js';

/**
 * Held cards as the records of one board change: placed as one block in free space, around the
 * point the facilitator was looking at when one is given, else beside what the page holds (the
 * import's placement); above it in z-order, each card at its kind's
 * usual size. The write goes through buildCheckedBoardUpdates like an import's, so the board's
 * own rules judge it before anyone receives it.
 */

/** The sizes the toolbar gives new cards (client/src/board/shapes/*ShapeUtil defaultProps). */
export const heldCardSizes: Record<HeldCardKind, Size> = {
  observation: { w: 240, h: 160 },
  hypothesis: { w: 240, h: 160 },
  indicator: { w: 220, h: 140 },
  recommendation: { w: 260, h: 180 },
};

/** One grid cell fits every kind, so that a mixed block never overlaps. */
const cell: Size = {
  w: Math.max(...Object.values(heldCardSizes).map((s) => s.w)),
  h: Math.max(...Object.values(heldCardSizes).map((s) => s.h)),
};

function cardRecord(input: HeldCardInput, place: Parameters<typeof cardShapeRecord>[1]) {
  const size = heldCardSizes[input.kind];
  switch (input.kind) {
    case 'observation':
      return cardShapeRecord('observation', place, { ...size, ...input.props });
    case 'hypothesis':
      return cardShapeRecord('hypothesis', place, { evidenceIds: [], ...size, ...input.props });
    case 'indicator':
      return cardShapeRecord('indicator', place, { ...size, ...input.props });
    case 'recommendation':
      return cardShapeRecord('recommendation', place, { ...size, ...input.props });
  }
}

/**
 * The records `cards` become on the board `doc` holds now, in the order given; `cardIds[i]`
 * is the board id of `cards[i]`. With `near` (a point of the page), the block goes in the free
 * space nearest to it.
 */
export function planHeldCardsWrite(
  doc: Y.Doc,
  cards: readonly HeldCardInput[],
  near?: Point,
): BoardWrite & { cardIds: string[] } {
  const { pageId, setupRecords, existing, siblingIndices, declareSchema } = boardPageTarget(doc);
  const records: { id: string }[] = [...setupRecords];
  const positions = near
    ? placeCardsNear(existing, cards.length, cell, near)
    : placeCards(existing, cards.length, cell);
  const indices = indicesAbove(siblingIndices, cards.length);
  const cardIds: string[] = [];
  cards.forEach((input, i) => {
    const id = cardShapeId(randomUUID());
    const at = positions[i]!;
    records.push(cardRecord(input, { id, parentId: pageId, x: at.x, y: at.y, index: indices[i]! }));
    cardIds.push(id);
  });
  return { records, declareSchema, themes: 0, cardIds };
}
