import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  linkableCardsQuerySchema,
  resolveCardLinksRequestSchema,
  type LinkableCardList,
  type ResolvedCardLinks,
} from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import { withZod } from '../http/zodRoutes.js';
import { WorkspaceCards } from '../links/WorkspaceCards.js';
import { accessGuards } from './requestGuards.js';

const workspaceParams = z.object({ workspaceId: z.string() });

export interface CardLinkRoutesDeps {
  ctx: AccessContext;
  /** A board's committed state, live room included (RoomRegistry.committedState). */
  committedState(docId: string): Promise<Uint8Array>;
}

/**
 * Links between cards of a workspace's boards (links/WorkspaceCards.ts), for anyone who may
 * read the workspace, guests included: searching the cards to link to, and naming the cards
 * links point to. Neither logs any card's text.
 */
export const cardLinkRoutes: FastifyPluginAsync<CardLinkRoutesDeps> = async (
  instance,
  { ctx, committedState },
) => {
  const app = withZod(instance);
  const members = accessGuards(ctx).workspace();
  const cards = new WorkspaceCards({ documents: ctx.documents, committedState });

  app.get(
    '/api/workspaces/:workspaceId/cards',
    {
      schema: { params: workspaceParams, querystring: linkableCardsQuerySchema },
      preValidation: members,
    },
    async (request): Promise<LinkableCardList> =>
      cards.search(request.params.workspaceId, request.query.kinds, request.query.q),
  );

  app.post(
    '/api/workspaces/:workspaceId/cards/resolve',
    {
      schema: { params: workspaceParams, body: resolveCardLinksRequestSchema },
      preValidation: members,
    },
    async (request): Promise<ResolvedCardLinks> => ({
      links: await cards.resolve(request.params.workspaceId, request.body.refs),
    }),
  );
};
