import type {
  addMemberRequestSchema,
  WorkspaceDetail,
  updateMemberRequestSchema,
} from '@boussole/shared';
import type { z } from 'zod';
import type { DocumentCatalog } from '../documents/DocumentCatalog.js';
import { boardSummary } from '../documents/summaries.js';
import { buildWorkspaceArchive, type ArchiveSources } from '../export/workspaceArchive.js';
import type { SqlExecutor } from '../storage/SqlExecutor.js';
import type { Accounts, User } from './accounts.js';
import type { WorkspaceRights } from './AccessService.js';
import type { Actor, AuditLog } from './auditLog.js';
import type { Principal } from './DocumentAccess.js';
import type { AccessHooks } from './index.js';
import type { MemberChanges, MemberRefusal } from './memberChanges.js';
import type { Workspace, WorkspaceFields, Workspaces } from './workspaces.js';

/**
 * What administrators do to a workspace and its members, each change in one transaction with
 * its audit entry; a membership that changed closes the sockets opened with the old rights.
 */
export class WorkspaceAdmin {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly workspaces: Workspaces,
    private readonly accounts: Accounts,
    private readonly members: MemberChanges,
    private readonly documents: DocumentCatalog,
    private readonly audit: AuditLog,
    private readonly hooks: Pick<AccessHooks, 'membershipChanged'>,
  ) {}

  /** Whoever creates a workspace administers it. */
  async create(
    creator: { userId: string },
    actor: Actor,
    fields: WorkspaceFields,
  ): Promise<Workspace> {
    return this.sql.transaction(async (tx) => {
      const created = await this.workspaces.create(fields, tx);
      await this.workspaces.setMember(
        created.id,
        creator.userId,
        { role: 'administrateur', instances: ['collectif_projet'] },
        tx,
      );
      await this.audit.append(tx, {
        workspaceId: created.id,
        actor,
        action: 'workspace.created',
        details: { name: created.name },
      });
      return created;
    });
  }

  async update(actor: Actor, workspaceId: string, fields: WorkspaceFields): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await this.workspaces.update(workspaceId, fields, tx);
      await this.audit.append(tx, {
        workspaceId,
        actor,
        action: 'workspace.updated',
        details: { name: fields.name },
      });
    });
  }

  /** The workspace as its page shows it to someone with `rights` in it. */
  async detail(workspaceId: string, rights: WorkspaceRights): Promise<WorkspaceDetail | undefined> {
    const workspace = await this.workspaces.get(workspaceId);
    if (!workspace) return undefined;
    const reports = await this.documents.list(workspaceId, 'report');
    return {
      ...workspace,
      members: await this.workspaces.members(workspaceId),
      roster: await this.workspaces.roster(workspaceId),
      boards: (await this.documents.list(workspaceId, 'board')).map(boardSummary),
      report: reports[0] ? { id: reports[0].id, title: reports[0].title } : null,
      role: rights.role,
      instances: rights.instances,
    };
  }

  /**
   * Adds someone by e-mail, creating their account when they have none yet, which needs the
   * initial password the administrator hands over.
   */
  async addMember(
    actor: Actor,
    workspaceId: string,
    input: z.output<typeof addMemberRequestSchema>,
  ): Promise<User | 'initial-password-needed'> {
    const existing = await this.accounts.byEmail(input.email);
    if (!existing && !input.initialPassword) return 'initial-password-needed';
    const member = await this.sql.transaction(async (tx) => {
      const user =
        existing ??
        (await this.accounts.create(
          {
            email: input.email,
            displayName: input.displayName,
            password: input.initialPassword ?? '',
            isAdmin: false,
          },
          tx,
        ));
      await this.workspaces.setMember(
        workspaceId,
        user.id,
        { role: input.role, instances: input.instances },
        tx,
      );
      await this.audit.append(tx, {
        workspaceId,
        actor,
        action: 'member.added',
        details: {
          userId: user.id,
          email: user.email,
          role: input.role,
          instances: input.instances,
        },
      });
      return user;
    });
    this.hooks.membershipChanged(workspaceId, member.id);
    return member;
  }

  async changeMember(
    by: Principal,
    actor: Actor,
    workspaceId: string,
    userId: string,
    next: z.output<typeof updateMemberRequestSchema>,
  ): Promise<MemberRefusal | undefined> {
    const refused = await this.members.change(by, actor, workspaceId, userId, next);
    if (!refused) this.hooks.membershipChanged(workspaceId, userId);
    return refused;
  }

  async removeMember(
    by: Principal,
    actor: Actor,
    workspaceId: string,
    userId: string,
  ): Promise<MemberRefusal | undefined> {
    const refused = await this.members.remove(by, actor, workspaceId, userId);
    if (!refused) this.hooks.membershipChanged(workspaceId, userId);
    return refused;
  }

  /** RGPD: everything kept about the workspace, as one zip (export/workspaceArchive.ts). */
  async exportArchive(
    actor: Actor,
    workspaceId: string,
    sources: ArchiveSources,
  ): Promise<Uint8Array | undefined> {
    const archive = await buildWorkspaceArchive(workspaceId, actor, sources);
    if (!archive) return undefined;
    await this.audit.append(this.sql, { workspaceId, actor, action: 'workspace.exported' });
    return archive;
  }

  async auditEntries(workspaceId: string) {
    const entries = await this.audit.list(this.sql, workspaceId);
    return entries.map((e) => ({
      id: e.id,
      actorName: e.actorName,
      action: e.action,
      details: e.details,
      at: e.at,
    }));
  }
}
