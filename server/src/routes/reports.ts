import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import {
  canCreateBoards,
  commentsDocIdOf,
  createVersionRequestSchema,
  docIdSchema,
  fragmentToJson,
  reportDocLayout,
  reportExportFormats,
  reportTemplate,
  writeJsonToFragment,
  type PmNode,
  type ReportDetail,
  type ReportExportFormat,
} from '@boussole/shared';
import type { AccessContext, Principal } from '../access/index.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import type { DocumentRecord } from '../documents/DocumentCatalog.js';
import type { DocumentVersions } from '../documents/DocumentVersions.js';
import { exportReport } from '../export/index.js';
import { versionSummary } from './documents.js';
import { actorOf, parseBody, problem, requireWorkspace } from './requestGuards.js';

type ReportParams = { Params: { reportId: string } };
type VersionParams = { Params: { reportId: string; versionId: string } };

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

/** A file name from a title: accents kept (RFC 5987 form), path and quote characters not. */
function contentDisposition(title: string, extension: string): string {
  const base = title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() || 'rapport';
  const ascii = base.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${base}.${extension}`)}`;
}

/**
 * A workspace's report: created once with the French template, described with the caller's
 * rights, exported (ODT, DOCX, HTML, Markdown), and frozen in named versions that can be read,
 * exported and restored. The text itself is edited over the websocket like any document.
 */
export function registerReportRoutes(
  app: FastifyInstance,
  ctx: AccessContext,
  deps: { registry: RoomRegistry; versions: DocumentVersions },
): void {
  const { registry, versions } = deps;

  /** The report and the caller's rights on it, or a refusal (401/403/404) already sent. */
  async function requireReport(
    request: FastifyRequest,
    reply: FastifyReply,
    rawId: string,
  ): Promise<{ record: DocumentRecord; principal: Principal; detail: ReportDetail } | undefined> {
    const id = docIdSchema.safeParse(rawId);
    const record = id.success ? await ctx.documents.get(id.data) : undefined;
    if (!record || record.kind !== 'report' || !record.workspaceId) {
      void reply.code(404).send(problem('report-not-found', 'Ce rapport n’existe pas.'));
      return undefined;
    }
    const principal = await ctx.access.principalFromHeaders(request.headers);
    const text = await ctx.access.documentAccess(principal, record.id);
    if (!text.ok || !principal) {
      const refusal = text.ok ? { status: 401, error: 'unauthenticated', message: '' } : text;
      void reply.code(refusal.status).send(problem(refusal.error, refusal.message));
      return undefined;
    }
    const commentsId = commentsDocIdOf(record.id);
    const comments = await ctx.access.documentAccess(principal, commentsId);
    const { role, canWrite, identity } = text.access;
    return {
      record,
      principal,
      detail: {
        id: record.id,
        title: record.title,
        workspaceId: record.workspaceId,
        commentsId,
        access: {
          role,
          canWrite,
          canComment: comments.ok && comments.access.canWrite,
          canSaveVersion: canWrite,
          identity,
        },
      },
    };
  }

  app.post<{ Params: { workspaceId: string } }>(
    '/api/workspaces/:workspaceId/report',
    async (request, reply) => {
      const { workspaceId } = request.params;
      const allowed = await requireWorkspace(ctx, request, reply, workspaceId, (r) =>
        canCreateBoards(r.role),
      );
      if (!allowed) return reply;
      const existing = (await ctx.documents.list(workspaceId, 'report'))[0];
      if (existing) return reply.code(200).send({ id: existing.id, title: existing.title });
      const workspace = await ctx.workspaces.get(workspaceId);
      if (!workspace)
        return reply.code(404).send(problem('workspace-not-found', 'Espace inconnu.'));
      const record = await ctx.documents.create({
        kind: 'report',
        title: `Rapport — ${workspace.name}`,
        template: 'blank',
        workspaceId,
      });
      await ctx.documents.create({
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
      await ctx.store.append(record.id, [Y.encodeStateAsUpdate(doc)]);
      doc.destroy();
      await ctx.audit.append(ctx.store.sql, {
        workspaceId,
        actor: actorOf(allowed.principal),
        action: 'report.created',
        details: { title: record.title },
      });
      return reply.code(201).send({ id: record.id, title: record.title });
    },
  );

  app.get<ReportParams>('/api/reports/:reportId', async (request, reply) => {
    const report = await requireReport(request, reply, request.params.reportId);
    return report ? report.detail : reply;
  });

  app.get<ReportParams & { Querystring: { format?: string; version?: string } }>(
    '/api/reports/:reportId/export',
    async (request, reply) => {
      const report = await requireReport(request, reply, request.params.reportId);
      if (!report) return reply;
      const format = request.query.format as ReportExportFormat;
      if (!reportExportFormats.includes(format)) {
        return reply
          .code(400)
          .send(problem('invalid-format', `Format attendu : ${reportExportFormats.join(', ')}.`));
      }
      let title = report.record.title;
      let state: Uint8Array | undefined;
      if (request.query.version) {
        const version = await versions.get(report.record.id, request.query.version);
        state = version && (await versions.state(report.record.id, version.id));
        if (!version || !state) {
          return reply.code(404).send(problem('version-not-found', 'Cette version n’existe pas.'));
        }
        title = `${title} — ${version.name}`;
      } else {
        state = await registry.committedState(report.record.id);
      }
      const file = exportReport(contentOf(state), format, { title, language: 'fr' });
      if (format === 'html') {
        // The print view is people's text served from this origin: even if escaping ever
        // failed, no script may run in it and it may load nothing.
        void reply.header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
        );
      }
      return reply
        .header('x-content-type-options', 'nosniff')
        .header('content-type', file.mimeType)
        .header(
          'content-disposition',
          format === 'html' && 'inline' in request.query
            ? 'inline'
            : contentDisposition(title, file.extension),
        )
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
    },
  );

  app.get<ReportParams>('/api/reports/:reportId/versions', async (request, reply) => {
    const report = await requireReport(request, reply, request.params.reportId);
    if (!report) return reply;
    return { versions: (await versions.list(report.record.id)).map(versionSummary) };
  });

  app.post<ReportParams>('/api/reports/:reportId/versions', async (request, reply) => {
    const report = await requireReport(request, reply, request.params.reportId);
    if (!report) return reply;
    if (!report.detail.access.canSaveVersion) {
      return reply
        .code(403)
        .send(problem('forbidden', 'Votre rôle ne permet pas d’enregistrer une version.'));
    }
    const body = parseBody(createVersionRequestSchema, request, reply);
    if (!body) return reply;
    const version = await versions.create({
      docId: report.record.id,
      name: body.name,
      author: actorOf(report.principal),
      state: await registry.committedState(report.record.id),
    });
    await ctx.audit.append(ctx.store.sql, {
      workspaceId: report.record.workspaceId,
      actor: actorOf(report.principal),
      action: 'report.version-saved',
      details: { title: report.record.title, version: version.name },
    });
    return reply.code(201).send(versionSummary(version));
  });

  app.get<VersionParams>('/api/reports/:reportId/versions/:versionId', async (request, reply) => {
    const report = await requireReport(request, reply, request.params.reportId);
    if (!report) return reply;
    const version = await versions.get(report.record.id, request.params.versionId);
    const state = version && (await versions.state(report.record.id, version.id));
    if (!version || !state) {
      return reply.code(404).send(problem('version-not-found', 'Cette version n’existe pas.'));
    }
    return { version: versionSummary(version), content: contentOf(state) };
  });

  /**
   * Restoring never rewrites history: the version's text replaces the current one as a new
   * change, committed and received by everyone connected, and itself undoable by a new edit.
   */
  app.post<VersionParams>(
    '/api/reports/:reportId/versions/:versionId/restore',
    async (request, reply) => {
      const report = await requireReport(request, reply, request.params.reportId);
      if (!report) return reply;
      if (!report.detail.access.canWrite) {
        return reply
          .code(403)
          .send(problem('forbidden', 'Votre rôle ne permet pas de modifier le rapport.'));
      }
      const version = await versions.get(report.record.id, request.params.versionId);
      const state = version && (await versions.state(report.record.id, version.id));
      if (!version || !state) {
        return reply.code(404).send(problem('version-not-found', 'Cette version n’existe pas.'));
      }
      const content = contentOf(state);
      await registry.changeDocument(report.record.id, (doc) =>
        writeJsonToFragment(content, doc.getXmlFragment(reportDocLayout.fragment)),
      );
      await ctx.audit.append(ctx.store.sql, {
        workspaceId: report.record.workspaceId,
        actor: actorOf(report.principal),
        action: 'report.version-restored',
        details: { title: report.record.title, version: version.name },
      });
      return reply.code(204).send();
    },
  );
}
