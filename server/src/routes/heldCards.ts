import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  docIdSchema,
  heldCardIdSchema,
  heldCardInputSchema,
  placementRequestSchema,
} from '@boussole/shared';
import type { DocumentAccessResolver } from '../access/DocumentAccess.js';
import {
  ContributionProblem,
  contributionProblems,
} from '../contributions/contributionProblems.js';
import type { BoardCaller, Contributions } from '../contributions/Contributions.js';
import type { DocumentCatalog } from '../documents/DocumentCatalog.js';
import { withZod } from '../http/zodRoutes.js';
import { problem } from './requestGuards.js';

/**
 * The held-cards API (shared/src/api/heldCards.ts): a participant's cards written privately
 * or for the moderated inbox, the facilitator's reveal and inbox decisions. Nothing here logs
 * a card's content or its author.
 */

export interface HeldCardRoutesDeps {
  documents: Pick<DocumentCatalog, 'get'>;
  access: DocumentAccessResolver;
  contributions: Contributions;
}

const boardParams = z.object({ boardId: z.string() });
const cardParams = z.object({ boardId: z.string(), cardId: heldCardIdSchema });

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the held-cards routes' guard: who asks, on which board. */
    boardCaller?: BoardCaller;
  }
}

function send(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof ContributionProblem) {
    return reply.code(error.status).send(problem(error.code, error.message));
  }
  throw error;
}

export const heldCardRoutes: FastifyPluginAsync<HeldCardRoutesDeps> = async (
  instance,
  { documents, access, contributions },
) => {
  const app = withZod(instance);

  /** Anyone who may open the board, before the body is looked at. */
  async function onBoard(request: FastifyRequest, reply: FastifyReply) {
    const { boardId } = request.params as { boardId: string };
    const id = docIdSchema.safeParse(boardId);
    const record = id.success ? await documents.get(id.data) : undefined;
    if (!record || record.kind !== 'board') {
      return send(reply, contributionProblems.boardNotFound());
    }
    const principal = await access.principalFromHeaders(request.headers);
    const result = await access.documentAccess(principal, record.id);
    if (!result.ok) return reply.code(result.status).send(problem(result.error, result.message));
    const { access: granted } = result;
    request.boardCaller = {
      boardId: record.id,
      workspaceId: record.workspaceId,
      personId: granted.identity.id,
      actor: granted.identity,
      role: granted.role,
      canWrite: granted.canWrite,
    };
  }

  const callerOf = (request: FastifyRequest): BoardCaller => {
    if (!request.boardCaller) throw new Error(`${request.url}: no board guard`);
    return request.boardCaller;
  };

  const base = '/api/boards/:boardId';

  app.get(
    `${base}/held-cards`,
    { schema: { params: boardParams }, preValidation: onBoard },
    async (request, reply) => {
      try {
        return await contributions.listOwn(callerOf(request));
      } catch (error) {
        return send(reply, error);
      }
    },
  );

  app.post(
    `${base}/held-cards`,
    { schema: { params: boardParams, body: heldCardInputSchema }, preValidation: onBoard },
    async (request, reply) => {
      try {
        const card = await contributions.create(callerOf(request), request.body);
        return reply.code(201).send(card);
      } catch (error) {
        return send(reply, error);
      }
    },
  );

  // Registered before `/held-cards/:cardId` so that « reveal » is never taken for a card id.
  app.post(
    `${base}/held-cards/reveal`,
    { schema: { params: boardParams, body: placementRequestSchema }, preValidation: onBoard },
    async (request, reply) => {
      try {
        const result = await contributions.reveal(callerOf(request), request.body?.near);
        request.log.info(
          { boardId: request.boardCaller?.boardId, revealed: result.revealed },
          'held cards revealed',
        );
        return result;
      } catch (error) {
        return send(reply, error);
      }
    },
  );

  app.put(
    `${base}/held-cards/:cardId`,
    { schema: { params: cardParams, body: heldCardInputSchema }, preValidation: onBoard },
    async (request, reply) => {
      try {
        return await contributions.edit(callerOf(request), request.params.cardId, request.body);
      } catch (error) {
        return send(reply, error);
      }
    },
  );

  app.delete(
    `${base}/held-cards/:cardId`,
    { schema: { params: cardParams }, preValidation: onBoard },
    async (request, reply) => {
      try {
        await contributions.remove(callerOf(request), request.params.cardId);
        return reply.code(204).send();
      } catch (error) {
        return send(reply, error);
      }
    },
  );

  app.get(
    `${base}/inbox`,
    { schema: { params: boardParams }, preValidation: onBoard },
    async (request, reply) => {
      try {
        return await contributions.inbox(callerOf(request));
      } catch (error) {
        return send(reply, error);
      }
    },
  );

  app.post(
    `${base}/inbox/:cardId/accept`,
    { schema: { params: cardParams, body: placementRequestSchema }, preValidation: onBoard },
    async (request, reply) => {
      try {
        const caller = callerOf(request);
        return await contributions.accept(caller, request.params.cardId, request.body?.near);
      } catch (error) {
        return send(reply, error);
      }
    },
  );

  app.post(
    `${base}/inbox/:cardId/reject`,
    { schema: { params: cardParams }, preValidation: onBoard },
    async (request, reply) => {
      try {
        return await contributions.reject(callerOf(request), request.params.cardId);
      } catch (error) {
        return send(reply, error);
      }
    },
  );
};
