import { z } from 'zod';
import { cardKinds } from '../board/cards.js';

/**
 * Links between cards of a workspace's boards (shared/src/board/cardLinks.ts), over HTTP:
 * finding the cards one may link to, and naming the cards links point to (their chips).
 */

/** Most cards one search answers with, and most links one resolve request names. */
export const cardLinkLimits = { results: 50, query: 100, refs: 200 } as const;

export const linkableCardSchema = z.object({
  boardId: z.string(),
  boardTitle: z.string(),
  cardId: z.string(),
  kind: z.enum(cardKinds),
  /** The card's main text, shortened (cardLinkLabel). */
  label: z.string(),
});
export type LinkableCard = z.infer<typeof linkableCardSchema>;

/** GET /api/workspaces/:workspaceId/cards?kinds=…&q=… */
export const linkableCardsQuerySchema = z.object({
  kinds: z
    .string()
    .max(200, 'au plus 200 caractères')
    .optional()
    .transform((value, ctx) => {
      const kinds = (value ?? cardKinds.join(',')).split(',').filter(Boolean);
      for (const kind of kinds) {
        if (!(cardKinds as readonly string[]).includes(kind)) {
          ctx.addIssue({
            code: 'custom',
            message: `des types de carte parmi ${cardKinds.join(', ')}`,
          });
          return z.NEVER;
        }
      }
      return kinds as (typeof cardKinds)[number][];
    }),
  q: z
    .string()
    .max(cardLinkLimits.query, `au plus ${cardLinkLimits.query} caractères`)
    .optional()
    .default(''),
});

export interface LinkableCardList {
  cards: LinkableCard[];
  /** More cards matched than the answer holds: the person should type more. */
  truncated: boolean;
}

/** POST /api/workspaces/:workspaceId/cards/resolve — links in their qualified form. */
export const resolveCardLinksRequestSchema = z.object({
  refs: z
    .array(z.string().max(300), { error: 'refs : une liste de liens attendue' })
    .max(cardLinkLimits.refs, `au plus ${cardLinkLimits.refs} liens`),
});
export type ResolveCardLinksRequest = z.infer<typeof resolveCardLinksRequestSchema>;

/** A link named: its card, or `broken` when its card or board is gone (or was never there). */
export type ResolvedCardLink =
  ({ ref: string; status: 'ok' } & LinkableCard) | { ref: string; status: 'broken' };

export interface ResolvedCardLinks {
  links: ResolvedCardLink[];
}
