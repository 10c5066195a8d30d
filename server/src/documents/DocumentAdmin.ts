import type { Actor, AuditLog } from '../access/auditLog.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import type { SqlExecutor } from '../storage/SqlExecutor.js';
import type { DocumentRecord } from './DocumentCatalog.js';
import type { DocumentVersions } from './DocumentVersions.js';

/**
 * What an administrator does to a document as a whole, whatever its kind, each with its audit
 * entry: purge its history (RGPD), and delete named versions that still hold what was purged.
 */
export class DocumentAdmin {
  constructor(
    private readonly deps: {
      sql: SqlExecutor;
      versions: DocumentVersions;
      audit: AuditLog;
      rooms: Pick<RoomRegistry, 'purgeHistory'>;
    },
  ) {}

  /** Resolves to how many named versions were kept: they may still hold what was purged. */
  async purgeHistory(record: DocumentRecord, actor: Actor): Promise<number> {
    await this.deps.rooms.purgeHistory(record.id);
    const kept = (await this.deps.versions.list(record.id)).length;
    await this.deps.audit.append(this.deps.sql, {
      workspaceId: record.workspaceId,
      actor,
      action: 'document.history-purged',
      details: { documentId: record.id, title: record.title, versionsKept: kept },
    });
    return kept;
  }

  /** False when the document has no such version. */
  async deleteVersion(record: DocumentRecord, actor: Actor, versionId: string): Promise<boolean> {
    const { versions } = this.deps;
    const version = await versions.get(record.id, versionId);
    if (!version || !(await versions.delete(record.id, version.id))) return false;
    await this.deps.audit.append(this.deps.sql, {
      workspaceId: record.workspaceId,
      actor,
      action: 'document.version-deleted',
      details: { documentId: record.id, title: record.title, version: version.name },
    });
    return true;
  }
}
