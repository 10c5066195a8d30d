import { z } from 'zod';
import {
  hypothesisSchema,
  indicatorSchema,
  observationSchema,
  recommendationSchema,
} from '../board/cards.js';

/**
 * Cards the server holds instead of the board (issue #15), so that they reach nobody else:
 * - `private`: « écrire seul, révéler ensemble » — written while the session's
 *   `modes.privateWriting` is on, seen only by their author until the facilitator reveals them
 *   all at once;
 * - `inbox`: written while `lock.moderated` is on, seen by their author and the facilitators,
 *   who accept them onto the board or reject them.
 * They are never in a Yjs document before that: only their count is public.
 *
 * GET    /api/boards/:boardId/held-cards                → HeldCardList (one's own) + counts
 * POST   /api/boards/:boardId/held-cards                HeldCardInput → 201 HeldCard
 * PUT    /api/boards/:boardId/held-cards/:cardId        HeldCardInput → HeldCard (one's own)
 * DELETE /api/boards/:boardId/held-cards/:cardId        → 204 (one's own)
 * POST   /api/boards/:boardId/held-cards/reveal         [PlacementRequest] → RevealResult (facilitators)
 * GET    /api/boards/:boardId/inbox                     → InboxList (facilitators)
 * POST   /api/boards/:boardId/inbox/:cardId/accept      [PlacementRequest] → InboxDecision (facilitators)
 * POST   /api/boards/:boardId/inbox/:cardId/reject      → InboxDecision (facilitators)
 */

/** The kinds a participant may write while held (themes are the facilitator's to make). */
export const heldCardKinds = ['observation', 'hypothesis', 'indicator', 'recommendation'] as const;
export type HeldCardKind = (typeof heldCardKinds)[number];

export const heldCardPurposes = ['private', 'inbox'] as const;
export type HeldCardPurpose = (typeof heldCardPurposes)[number];

/** A held card's content: the card's own fields, validated like a card on the board. */
export const heldCardInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('observation'), props: observationSchema }),
  z.strictObject({ kind: z.literal('hypothesis'), props: hypothesisSchema }),
  z.strictObject({ kind: z.literal('indicator'), props: indicatorSchema }),
  z.strictObject({ kind: z.literal('recommendation'), props: recommendationSchema }),
]);
export type HeldCardInput = z.infer<typeof heldCardInputSchema>;

/** A held card as its author (or, in the inbox, a facilitator) sees it. Never its author. */
export type HeldCard = HeldCardInput & {
  id: string;
  boardId: string;
  purpose: HeldCardPurpose;
  createdAt: string;
};

/** What anyone on the board may know: how many cards wait, never what they say. */
export interface HeldCardCounts {
  private: number;
  inbox: number;
}

export interface HeldCardList {
  cards: HeldCard[];
  counts: HeldCardCounts;
}

export interface InboxList {
  cards: HeldCard[];
}

export interface RevealResult {
  /** Cards now on the board. */
  revealed: number;
  /** Their ids on the board. */
  cardIds: string[];
}

/** How far from the page's origin a placement point may be, on either axis. */
export const MAX_PLACEMENT_COORDINATE = 10_000_000;

const placementCoordinate = z
  .number({ error: 'un nombre' })
  .min(-MAX_PLACEMENT_COORDINATE, { error: 'un nombre entre -10 000 000 et 10 000 000' })
  .max(MAX_PLACEMENT_COORDINATE, { error: 'un nombre entre -10 000 000 et 10 000 000' });

/**
 * The optional body of a reveal or an inbox acceptance: `near`, a point of the page (the
 * centre of the facilitator's view), around which the cards go in free space. Without it,
 * they go right of everything the page holds.
 */
export const placementRequestSchema = z
  .strictObject(
    {
      near: z
        .strictObject(
          { x: placementCoordinate, y: placementCoordinate },
          { error: 'un point { x, y }' },
        )
        .optional(),
    },
    { error: 'un objet JSON { near?: { x, y } }' },
  )
  .optional();
export type PlacementRequest = z.infer<typeof placementRequestSchema>;

export interface InboxDecision {
  /** The card's id on the board once accepted; null when rejected. */
  cardId: string | null;
}

/** A held card's id as the routes take it. */
export const heldCardIdSchema = z.string().regex(/^held_[A-Za-z0-9_-]{8,64}$/);
