import type { BoardStep } from '@boussole/shared';
import type { Actor, AuditLog } from '../access/auditLog.js';
import type { DocStore } from '../storage/DocStore.js';
import type { DocumentCatalog, DocumentRecord } from './DocumentCatalog.js';

/**
 * What facilitators and administrators do to a board as a whole from the workspace page:
 * rename it, move it to another step of the ABS, archive it, and (administrators) delete it.
 */
export class BoardAdmin {
  constructor(
    private readonly deps: {
      documents: Pick<DocumentCatalog, 'update' | 'delete'>;
      store: Pick<DocStore, 'sql' | 'reclaimSpace'>;
      audit: AuditLog;
      /** Close the board's room (its sockets are told it is gone) and drop its update log. */
      eraseContent(docId: string): Promise<void>;
    },
  ) {}

  async update(
    record: DocumentRecord,
    change: { title?: string; step?: BoardStep; archived?: boolean },
    now: () => Date = () => new Date(),
  ): Promise<DocumentRecord | undefined> {
    // Archiving an archived board keeps the date it was first archived.
    const archivedAt =
      change.archived === undefined || change.archived === (record.archivedAt !== null)
        ? undefined
        : change.archived
          ? now().toISOString()
          : null;
    return this.deps.documents.update(record.id, {
      title: change.title,
      step: change.step,
      archivedAt,
    });
  }

  /**
   * Deletion, like a workspace's erasure: the row first (from then on no one can open it), then
   * its room and update log, its named versions, and the space they used in the database files,
   * so that its content is gone from the disk too. The audit entry names the board by id and
   * template only: its title may name people.
   */
  async delete(record: DocumentRecord, actor: Actor): Promise<void> {
    await this.deps.documents.delete(record.id);
    await this.deps.eraseContent(record.id);
    await this.deps.audit.append(this.deps.store.sql, {
      workspaceId: record.workspaceId,
      actor,
      action: 'board.deleted',
      details: { documentId: record.id, template: record.template },
    });
    await this.deps.store.reclaimSpace({ scope: 'documents' });
  }
}
