import { z } from 'zod';
import { cardKinds } from '../board/cards.js';

/**
 * Dot-voting (« vote par gommettes »), REST side. The facilitator opens a vote on some of a
 * board's cards; each participant places and removes dots one at a time; the server keeps every
 * ballot (never in a Yjs document) and publishes only the vote's public face in the session
 * document (`SessionVote`): who may vote on what, how many people voted, and the ranked results
 * once the vote is closed. After the close each card of the vote carries its count in its tldraw
 * meta (`cardVotesMetaKey`), which exports and report excerpts read.
 */

const cardId = z.string().min(1).max(300);

/** Which cards a vote is on: an explicit selection, every card of a kind, or a theme's cards. */
export const voteTargetSchema = z.union([
  z.strictObject({ cardIds: z.array(cardId).min(1).max(2_000) }),
  z.strictObject({ kind: z.enum(cardKinds) }),
  z.strictObject({ themeId: cardId }),
]);
export type VoteTarget = z.infer<typeof voteTargetSchema>;

export const openVoteRequestSchema = z.strictObject({
  title: z.string().trim().max(200).default(''),
  target: voteTargetSchema,
  dotsPerPerson: z.number().int().min(1).max(50),
  /** At most this many of one person's dots on one card; null = no limit. */
  maxPerCard: z.number().int().min(1).max(50).nullable().default(null),
  anonymous: z.boolean().default(true),
});
export type OpenVoteRequest = z.input<typeof openVoteRequestSchema>;

/**
 * One dot placed (+1) or removed (-1). `opId` is chosen by the client, unique per operation:
 * a request replayed after a lost answer (offline queue, retry) is applied once.
 */
export const voteDotRequestSchema = z.strictObject({
  cardId,
  delta: z.union([z.literal(1), z.literal(-1)]),
  opId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'an operation id of 8 to 64 letters, digits, - or _'),
});
export type VoteDotRequest = z.infer<typeof voteDotRequestSchema>;

/** A vote's settings, as the facilitator chose them and the server resolved its cards. */
export interface VoteSettings {
  title: string;
  cardIds: string[];
  dotsPerPerson: number;
  maxPerCard: number | null;
  anonymous: boolean;
}

export type VoteStatus = 'open' | 'closed';

/** A vote as anyone on the board may see it (no one's dots). */
export interface VoteSummary extends VoteSettings {
  id: string;
  status: VoteStatus;
  openedAt: string;
  closedAt: string | null;
}

/** The caller's own ballot, and only theirs. */
export interface OwnBallot {
  voteId: string;
  status: VoteStatus;
  /** Card id → dots placed there by the caller. */
  dots: Record<string, number>;
  /** Dots the caller may still place. */
  remaining: number;
}

export interface VoteResult {
  cardId: string;
  dots: number;
  /** Named votes only: who put dots there. */
  names: string[] | null;
}

/** What `GET /api/boards/:id/votes/:voteId` returns: results only once the vote is closed. */
export interface VoteDetail extends VoteSummary {
  results: VoteResult[] | null;
}

export interface VoteList {
  votes: VoteSummary[];
}

/** Where a card's count from its last closed vote is kept, in the card's tldraw `meta`. */
export const cardVotesMetaKey = 'votes';

export const cardVotesMetaSchema = z.strictObject({
  voteId: z.string().min(1).max(64),
  dots: z.number().int().min(0).max(1_000_000),
  /** 1 for the card with the most dots; equal counts share a rank. */
  rank: z.number().int().min(1).max(2_000),
});
export type CardVotesMeta = z.infer<typeof cardVotesMetaSchema>;

/** A card record's vote count, or undefined if it never was in a closed vote. */
export function cardVotesOf(record: { meta?: unknown } | undefined): CardVotesMeta | undefined {
  const meta = record?.meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const parsed = cardVotesMetaSchema.safeParse((meta as Record<string, unknown>)[cardVotesMetaKey]);
  return parsed.success ? parsed.data : undefined;
}

/** Results ranked by dots (descending), ties in the vote's card order; ranks shared by ties. */
export function rankResults<T extends { cardId: string; dots: number }>(
  results: readonly T[],
  cardOrder: readonly string[],
): (T & { rank: number })[] {
  const order = new Map(cardOrder.map((id, i) => [id, i]));
  const sorted = [...results].sort(
    (a, b) =>
      b.dots - a.dots || (order.get(a.cardId) ?? Infinity) - (order.get(b.cardId) ?? Infinity),
  );
  let rank = 0;
  let previous: number | undefined;
  return sorted.map((result, i) => {
    if (result.dots !== previous) rank = i + 1;
    previous = result.dots;
    return { ...result, rank };
  });
}

/** French refusals a client may show as they are (the server's `message`). */
export const voteMessages = {
  noDotsLeft: (n: number) => `Vous avez déjà placé vos ${n} point${n > 1 ? 's' : ''}.`,
  maxPerCard: (n: number) => `Au plus ${n} point${n > 1 ? 's' : ''} par carte dans ce vote.`,
  cardNotInVote: 'Cette carte ne fait pas partie du vote.',
  noDotToRemove: 'Vous n’avez pas de point sur cette carte.',
  closed: 'Le vote est clos : vos points n’ont pas été comptés.',
} as const;
