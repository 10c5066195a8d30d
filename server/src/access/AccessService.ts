import {
  canWriteDocument,
  documentKindSchema,
  type InstanceKind,
  type WorkspaceRole,
} from '@boussole/shared';
import type { DocumentCatalog } from '../documents/DocumentCatalog.js';
import type { Accounts } from './accounts.js';
import { GUEST_COOKIE, SESSION_COOKIE, readCookies } from './cookies.js';
import type { DocumentAccessResolver, DocumentAccessResult, Principal } from './DocumentAccess.js';
import type { Invitations } from './invitations.js';
import type { Workspaces } from './workspaces.js';

export interface WorkspaceRights {
  role: WorkspaceRole;
  instances: InstanceKind[];
}

/**
 * The one place that answers "who is this, and what may they do here": REST routes and the
 * websocket upgrade both ask it, so a rule cannot differ between the two.
 */
export class AccessService implements DocumentAccessResolver {
  constructor(
    private readonly accounts: Accounts,
    private readonly workspaces: Workspaces,
    private readonly invitations: Invitations,
    private readonly documents: DocumentCatalog,
  ) {}

  async principalFromHeaders(
    headers: Record<string, string | string[] | undefined>,
  ): Promise<Principal | undefined> {
    const cookies = readCookies(headers);
    const session = cookies.get(SESSION_COOKIE);
    if (session) {
      const found = await this.accounts.sessionUser(session);
      if (found) {
        return {
          kind: 'user',
          userId: found.user.id,
          displayName: found.user.displayName,
          sessionId: found.sessionId,
          isAdmin: found.user.isAdmin,
          canCreateWorkspaces: found.user.canCreateWorkspaces,
        };
      }
    }
    const guestToken = cookies.get(GUEST_COOKIE);
    if (guestToken) {
      const guest = await this.invitations.guest(guestToken);
      if (guest) {
        return {
          kind: 'guest',
          guestId: guest.id,
          displayName: guest.displayName,
          workspaceId: guest.workspaceId,
          linkId: guest.linkId,
          role: guest.role,
          instance: guest.instance,
        };
      }
    }
    return undefined;
  }

  /** The principal's role and instances in a workspace, or undefined when they have none. */
  async rightsIn(principal: Principal, workspaceId: string): Promise<WorkspaceRights | undefined> {
    if (principal.kind === 'guest') {
      if (principal.workspaceId !== workspaceId) return undefined;
      return { role: principal.role, instances: principal.instance ? [principal.instance] : [] };
    }
    const membership = await this.workspaces.membership(workspaceId, principal.userId);
    // Instance administrators act as administrators of every workspace, whatever role a
    // membership there says: a workspace cannot take that right from them.
    if (principal.isAdmin)
      return { role: 'administrateur', instances: membership?.instances ?? [] };
    return membership;
  }

  async documentAccess(
    principal: Principal | undefined,
    docId: string,
  ): Promise<DocumentAccessResult> {
    if (!principal) {
      return {
        ok: false,
        status: 401,
        error: 'unauthenticated',
        message: 'Connectez-vous, ou ouvrez le lien d’invitation que l’on vous a transmis.',
      };
    }
    const record = await this.documents.get(docId);
    const kind = documentKindSchema.safeParse(record?.kind);
    if (!record || !kind.success) {
      return {
        ok: false,
        status: 404,
        error: 'document-not-found',
        message: 'Ce document n’existe pas.',
      };
    }
    const forbidden: DocumentAccessResult = {
      ok: false,
      status: 403,
      error: 'forbidden',
      message:
        'Vous n’avez pas accès à ce document : il appartient à un espace dont vous n’êtes pas membre.',
    };
    let rights: WorkspaceRights | undefined;
    if (record.workspaceId) rights = await this.rightsIn(principal, record.workspaceId);
    // Boards from before workspaces existed belong to no one: instance administrators only.
    else if (principal.kind === 'user' && principal.isAdmin)
      rights = { role: 'administrateur', instances: [] };
    if (!rights) return forbidden;
    const id = principal.kind === 'user' ? principal.userId : principal.guestId;
    return {
      ok: true,
      access: {
        docId,
        docKind: kind.data,
        workspaceId: record.workspaceId ?? '',
        role: rights.role,
        instances: rights.instances,
        canWrite: canWriteDocument(rights.role, rights.instances, kind.data),
        identity: { id, name: principal.displayName },
        linkId: principal.kind === 'guest' ? principal.linkId : null,
        sessionId: principal.kind === 'user' ? principal.sessionId : null,
      },
    };
  }
}
