import * as Y from 'yjs';
import {
  commentsDocIdOf,
  fragmentToJson,
  reportDocLayout,
  reportTemplate,
  writeJsonToFragment,
  type PmNode,
  type ReportExportFormat,
} from '@boussole/shared';
import type { Actor, AuditLog } from '../access/auditLog.js';
import type { Workspaces } from '../access/workspaces.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import { exportReport } from '../export/index.js';
import type { DocStore } from '../storage/DocStore.js';
import type { DocumentCatalog, DocumentRecord } from './DocumentCatalog.js';
import type { DocumentVersions, VersionRecord } from './DocumentVersions.js';

/** The text of a Yjs state, as ProseMirror JSON. */
function contentOf(state: Uint8Array): PmNode {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return fragmentToJson(doc.getXmlFragment(reportDocLayout.fragment));
  } finally {
    doc.destroy();
  }
}

/**
 * A workspace's report: created once with the French template, exported, and frozen in named
 * versions that can be read, exported and restored, each change audited. The text itself is
 * edited over the websocket like any document.
 */
export class Reports {
  constructor(
    private readonly deps: {
      store: DocStore;
      documents: DocumentCatalog;
      workspaces: Workspaces;
      versions: DocumentVersions;
      audit: AuditLog;
      rooms: Pick<RoomRegistry, 'committedState' | 'changeDocument'>;
    },
  ) {}

  /** The workspace's report, created with its comments document when it has none yet. */
  async create(
    actor: Actor,
    workspaceId: string,
  ): Promise<{ id: string; title: string; created: boolean } | 'workspace-not-found'> {
    const { documents, store } = this.deps;
    const existing = (await documents.list(workspaceId, 'report'))[0];
    if (existing) return { id: existing.id, title: existing.title, created: false };
    const workspace = await this.deps.workspaces.get(workspaceId);
    if (!workspace) return 'workspace-not-found';
    const record = await documents.create({
      kind: 'report',
      title: `Rapport — ${workspace.name}`,
      template: 'blank',
      workspaceId,
    });
    await documents.create({
      kind: 'report-comments',
      id: commentsDocIdOf(record.id),
      title: `Commentaires — ${workspace.name}`,
      template: 'blank',
      workspaceId,
    });
    // The outline is the document's first stored update: everyone who opens it finds it,
    // and no client ever has to decide whether to insert it.
    const doc = new Y.Doc();
    writeJsonToFragment(reportTemplate(workspace), doc.getXmlFragment(reportDocLayout.fragment));
    await store.append(record.id, [Y.encodeStateAsUpdate(doc)]);
    doc.destroy();
    await this.deps.audit.append(store.sql, {
      workspaceId,
      actor,
      action: 'report.created',
      details: { title: record.title },
    });
    return { id: record.id, title: record.title, created: true };
  }

  /** The report as a file, as it is now or as a named version froze it. */
  async exportFile(
    report: DocumentRecord,
    format: ReportExportFormat,
    versionId: string | undefined,
  ): Promise<{ file: ReturnType<typeof exportReport>; title: string } | 'version-not-found'> {
    let title = report.title;
    let state: Uint8Array | undefined;
    if (versionId) {
      const found = await this.version(report, versionId);
      if (!found) return 'version-not-found';
      title = `${title} — ${found.version.name}`;
      state = found.state;
    } else {
      state = await this.deps.rooms.committedState(report.id);
    }
    return { file: exportReport(contentOf(state), format, { title, language: 'fr' }), title };
  }

  async listVersions(report: DocumentRecord): Promise<VersionRecord[]> {
    return this.deps.versions.list(report.id);
  }

  async saveVersion(report: DocumentRecord, actor: Actor, name: string): Promise<VersionRecord> {
    const version = await this.deps.versions.create({
      docId: report.id,
      name,
      author: actor,
      state: await this.deps.rooms.committedState(report.id),
    });
    await this.deps.audit.append(this.deps.store.sql, {
      workspaceId: report.workspaceId,
      actor,
      action: 'report.version-saved',
      details: { title: report.title, version: version.name },
    });
    return version;
  }

  async readVersion(
    report: DocumentRecord,
    versionId: string,
  ): Promise<{ version: VersionRecord; content: PmNode } | undefined> {
    const found = await this.version(report, versionId);
    return found && { version: found.version, content: contentOf(found.state) };
  }

  /**
   * Restoring never rewrites history: the version's text replaces the current one as a new
   * change, committed and received by everyone connected, and itself undoable by a new edit.
   * False when there is no such version.
   */
  async restoreVersion(report: DocumentRecord, actor: Actor, versionId: string): Promise<boolean> {
    const found = await this.version(report, versionId);
    if (!found) return false;
    const content = contentOf(found.state);
    await this.deps.rooms.changeDocument(report.id, (doc) =>
      writeJsonToFragment(content, doc.getXmlFragment(reportDocLayout.fragment)),
    );
    await this.deps.audit.append(this.deps.store.sql, {
      workspaceId: report.workspaceId,
      actor,
      action: 'report.version-restored',
      details: { title: report.title, version: found.version.name },
    });
    return true;
  }

  private async version(
    report: DocumentRecord,
    versionId: string,
  ): Promise<{ version: VersionRecord; state: Uint8Array } | undefined> {
    const { versions } = this.deps;
    const version = await versions.get(report.id, versionId);
    const state = version && (await versions.state(report.id, version.id));
    return version && state ? { version, state } : undefined;
  }
}
