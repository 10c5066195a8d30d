import type { AccountSummary } from '@boussole/shared';
import type { SqlExecutor } from '../storage/SqlExecutor.js';
import type { Accounts } from './accounts.js';
import type { Actor, AuditLog } from './auditLog.js';
import type { Principal } from './DocumentAccess.js';

export type InstanceRefusal = 'not-instance-admin' | 'no-such-account';

/**
 * Rights that belong to the instance rather than to one workspace, which only instance
 * administrators hold and grant: today, creating workspaces (each new workspace is one more
 * place holding personal data, so a contributor's account must not open one on its own).
 */
export class InstanceRights {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly accounts: Accounts,
    private readonly audit: AuditLog,
  ) {}

  static mayCreateWorkspaces(principal: Principal): boolean {
    return principal.kind === 'user' && principal.canCreateWorkspaces;
  }

  static administers(principal: Principal): boolean {
    return principal.kind === 'user' && principal.isAdmin;
  }

  async listAccounts(by: Principal): Promise<AccountSummary[] | InstanceRefusal> {
    if (!InstanceRights.administers(by)) return 'not-instance-admin';
    return (await this.accounts.list()).map((user) => ({
      id: user.id,
      displayName: user.displayName,
      email: user.email,
      isAdmin: user.isAdmin,
      canCreateWorkspaces: user.canCreateWorkspaces,
    }));
  }

  async setWorkspaceCreation(
    by: Principal,
    actor: Actor,
    userId: string,
    allowed: boolean,
  ): Promise<InstanceRefusal | undefined> {
    if (!InstanceRights.administers(by)) return 'not-instance-admin';
    return this.sql.transaction(async (tx) => {
      if (!(await this.accounts.setWorkspaceCreation(userId, allowed, tx))) {
        return 'no-such-account';
      }
      // Who granted or withdrew it to whom (by id), at the instance's level: no workspace's.
      await this.audit.append(tx, {
        workspaceId: null,
        actor,
        action: allowed
          ? 'instance.workspace-creation-granted'
          : 'instance.workspace-creation-revoked',
        details: { userId },
      });
      return undefined;
    });
  }
}
