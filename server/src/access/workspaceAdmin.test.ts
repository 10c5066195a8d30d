import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceFields } from '../../../shared/testing/fixtures.js';
import { DocumentCatalog } from '../documents/DocumentCatalog.js';
import { SqliteDocStore } from '../storage/sqliteStore.js';
import { Accounts } from './accounts.js';
import { AuditLog } from './auditLog.js';
import type { Principal } from './DocumentAccess.js';
import { MemberChanges } from './memberChanges.js';
import { WorkspaceAdmin } from './workspaceAdmin.js';
import { Workspaces } from './workspaces.js';

const fields = workspaceFields('ABS 2026');

describe('WorkspaceAdmin', () => {
  let store: SqliteDocStore;
  let accounts: Accounts;
  let workspaces: Workspaces;
  let audit: AuditLog;
  let admin: WorkspaceAdmin;
  let changed: [string, string][];
  let creator: Principal & { kind: 'user' };
  const actor = { id: 'someone', name: 'Agathe' };

  beforeEach(async () => {
    store = new SqliteDocStore({ file: ':memory:', synchronous: 'normal' });
    await store.migrate();
    accounts = new Accounts(store.sql, 14);
    workspaces = new Workspaces(store.sql);
    audit = new AuditLog();
    changed = [];
    admin = new WorkspaceAdmin(
      store.sql,
      workspaces,
      accounts,
      new MemberChanges(store.sql, workspaces, accounts, audit),
      new DocumentCatalog(store.sql),
      audit,
      { membershipChanged: (workspaceId, userId) => changed.push([workspaceId, userId]) },
    );
    const user = await accounts.create({
      email: 'agathe@ccas.example.fr',
      displayName: 'Agathe',
      password: 'le bon mot de passe',
      isAdmin: false,
    });
    creator = {
      kind: 'user',
      userId: user.id,
      displayName: user.displayName,
      sessionId: 's',
      isAdmin: false,
      canCreateWorkspaces: true,
    };
  });

  afterEach(() => store.close());

  // Sorted: entries written within one millisecond have no order between them.
  const actions = async (workspaceId: string) =>
    (await audit.list(store.sql, workspaceId)).map((e) => e.action).sort();

  it('makes the creator its administrator, and says so in the audit log', async () => {
    const workspace = await admin.create(creator, actor, fields);
    expect(await workspaces.membership(workspace.id, creator.userId)).toEqual({
      role: 'administrateur',
      instances: ['collectif_projet'],
    });
    expect(await actions(workspace.id)).toEqual(['workspace.created']);
  });

  it('needs an initial password for someone without an account, and writes nothing without one', async () => {
    const workspace = await admin.create(creator, actor, fields);
    const input = {
      email: 'basile@ccas.example.fr',
      displayName: 'Basile',
      role: 'contributeur' as const,
      instances: [],
    };
    expect(await admin.addMember(actor, workspace.id, input)).toBe('initial-password-needed');
    expect(await accounts.byEmail(input.email)).toBeUndefined();
    expect(changed).toEqual([]);

    const added = await admin.addMember(actor, workspace.id, {
      ...input,
      initialPassword: 'un mot de passe initial',
    });
    if (added === 'initial-password-needed') throw new Error('refused');
    expect((await workspaces.membership(workspace.id, added.id))?.role).toBe('contributeur');
    expect(changed).toEqual([[workspace.id, added.id]]);
    expect(await actions(workspace.id)).toEqual(['member.added', 'workspace.created']);
  });

  it('closes the old rights’ sockets only when a membership really changed', async () => {
    const workspace = await admin.create(creator, actor, fields);
    // The only administrator may not step down.
    const demoted = { role: 'lecteur' as const, instances: [] };
    expect(await admin.changeMember(creator, actor, workspace.id, creator.userId, demoted)).toBe(
      'last-admin',
    );
    expect(await admin.removeMember(creator, actor, workspace.id, 'nobody')).toBe('not-found');
    expect(changed).toEqual([]);

    const added = await admin.addMember(actor, workspace.id, {
      email: 'basile@ccas.example.fr',
      displayName: 'Basile',
      role: 'contributeur',
      instances: [],
      initialPassword: 'un mot de passe initial',
    });
    if (added === 'initial-password-needed') throw new Error('refused');
    changed = [];
    expect(await admin.changeMember(creator, actor, workspace.id, added.id, demoted)).toBe(
      undefined,
    );
    expect(await admin.removeMember(creator, actor, workspace.id, added.id)).toBe(undefined);
    expect(changed).toEqual([
      [workspace.id, added.id],
      [workspace.id, added.id],
    ]);
    expect((await admin.auditEntries(workspace.id)).map((e) => e.action).sort()).toEqual([
      'member.added',
      'member.changed',
      'member.removed',
      'workspace.created',
    ]);
  });
});
