import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  boardSteps,
  canAdministerWorkspace,
  canCreateBoards,
  docIdSchema,
  updateBoardRequestSchema,
  type BoardOverviewList,
  type WorkspaceRole,
} from '@boussole/shared';
import type { AccessContext, Principal } from '../access/index.js';
import type { BoardActivity } from '../documents/BoardActivity.js';
import type { BoardAdmin } from '../documents/BoardAdmin.js';
import type { BoardCardCounts } from '../documents/BoardCardCounts.js';
import type { DocumentRecord } from '../documents/DocumentCatalog.js';
import { boardSummary } from '../documents/summaries.js';
import { accessGuards, actorOf, problem, requirePrincipal } from './requestGuards.js';

export interface BoardAdminRoutesDeps {
  ctx: AccessContext;
  admin: BoardAdmin;
  counts: BoardCardCounts;
  activity: BoardActivity;
  /** Names of the people connected to each of these documents now (ConnectionIndex). */
  peopleOn(docIds: ReadonlySet<string>): Map<string, string[]>;
  /** Boards in « sans hiérarchie » mode, where nobody's name is shown to others. */
  presenceHidden(docId: string): boolean;
}

/** Who is on a board in « sans hiérarchie » mode: counted, never named. */
const ANONYMOUS_PARTICIPANT = 'Participant·e anonyme';

/** The French sentence for the first thing wrong in a PATCH body. */
function invalidUpdate(issue: { path: PropertyKey[]; code: string } | undefined): string {
  const field = issue?.path[0];
  if (field === 'title') {
    return issue?.code === 'too_big'
      ? 'Le titre du tableau fait au plus 200 caractères.'
      : 'Le titre du tableau ne peut pas être vide.';
  }
  if (field === 'step') return `Étape inconnue : choisissez parmi ${boardSteps.join(', ')}.`;
  if (field === 'archived') return '« archived » vaut true ou false.';
  return 'Indiquez un titre, une étape ou l’archivage (title, step, archived), et rien d’autre.';
}

/**
 * The workspace page's board actions (documents/BoardAdmin.ts): an overview of every board with
 * its step, card counts, last change and who is there now; rename, change of step and archiving
 * for facilitators and administrators; deletion for administrators only.
 */
export const boardAdminRoutes: FastifyPluginAsync<BoardAdminRoutesDeps> = async (
  app,
  { ctx, admin, counts, activity, peopleOn, presenceHidden },
) => {
  const members = accessGuards(ctx).workspace();

  /** The board and the caller's role in its workspace, or a refusal already sent. */
  async function boardFor(
    request: FastifyRequest<{ Params: { boardId: string } }>,
    reply: FastifyReply,
    allowed: (role: WorkspaceRole) => boolean,
  ): Promise<{ record: DocumentRecord; principal: Principal } | undefined> {
    const id = docIdSchema.safeParse(request.params.boardId);
    const record = id.success ? await ctx.documents.get(id.data) : undefined;
    const notFound = problem('board-not-found', 'Ce tableau n’existe pas.');
    if (!record || record.kind !== 'board') {
      await reply.code(404).send(notFound);
      return undefined;
    }
    const principal = await requirePrincipal(ctx, request, reply);
    if (!principal) return undefined;
    const rights = await ctx.access.documentAccess(principal, record.id);
    // Whoever may not see the board learns nothing about it.
    if (!rights.ok) {
      await reply.code(404).send(notFound);
      return undefined;
    }
    if (!allowed(rights.access.role)) {
      await reply
        .code(403)
        .send(
          problem('forbidden', `Votre rôle (${rights.access.role}) ne permet pas cette action.`),
        );
      return undefined;
    }
    return { record, principal };
  }

  app.get<{ Params: { workspaceId: string } }>(
    '/api/workspaces/:workspaceId/boards/overview',
    { preValidation: members },
    async (request): Promise<BoardOverviewList> => {
      const records = await ctx.documents.list(request.params.workspaceId, 'board');
      const ids = records.map((r) => r.id);
      const [cardCounts, present] = [await counts.countsOf(ids), peopleOn(new Set(ids))];
      return {
        boards: records.map((record) => ({
          ...boardSummary(record),
          step: record.step,
          archived: record.archivedAt !== null,
          cardCounts: cardCounts.get(record.id) ?? {},
          changedAt: activity.changedAt(record),
          present: (present.get(record.id) ?? []).map((name) =>
            presenceHidden(record.id) ? ANONYMOUS_PARTICIPANT : name,
          ),
        })),
      };
    },
  );

  app.patch<{ Params: { boardId: string } }>('/api/boards/:boardId', async (request, reply) => {
    const found = await boardFor(request, reply, canCreateBoards);
    if (!found) return reply;
    const parsed = updateBoardRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send(problem('invalid-board', invalidUpdate(parsed.error.issues[0])));
    }
    const updated = await admin.update(found.record, parsed.data);
    if (!updated)
      return reply.code(404).send(problem('board-not-found', 'Ce tableau n’existe pas.'));
    request.log.info({ boardId: updated.id, fields: Object.keys(parsed.data) }, 'board updated');
    return {
      ...boardSummary(updated),
      step: updated.step,
      archived: updated.archivedAt !== null,
    };
  });

  app.delete<{ Params: { boardId: string } }>('/api/boards/:boardId', async (request, reply) => {
    const found = await boardFor(request, reply, canAdministerWorkspace);
    if (!found) return reply;
    await admin.delete(found.record, actorOf(found.principal));
    counts.forget(found.record.id);
    activity.forget(found.record.id);
    request.log.info({ boardId: found.record.id }, 'board deleted');
    return reply.code(204).send();
  });
};
