import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  addMemberRequestSchema,
  canAdministerWorkspace,
  canCreateBoards,
  createBoardRequestSchema,
  updateMemberRequestSchema,
  workspaceInputSchema,
} from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import { InstanceRights } from '../access/instanceRights.js';
import type { MemberRefusal } from '../access/memberChanges.js';
import { boardSummary } from '../documents/summaries.js';
import type { ArchiveSources } from '../export/workspaceArchive.js';
import { withZod } from '../http/zodRoutes.js';
import { accessGuards, actorOf, memberOf, problem, staffOf } from './requestGuards.js';

/** Why a change to a membership was refused. */
const memberRefusals = {
  'not-found': {
    status: 404,
    body: problem('member-not-found', 'Cette personne n’est pas membre de l’espace.'),
  },
  'last-admin': {
    status: 409,
    body: problem('last-administrator', 'L’espace doit garder au moins un administrateur.'),
  },
  'instance-admin': {
    status: 403,
    body: problem(
      'instance-administrator',
      'Cette personne administre l’instance Boussole : seul un administrateur de l’instance peut changer son rôle dans un espace ou l’en retirer.',
    ),
  },
} as const satisfies Record<MemberRefusal, unknown>;

const workspaceNotFound = problem('workspace-not-found', 'Cet espace de travail n’existe pas.');

const workspaceParams = z.object({ workspaceId: z.string() });
const memberParams = workspaceParams.extend({ userId: z.string() });

export interface WorkspaceRoutesDeps {
  ctx: AccessContext;
  archive: Pick<ArchiveSources, 'versions' | 'committedState'>;
}

/** Workspaces (one ABS each), their members and their boards (access/workspaceAdmin.ts). */
export const workspaceRoutes: FastifyPluginAsync<WorkspaceRoutesDeps> = async (
  instance,
  { ctx, archive },
) => {
  const app = withZod(instance);
  const admin = ctx.workspaceAdmin;
  const guard = accessGuards(ctx);
  const members = guard.workspace();
  const administrators = guard.workspace((r) => canAdministerWorkspace(r.role));
  const boardCreators = guard.workspace((r) => canCreateBoards(r.role));

  // Starting an ABS is an instance-level right (access/instanceRights.ts).
  async function mayCreateWorkspaces(request: FastifyRequest, reply: FastifyReply) {
    if (InstanceRights.mayCreateWorkspaces(staffOf(request))) return;
    return reply
      .code(403)
      .send(
        problem(
          'workspace-creation-refused',
          'Votre compte ne peut pas créer d’espace de travail : demandez ce droit à un administrateur de l’instance Boussole.',
        ),
      );
  }

  app.get('/api/workspaces', { preValidation: guard.staff }, async (request) => {
    const principal = staffOf(request);
    const list = await ctx.workspaces.listFor({
      id: principal.userId,
      isAdmin: principal.isAdmin,
    });
    return { workspaces: list.map((w) => ({ ...w, role: w.role ?? 'administrateur' })) };
  });

  app.post(
    '/api/workspaces',
    { schema: { body: workspaceInputSchema }, preValidation: [guard.staff, mayCreateWorkspaces] },
    async (request, reply) => {
      const principal = staffOf(request);
      const workspace = await admin.create(principal, actorOf(principal), request.body);
      return reply.code(201).send({ ...workspace, role: 'administrateur' });
    },
  );

  app.get(
    '/api/workspaces/:workspaceId',
    { schema: { params: workspaceParams }, preValidation: members },
    async (request, reply) => {
      const detail = await admin.detail(request.params.workspaceId, memberOf(request).rights);
      return detail ?? reply.code(404).send(workspaceNotFound);
    },
  );

  app.patch(
    '/api/workspaces/:workspaceId',
    {
      schema: { params: workspaceParams, body: workspaceInputSchema },
      preValidation: administrators,
    },
    async (request, reply) => {
      const actor = actorOf(memberOf(request).principal);
      await admin.update(actor, request.params.workspaceId, request.body);
      return reply.code(204).send();
    },
  );

  /**
   * Erasure (RGPD): the workspace, its members, links, guests, audit entries and documents go,
   * and so does every stored update of those documents — nothing of it is left in any table,
   * nor in the database files (access/workspaceErasure.ts).
   */
  app.delete(
    '/api/workspaces/:workspaceId',
    { schema: { params: workspaceParams }, preValidation: administrators },
    async (request, reply) => {
      const { workspaceId } = request.params;
      const documents = await ctx.erasure.erase(workspaceId, actorOf(memberOf(request).principal));
      request.log.info({ workspaceId, documents }, 'workspace erased');
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/workspaces/:workspaceId/members',
    {
      schema: { params: workspaceParams, body: addMemberRequestSchema },
      preValidation: administrators,
    },
    async (request, reply) => {
      const { body } = request;
      const actor = actorOf(memberOf(request).principal);
      const member = await admin.addMember(actor, request.params.workspaceId, body);
      if (member === 'initial-password-needed') {
        return reply
          .code(400)
          .send(
            problem(
              'initial-password-needed',
              'Cette personne n’a pas encore de compte : indiquez un mot de passe initial (12 caractères au moins) à lui transmettre.',
            ),
          );
      }
      return reply.code(201).send({
        userId: member.id,
        displayName: member.displayName,
        email: member.email,
        role: body.role,
        instances: body.instances,
      });
    },
  );

  app.patch(
    '/api/workspaces/:workspaceId/members/:userId',
    {
      schema: { params: memberParams, body: updateMemberRequestSchema },
      preValidation: administrators,
    },
    async (request, reply) => {
      const { workspaceId, userId } = request.params;
      const { principal } = memberOf(request);
      const refused = await admin.changeMember(
        principal,
        actorOf(principal),
        workspaceId,
        userId,
        request.body,
      );
      if (refused) {
        return reply.code(memberRefusals[refused].status).send(memberRefusals[refused].body);
      }
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/workspaces/:workspaceId/members/:userId',
    { schema: { params: memberParams }, preValidation: administrators },
    async (request, reply) => {
      const { workspaceId, userId } = request.params;
      const { principal } = memberOf(request);
      const refused = await admin.removeMember(principal, actorOf(principal), workspaceId, userId);
      if (refused) {
        return reply.code(memberRefusals[refused].status).send(memberRefusals[refused].body);
      }
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/boards',
    { schema: { params: workspaceParams }, preValidation: members },
    async (request) => ({
      boards: (await ctx.documents.list(request.params.workspaceId, 'board')).map(boardSummary),
    }),
  );

  app.post(
    '/api/workspaces/:workspaceId/boards',
    {
      schema: { params: workspaceParams, body: createBoardRequestSchema },
      preValidation: boardCreators,
    },
    async (request, reply) => {
      const { workspaceId } = request.params;
      const record = await ctx.documents.create({ kind: 'board', ...request.body, workspaceId });
      request.log.info({ boardId: record.id, workspaceId }, 'board created');
      return reply.code(201).send(boardSummary(record));
    },
  );

  /** RGPD: everything kept about the workspace, as one zip (server/src/export/workspaceArchive). */
  app.get(
    '/api/workspaces/:workspaceId/export',
    { schema: { params: workspaceParams }, preValidation: administrators },
    async (request, reply) => {
      const { workspaceId } = request.params;
      const zip = await admin.exportArchive(actorOf(memberOf(request).principal), workspaceId, {
        ctx,
        ...archive,
      });
      if (!zip) return reply.code(404).send(workspaceNotFound);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="boussole-${workspaceId}-${day}.zip"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/audit',
    { schema: { params: workspaceParams }, preValidation: administrators },
    async (request) => ({ entries: await admin.auditEntries(request.params.workspaceId) }),
  );
};
