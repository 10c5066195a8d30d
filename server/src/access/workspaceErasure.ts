import type { DocumentCatalog } from '../documents/DocumentCatalog.js';
import type { DocStore } from '../storage/DocStore.js';
import type { Actor, AuditLog } from './auditLog.js';
import type { AccessHooks } from './index.js';
import type { Workspaces } from './workspaces.js';

/**
 * Erasure (RGPD): the workspace's rows in every table, its documents' rooms and update logs,
 * then the space they used in the database files, so that its content is gone from the disk
 * too, not only from every query (deleted rows otherwise linger in free pages and the WAL).
 */
export class WorkspaceErasure {
  constructor(
    private readonly store: DocStore,
    private readonly workspaces: Workspaces,
    private readonly documents: DocumentCatalog,
    private readonly audit: AuditLog,
    private readonly hooks: Pick<AccessHooks, 'documentsErased' | 'workspaceErased'>,
  ) {}

  /** Resolves to how many documents went with the workspace. */
  async erase(workspaceId: string, actor: Actor): Promise<number> {
    const docIds = await this.documents.idsOfWorkspace(workspaceId);
    // Rows first: from then on no one can open these documents; then their rooms and logs.
    await this.workspaces.delete(workspaceId);
    await this.hooks.documentsErased(docIds);
    this.hooks.workspaceErased?.(workspaceId);
    // The instance keeps that an erasure happened, by whom and when, but not even the erased
    // workspace's id: nothing in any table points at it any more.
    await this.audit.append(this.store.sql, {
      workspaceId: null,
      actor,
      action: 'workspace.erased',
      details: { documents: docIds.length },
    });
    await this.store.reclaimSpace({ scope: 'everything' });
    return docIds.length;
  }
}
