import type { SqlExecutor } from '../storage/SqlExecutor.js';
import type { Accounts } from './accounts.js';
import type { Actor, AuditLog } from './auditLog.js';
import type { Principal } from './DocumentAccess.js';
import type { Membership, Workspaces } from './workspaces.js';

/** Why a change to a membership was refused; the route turns each into an HTTP answer. */
export type MemberRefusal = 'not-found' | 'last-admin' | 'instance-admin';

/**
 * Changing or removing a workspace member, with the rules that protect the workspace and the
 * instance: a workspace keeps at least one administrator, and only an instance administrator
 * touches another instance administrator's membership (they administer every workspace, so a
 * workspace administrator demoting them would be taking a right that is not the workspace's).
 */
export class MemberChanges {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly workspaces: Workspaces,
    private readonly accounts: Accounts,
    private readonly audit: AuditLog,
  ) {}

  private async refusal(
    tx: SqlExecutor,
    by: Principal,
    workspaceId: string,
    userId: string,
    leavesAdministration: boolean,
  ): Promise<{ refused: MemberRefusal } | { current: Membership }> {
    const current = await this.workspaces.membership(workspaceId, userId, tx);
    if (!current) return { refused: 'not-found' };
    const callerIsInstanceAdmin = by.kind === 'user' && by.isAdmin;
    if (!callerIsInstanceAdmin && (await this.accounts.get(userId, tx))?.isAdmin) {
      return { refused: 'instance-admin' };
    }
    if (
      current.role === 'administrateur' &&
      leavesAdministration &&
      (await this.workspaces.administratorCount(workspaceId, tx)) <= 1
    ) {
      return { refused: 'last-admin' };
    }
    return { current };
  }

  async change(
    by: Principal,
    actor: Actor,
    workspaceId: string,
    userId: string,
    next: Membership,
  ): Promise<MemberRefusal | undefined> {
    return this.sql.transaction(async (tx) => {
      const checked = await this.refusal(
        tx,
        by,
        workspaceId,
        userId,
        next.role !== 'administrateur',
      );
      if ('refused' in checked) return checked.refused;
      await this.workspaces.setMember(workspaceId, userId, next, tx);
      await this.audit.append(tx, {
        workspaceId,
        actor,
        action: 'member.changed',
        details: { userId, from: checked.current.role, role: next.role, instances: next.instances },
      });
      return undefined;
    });
  }

  async remove(
    by: Principal,
    actor: Actor,
    workspaceId: string,
    userId: string,
  ): Promise<MemberRefusal | undefined> {
    return this.sql.transaction(async (tx) => {
      const checked = await this.refusal(tx, by, workspaceId, userId, true);
      if ('refused' in checked) return checked.refused;
      await this.workspaces.removeMember(workspaceId, userId, tx);
      await this.audit.append(tx, {
        workspaceId,
        actor,
        action: 'member.removed',
        details: { userId, role: checked.current.role },
      });
      return undefined;
    });
  }
}
