import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { createBoardRequestSchema, docIdSchema, type BoardList } from '@boussole/shared';
import type { DocumentAccessResolver } from '../access/DocumentAccess.js';
import type { DocumentCatalog } from '../documents/DocumentCatalog.js';
import type { SessionDocs } from '../session/SessionDocs.js';
import { boardSummary as summary } from '../documents/summaries.js';
import { problem } from './requestGuards.js';

/**
 * /api/boards — describe a board with the caller's rights on it. The unscoped list and create
 * only concern boards from before workspaces existed, for instance administrators; boards are
 * otherwise created and listed under /api/workspaces/:id/boards.
 */
export const boardRoutes: FastifyPluginAsync<{
  documents: DocumentCatalog;
  access: DocumentAccessResolver;
  sessions: Pick<SessionDocs, 'ensure'>;
}> = async (app, { documents, access, sessions }) => {
  // The body is checked by hand, not by a route schema: its 400 is `invalid-board`, with a
  // message of its own.

  /** Boards outside any workspace (from before workspaces) belong to no one but the instance. */
  async function refuseUnlessInstanceAdmin(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<boolean> {
    const principal = await access.principalFromHeaders(request.headers);
    if (principal?.kind === 'user' && principal.isAdmin) return false;
    await reply
      .code(principal ? 403 : 401)
      .send(
        problem(
          principal ? 'forbidden' : 'unauthenticated',
          principal
            ? 'Les tableaux hors espace de travail sont réservés aux administrateurs de l’instance.'
            : 'Connectez-vous pour continuer.',
        ),
      );
    return true;
  }

  app.get('/api/boards', async (request, reply): Promise<BoardList | FastifyReply> => {
    if (await refuseUnlessInstanceAdmin(request, reply)) return reply;
    const records = await documents.listUnassigned('board');
    return { boards: records.map(summary) };
  });

  app.post('/api/boards', async (request, reply) => {
    if (await refuseUnlessInstanceAdmin(request, reply)) return reply;
    const parsed = createBoardRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return reply
        .code(400)
        .send(
          problem(
            'invalid-board',
            `Tableau invalide : ${first?.path.join('.') || 'corps'} — attendu ${first?.message ?? 'un objet JSON'}.`,
          ),
        );
    }
    const record = await documents.create({ kind: 'board', ...parsed.data, workspaceId: null });
    request.log.info({ boardId: record.id, template: record.template }, 'board created');
    return reply.code(201).send(summary(record));
  });

  app.get<{ Params: { boardId: string } }>('/api/boards/:boardId', async (request, reply) => {
    const id = docIdSchema.safeParse(request.params.boardId);
    const record = id.success ? await documents.get(id.data) : undefined;
    if (!record || record.kind !== 'board') {
      return reply.code(404).send(problem('board-not-found', 'Ce tableau n’existe pas.'));
    }
    const principal = await access.principalFromHeaders(request.headers);
    const result = await access.documentAccess(principal, record.id);
    if (!result.ok) return reply.code(result.status).send(problem(result.error, result.message));
    const { role, canWrite, identity } = result.access;
    return {
      ...summary(record),
      workspaceId: record.workspaceId,
      access: { role, canWrite, identity },
      // Created on first visit for boards older than sessions; the board page opens it.
      sessionDocId: await sessions.ensure(record),
    };
  });
};
