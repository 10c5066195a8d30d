import type { FastifyInstance } from 'fastify';
import {
  addMemberRequestSchema,
  canAdministerWorkspace,
  canCreateBoards,
  createBoardRequestSchema,
  updateMemberRequestSchema,
  workspaceInputSchema,
  type BoardSummary,
  type WorkspaceDetail,
} from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import { InstanceRights } from '../access/instanceRights.js';
import type { MemberRefusal } from '../access/memberChanges.js';
import type { DocumentRecord } from '../documents/DocumentCatalog.js';
import { buildWorkspaceArchive, type ArchiveSources } from '../export/workspaceArchive.js';
import { actorOf, parseBody, problem, requireStaff, requireWorkspace } from './requestGuards.js';

type WorkspaceParams = { Params: { workspaceId: string } };
type MemberParams = { Params: { workspaceId: string; userId: string } };

const boardSummary = (record: DocumentRecord): BoardSummary => ({
  id: record.id,
  title: record.title,
  template: record.template,
  createdAt: record.createdAt,
});

const administer = (r: { role: Parameters<typeof canAdministerWorkspace>[0] }) =>
  canAdministerWorkspace(r.role);

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

/** Workspaces (one ABS each), their members and their boards. */
export function registerWorkspaceRoutes(
  app: FastifyInstance,
  ctx: AccessContext,
  deps: Pick<ArchiveSources, 'versions' | 'committedState'>,
): void {
  const { workspaces, audit, store } = ctx;

  app.get('/api/workspaces', async (request, reply) => {
    const principal = await requireStaff(ctx, request, reply);
    if (!principal) return reply;
    const list = await workspaces.listFor({ id: principal.userId, isAdmin: principal.isAdmin });
    return {
      workspaces: list.map((w) => ({ ...w, role: w.role ?? 'administrateur' })),
    };
  });

  // Starting an ABS is an instance-level right (access/instanceRights.ts); whoever creates
  // one administers it.
  app.post('/api/workspaces', async (request, reply) => {
    const principal = await requireStaff(ctx, request, reply);
    if (!principal) return reply;
    if (!InstanceRights.mayCreateWorkspaces(principal)) {
      return reply
        .code(403)
        .send(
          problem(
            'workspace-creation-refused',
            'Votre compte ne peut pas créer d’espace de travail : demandez ce droit à un administrateur de l’instance Boussole.',
          ),
        );
    }
    const body = parseBody(workspaceInputSchema, request, reply);
    if (!body) return reply;
    const workspace = await store.sql.transaction(async (tx) => {
      const created = await workspaces.create(body, tx);
      await workspaces.setMember(
        created.id,
        principal.userId,
        { role: 'administrateur', instances: ['collectif_projet'] },
        tx,
      );
      await audit.append(tx, {
        workspaceId: created.id,
        actor: actorOf(principal),
        action: 'workspace.created',
        details: { name: created.name },
      });
      return created;
    });
    return reply.code(201).send({ ...workspace, role: 'administrateur' });
  });

  app.get<WorkspaceParams>('/api/workspaces/:workspaceId', async (request, reply) => {
    const { workspaceId } = request.params;
    const allowed = await requireWorkspace(ctx, request, reply, workspaceId);
    if (!allowed) return reply;
    const workspace = await workspaces.get(workspaceId);
    if (!workspace)
      return reply
        .code(404)
        .send(problem('workspace-not-found', 'Cet espace de travail n’existe pas.'));
    const reports = await ctx.documents.list(workspaceId, 'report');
    const detail: WorkspaceDetail = {
      ...workspace,
      members: await workspaces.members(workspaceId),
      roster: await workspaces.roster(workspaceId),
      boards: (await ctx.documents.list(workspaceId, 'board')).map(boardSummary),
      report: reports[0] ? { id: reports[0].id, title: reports[0].title } : null,
      role: allowed.rights.role,
      instances: allowed.rights.instances,
    };
    return detail;
  });

  app.patch<WorkspaceParams>('/api/workspaces/:workspaceId', async (request, reply) => {
    const { workspaceId } = request.params;
    const allowed = await requireWorkspace(ctx, request, reply, workspaceId, administer);
    if (!allowed) return reply;
    const body = parseBody(workspaceInputSchema, request, reply);
    if (!body) return reply;
    await store.sql.transaction(async (tx) => {
      await workspaces.update(workspaceId, body, tx);
      await audit.append(tx, {
        workspaceId,
        actor: actorOf(allowed.principal),
        action: 'workspace.updated',
        details: { name: body.name },
      });
    });
    return reply.code(204).send();
  });

  /**
   * Erasure (RGPD): the workspace, its members, links, guests, audit entries and documents go,
   * and so does every stored update of those documents — nothing of it is left in any table,
   * nor in the database files (access/workspaceErasure.ts).
   */
  app.delete<WorkspaceParams>('/api/workspaces/:workspaceId', async (request, reply) => {
    const { workspaceId } = request.params;
    const allowed = await requireWorkspace(ctx, request, reply, workspaceId, administer);
    if (!allowed) return reply;
    const documents = await ctx.erasure.erase(workspaceId, actorOf(allowed.principal));
    request.log.info({ workspaceId, documents }, 'workspace erased');
    return reply.code(204).send();
  });

  app.post<WorkspaceParams>('/api/workspaces/:workspaceId/members', async (request, reply) => {
    const { workspaceId } = request.params;
    const allowed = await requireWorkspace(ctx, request, reply, workspaceId, administer);
    if (!allowed) return reply;
    const body = parseBody(addMemberRequestSchema, request, reply);
    if (!body) return reply;
    const existing = await ctx.accounts.byEmail(body.email);
    if (!existing && !body.initialPassword) {
      return reply
        .code(400)
        .send(
          problem(
            'initial-password-needed',
            'Cette personne n’a pas encore de compte : indiquez un mot de passe initial (12 caractères au moins) à lui transmettre.',
          ),
        );
    }
    const member = await store.sql.transaction(async (tx) => {
      const user =
        existing ??
        (await ctx.accounts.create(
          {
            email: body.email,
            displayName: body.displayName,
            password: body.initialPassword ?? '',
            isAdmin: false,
          },
          tx,
        ));
      await workspaces.setMember(
        workspaceId,
        user.id,
        { role: body.role, instances: body.instances },
        tx,
      );
      await audit.append(tx, {
        workspaceId,
        actor: actorOf(allowed.principal),
        action: 'member.added',
        details: { userId: user.id, email: user.email, role: body.role, instances: body.instances },
      });
      return user;
    });
    ctx.hooks.membershipChanged(workspaceId, member.id);
    return reply.code(201).send({
      userId: member.id,
      displayName: member.displayName,
      email: member.email,
      role: body.role,
      instances: body.instances,
    });
  });

  app.patch<MemberParams>(
    '/api/workspaces/:workspaceId/members/:userId',
    async (request, reply) => {
      const { workspaceId, userId } = request.params;
      const allowed = await requireWorkspace(ctx, request, reply, workspaceId, administer);
      if (!allowed) return reply;
      const body = parseBody(updateMemberRequestSchema, request, reply);
      if (!body) return reply;
      const refused = await ctx.members.change(
        allowed.principal,
        actorOf(allowed.principal),
        workspaceId,
        userId,
        body,
      );
      if (refused)
        return reply.code(memberRefusals[refused].status).send(memberRefusals[refused].body);
      ctx.hooks.membershipChanged(workspaceId, userId);
      return reply.code(204).send();
    },
  );

  app.delete<MemberParams>(
    '/api/workspaces/:workspaceId/members/:userId',
    async (request, reply) => {
      const { workspaceId, userId } = request.params;
      const allowed = await requireWorkspace(ctx, request, reply, workspaceId, administer);
      if (!allowed) return reply;
      const refused = await ctx.members.remove(
        allowed.principal,
        actorOf(allowed.principal),
        workspaceId,
        userId,
      );
      if (refused)
        return reply.code(memberRefusals[refused].status).send(memberRefusals[refused].body);
      ctx.hooks.membershipChanged(workspaceId, userId);
      return reply.code(204).send();
    },
  );

  app.get<WorkspaceParams>('/api/workspaces/:workspaceId/boards', async (request, reply) => {
    const { workspaceId } = request.params;
    if (!(await requireWorkspace(ctx, request, reply, workspaceId))) return reply;
    return { boards: (await ctx.documents.list(workspaceId, 'board')).map(boardSummary) };
  });

  app.post<WorkspaceParams>('/api/workspaces/:workspaceId/boards', async (request, reply) => {
    const { workspaceId } = request.params;
    const allowed = await requireWorkspace(ctx, request, reply, workspaceId, (r) =>
      canCreateBoards(r.role),
    );
    if (!allowed) return reply;
    const body = parseBody(createBoardRequestSchema, request, reply);
    if (!body) return reply;
    const record = await ctx.documents.create({ kind: 'board', ...body, workspaceId });
    request.log.info({ boardId: record.id, workspaceId }, 'board created');
    return reply.code(201).send(boardSummary(record));
  });

  /** RGPD: everything kept about the workspace, as one zip (server/src/export/workspaceArchive). */
  app.get<WorkspaceParams>('/api/workspaces/:workspaceId/export', async (request, reply) => {
    const { workspaceId } = request.params;
    const allowed = await requireWorkspace(ctx, request, reply, workspaceId, administer);
    if (!allowed) return reply;
    const archive = await buildWorkspaceArchive(workspaceId, actorOf(allowed.principal), {
      ctx,
      versions: deps.versions,
      committedState: deps.committedState,
    });
    if (!archive) {
      return reply
        .code(404)
        .send(problem('workspace-not-found', 'Cet espace de travail n’existe pas.'));
    }
    await audit.append(store.sql, {
      workspaceId,
      actor: actorOf(allowed.principal),
      action: 'workspace.exported',
    });
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="boussole-${workspaceId}-${day}.zip"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength));
  });

  app.get<WorkspaceParams>('/api/workspaces/:workspaceId/audit', async (request, reply) => {
    const { workspaceId } = request.params;
    if (!(await requireWorkspace(ctx, request, reply, workspaceId, administer))) return reply;
    const entries = await audit.list(store.sql, workspaceId);
    return {
      entries: entries.map((e) => ({
        id: e.id,
        actorName: e.actorName,
        action: e.action,
        details: e.details,
        at: e.at,
      })),
    };
  });
}
