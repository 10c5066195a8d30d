import { z } from 'zod';

/**
 * Quick emoji reactions on a card or on the board. They are ephemeral: a reaction is one field
 * of the person's awareness state (beside their cursor), shown for a few seconds by every
 * client and never stored. The server rate-limits them per connection
 * (server/src/collab/reactionBudget.ts): a crafted client cannot flood a workshop with emoji.
 */
export const REACTION_FIELD = 'reaction';

export const REACTION_EMOJIS = ['👍', '❤️', '💡', '❓', '👏'] as const;
export type ReactionEmoji = (typeof REACTION_EMOJIS)[number];

export const reactionSchema = z.strictObject({
  emoji: z.enum(REACTION_EMOJIS),
  /** The card reacted to, or null for the board as a whole. */
  cardId: z.string().min(1).max(300).nullable(),
  /** The sender's clock (epoch ms): a new value is a new reaction, even with the same emoji. */
  at: z.number().int().min(0),
});
export type Reaction = z.infer<typeof reactionSchema>;

/** One reaction per second per connection on average, five in a burst; more are dropped. */
export const REACTION_RATE = { perSecond: 1, burst: 5 } as const;

/** How long clients show a reaction floating over its card. */
export const REACTION_SHOWN_MS = 3_000;
