import type { DocumentCatalog } from '../documents/DocumentCatalog.js';
import type { DocStore } from '../storage/DocStore.js';
import { AccessService } from './AccessService.js';
import { Accounts } from './accounts.js';
import { AuditLog } from './auditLog.js';
import { FailureLimiter } from './FailureLimiter.js';
import { InstanceRights } from './instanceRights.js';
import { InvitationLinks } from './invitationLinks.js';
import { InvitationNotices } from './invitationNotices.js';
import { Invitations } from './invitations.js';
import { MemberChanges } from './memberChanges.js';
import { Sessions } from './sessions.js';
import { SetupGate } from './SetupGate.js';
import { SignInThrottle } from './signInThrottle.js';
import { WorkspaceAdmin } from './workspaceAdmin.js';
import { WorkspaceErasure } from './workspaceErasure.js';
import { Workspaces } from './workspaces.js';

/**
 * What happens elsewhere when rights change: the websocket layer closes the sockets that were
 * opened with the old rights, and erased documents leave memory.
 */
export interface AccessHooks {
  linkRevoked(linkId: string): void;
  sessionClosed(sessionId: string): void;
  membershipChanged(workspaceId: string, userId: string): void;
  /** Resolves once the documents' rooms are closed and their update logs deleted. */
  documentsErased(docIds: string[]): Promise<void>;
  /** The workspace is gone: whatever is kept about it in memory only (imports) goes too. */
  workspaceErased?(workspaceId: string): void;
}

/** Everything access/ provides to the routes, built once per app. */
export interface AccessContext {
  access: AccessService;
  accounts: Accounts;
  workspaces: Workspaces;
  members: MemberChanges;
  workspaceAdmin: WorkspaceAdmin;
  instanceRights: InstanceRights;
  erasure: WorkspaceErasure;
  invitations: Invitations;
  links: InvitationLinks;
  /** The information notice guests read before joining (RGPD). */
  notices: InvitationNotices;
  audit: AuditLog;
  documents: DocumentCatalog;
  store: DocStore;
  setup: SetupGate;
  signIns: SignInThrottle;
  sessions: Sessions;
  hooks: AccessHooks;
}

export function createAccessContext(deps: {
  store: DocStore;
  documents: DocumentCatalog;
  sessionDays: number;
  hooks: AccessHooks;
  clock?: () => number;
}): AccessContext {
  const { store, documents } = deps;
  const accounts = new Accounts(store.sql, deps.sessionDays);
  const workspaces = new Workspaces(store.sql);
  const invitations = new Invitations(store.sql, deps.clock);
  const audit = new AuditLog();
  const fifteenMinutes = 15 * 60_000;
  const redeemFailures = {
    // Tokens are 32 random bytes: guessing is hopeless, and capped per address all the same,
    // far above what a room pasting a link with a few typos produces.
    unknownPerAddress: new FailureLimiter(200, fifteenMinutes),
    // Someone insisting on a revoked, expired or used-up link is told to stop.
    refusedPerLink: new FailureLimiter(20, fifteenMinutes),
  };
  const members = new MemberChanges(store.sql, workspaces, accounts, audit);
  const context: Omit<AccessContext, 'sessions'> = {
    access: new AccessService(accounts, workspaces, invitations, documents),
    accounts,
    workspaces,
    members,
    workspaceAdmin: new WorkspaceAdmin(
      store.sql,
      workspaces,
      accounts,
      members,
      documents,
      audit,
      deps.hooks,
    ),
    instanceRights: new InstanceRights(store.sql, accounts, audit),
    erasure: new WorkspaceErasure(store, workspaces, documents, audit, deps.hooks),
    invitations,
    links: new InvitationLinks(
      store.sql,
      invitations,
      audit,
      deps.hooks,
      redeemFailures,
      deps.clock,
    ),
    notices: new InvitationNotices(store.sql, workspaces, audit, deps.clock),
    audit,
    documents,
    store,
    setup: new SetupGate(),
    signIns: new SignInThrottle(),
    hooks: deps.hooks,
  };
  return Object.assign(context, { sessions: new Sessions(context) });
}

export type { Principal, DocumentAccess, DocumentAccessResolver } from './DocumentAccess.js';
export { AccessService } from './AccessService.js';
