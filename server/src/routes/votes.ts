import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  docIdSchema,
  openVoteRequestSchema,
  voteDotRequestSchema,
  voteMessages,
  type VoteList,
} from '@boussole/shared';
import type { DocumentAccess, DocumentAccessResolver } from '../access/DocumentAccess.js';
import type { DocumentCatalog } from '../documents/DocumentCatalog.js';
import type { DotRefusal } from '../votes/VoteStore.js';
import { ownBallot, type VoteError, type VoteService } from '../votes/VoteService.js';
import { problem } from './requestGuards.js';

/**
 * /api/boards/:boardId/votes — dot-votes (server/src/votes). Animateurs and administrateurs
 * open and close; whoever may write the board votes, as the person the server knows them to be
 * (no body field names a voter); each sees their own ballot only. Nothing of a ballot is
 * logged: not who, not which card.
 */

const voteIdPattern = /^[0-9a-f-]{36}$/;

function isFacilitator(access: DocumentAccess): boolean {
  return access.role === 'animateur' || access.role === 'administrateur';
}

function refusalOf(refusal: DotRefusal): { status: number; error: string; message: string } {
  switch (refusal.reason) {
    case 'closed':
      return { status: 409, error: 'vote-closed', message: voteMessages.closed };
    case 'not-found':
      return {
        status: 404,
        error: 'vote-not-found',
        message: 'Ce vote n’existe pas sur ce tableau.',
      };
    case 'card-not-in-vote':
      return { status: 400, error: 'card-not-in-vote', message: voteMessages.cardNotInVote };
    case 'no-dots-left':
      return {
        status: 409,
        error: 'no-dots-left',
        message: voteMessages.noDotsLeft(refusal.dotsPerPerson),
      };
    case 'max-per-card':
      return {
        status: 409,
        error: 'max-per-card',
        message: voteMessages.maxPerCard(refusal.maxPerCard),
      };
    case 'no-dot-to-remove':
      return { status: 409, error: 'no-dot-to-remove', message: voteMessages.noDotToRemove };
  }
}

function invalidBody(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const first = error.issues[0];
  return problem(
    'invalid-vote-request',
    `Requête de vote invalide : ${first?.path.join('.') || 'corps'} — ${first?.message ?? 'un objet JSON attendu'}.`,
  );
}

export const voteRoutes: FastifyPluginAsync<{
  documents: DocumentCatalog;
  access: DocumentAccessResolver;
  votes: VoteService;
}> = async (app, { documents, access, votes }) => {
  /** The caller's access to the board, or a refusal already sent. */
  async function boardAccess(
    request: FastifyRequest<{ Params: { boardId: string } }>,
    reply: FastifyReply,
  ): Promise<DocumentAccess | undefined> {
    const id = docIdSchema.safeParse(request.params.boardId);
    const record = id.success ? await documents.get(id.data) : undefined;
    if (!record || record.kind !== 'board') {
      void reply.code(404).send(problem('board-not-found', 'Ce tableau n’existe pas.'));
      return undefined;
    }
    const principal = await access.principalFromHeaders(request.headers);
    const result = await access.documentAccess(principal, record.id);
    if (!result.ok) {
      void reply.code(result.status).send(problem(result.error, result.message));
      return undefined;
    }
    return result.access;
  }

  function refuseUnlessFacilitator(who: DocumentAccess, reply: FastifyReply): boolean {
    if (isFacilitator(who)) return false;
    void reply
      .code(403)
      .send(problem('facilitators-only', 'Ouvrir et clôturer un vote est réservé aux animateurs.'));
    return true;
  }

  function sendError(reply: FastifyReply, error: VoteError) {
    return reply.code(error.status).send(problem(error.error, error.message));
  }

  function validVoteId(voteId: string, reply: FastifyReply): boolean {
    if (voteIdPattern.test(voteId)) return true;
    void reply.code(404).send(problem('vote-not-found', 'Ce vote n’existe pas sur ce tableau.'));
    return false;
  }

  type BoardParams = { Params: { boardId: string } };
  type VoteParams = { Params: { boardId: string; voteId: string } };

  app.get<BoardParams>('/api/boards/:boardId/votes', async (request, reply) => {
    const who = await boardAccess(request, reply);
    if (!who) return reply;
    const list: VoteList = {
      votes: (await votes.list(who.docId)).map(({ boardId: _b, ...vote }) => vote),
    };
    return list;
  });

  app.post<BoardParams>('/api/boards/:boardId/votes', async (request, reply) => {
    const who = await boardAccess(request, reply);
    if (!who || refuseUnlessFacilitator(who, reply)) return reply;
    const parsed = openVoteRequestSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(invalidBody(parsed.error));
    const opened = await votes.open(who.docId, parsed.data);
    if ('status' in opened && 'error' in opened) return sendError(reply, opened);
    request.log.info(
      { boardId: who.docId, voteId: opened.id, cards: opened.cardIds.length },
      'vote opened',
    );
    const { boardId: _b, ...vote } = opened;
    return reply.code(201).send(vote);
  });

  app.get<VoteParams>('/api/boards/:boardId/votes/:voteId', async (request, reply) => {
    const who = await boardAccess(request, reply);
    if (!who || !validVoteId(request.params.voteId, reply)) return reply;
    const detail = await votes.detail(who.docId, request.params.voteId);
    if ('error' in detail) return sendError(reply, detail);
    return detail;
  });

  app.post<VoteParams>('/api/boards/:boardId/votes/:voteId/close', async (request, reply) => {
    const who = await boardAccess(request, reply);
    if (!who || refuseUnlessFacilitator(who, reply)) return reply;
    if (!validVoteId(request.params.voteId, reply)) return reply;
    const closed = await votes.close(who.docId, request.params.voteId);
    if ('error' in closed) return sendError(reply, closed);
    request.log.info({ boardId: who.docId, voteId: closed.id }, 'vote closed');
    return closed;
  });

  app.get<VoteParams>('/api/boards/:boardId/votes/:voteId/ballot', async (request, reply) => {
    const who = await boardAccess(request, reply);
    if (!who || !validVoteId(request.params.voteId, reply)) return reply;
    const ballot = await votes.ballot(who.docId, request.params.voteId, who.identity.id);
    if ('error' in ballot) return sendError(reply, ballot);
    return ballot;
  });

  app.post<VoteParams>('/api/boards/:boardId/votes/:voteId/dots', async (request, reply) => {
    const who = await boardAccess(request, reply);
    if (!who || !validVoteId(request.params.voteId, reply)) return reply;
    if (!who.canWrite) {
      return reply
        .code(403)
        .send(problem('cannot-vote', 'Votre rôle permet de consulter ce tableau, pas d’y voter.'));
    }
    const parsed = voteDotRequestSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(invalidBody(parsed.error));
    const changed = await votes.changeDot(
      who.docId,
      request.params.voteId,
      who.identity,
      parsed.data,
    );
    if (changed === 'rate-limited') {
      return reply
        .code(429)
        .send(
          problem('too-many-dots', 'Trop de clics en peu de temps : réessayez dans un instant.'),
        );
    }
    if ('error' in changed) return sendError(reply, changed);
    const { vote, outcome } = changed;
    const ballot = ownBallot(outcome.ok ? vote : { ...vote, status: vote.status }, outcome.dots);
    if (outcome.ok) return { ...ballot, replayed: outcome.replayed };
    const refusal = refusalOf(outcome.refusal);
    // The refusal carries the ballot as it stands, so the client shows the truth at once.
    return reply.code(refusal.status).send({
      ...problem(refusal.error, refusal.message),
      ballot: { ...ballot, status: outcome.refusal.reason === 'closed' ? 'closed' : ballot.status },
    });
  });
};
