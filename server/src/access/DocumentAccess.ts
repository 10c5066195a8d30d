import type { DocumentKind, InstanceKind, WorkspaceRole } from '@boussole/shared';

/**
 * The contract between access/ (who is asking, what they may do) and collab/ (which frames a
 * connection may send). The websocket route resolves a DocumentAccess before the upgrade
 * completes and hands it to the RoomConnection; nothing in collab/ reads cookies or tables.
 */

/** Who a request comes from, as established by a session cookie or a guest cookie. */
export type Principal =
  | {
      kind: 'user';
      userId: string;
      displayName: string;
      sessionId: string;
      isAdmin: boolean;
      /** Instance administrators, and accounts they granted it to. */
      canCreateWorkspaces: boolean;
    }
  | {
      kind: 'guest';
      guestId: string;
      displayName: string;
      workspaceId: string;
      /** The invitation link the guest came through: revoking it closes their sockets. */
      linkId: string;
      role: WorkspaceRole;
      instance: InstanceKind | null;
    };

/** What one principal may do on one document. */
export interface DocumentAccess {
  docId: string;
  docKind: DocumentKind;
  workspaceId: string;
  role: WorkspaceRole;
  instances: InstanceKind[];
  /** Whether update frames are applied; awareness always flows. */
  canWrite: boolean;
  /** The identity shown to others in awareness; the client cannot change it. */
  identity: { id: string; name: string };
  /** Set for guests: sockets opened through a revoked link are closed at once. */
  linkId: string | null;
  /** Set for staff: sockets of a signed-out session are closed. */
  sessionId: string | null;
}

export type DocumentAccessResult =
  | { ok: true; access: DocumentAccess }
  | { ok: false; status: 401 | 403 | 404; error: string; message: string };

/** Implemented by access/; used by routes/collab.ts and by REST routes that touch documents. */
export interface DocumentAccessResolver {
  /** Who sent these headers (cookie), or undefined when nobody is signed in. */
  principalFromHeaders(
    headers: Record<string, string | string[] | undefined>,
  ): Promise<Principal | undefined>;
  /** Whether `principal` may open `docId`, and how. */
  documentAccess(principal: Principal | undefined, docId: string): Promise<DocumentAccessResult>;
}
