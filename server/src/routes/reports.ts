import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  canCreateBoards,
  commentsDocIdOf,
  createVersionRequestSchema,
  docIdSchema,
  reportExportFormats,
  type ReportDetail,
  type ReportExportFormat,
} from '@boussole/shared';
import type { AccessContext, Principal } from '../access/index.js';
import type { DocumentRecord } from '../documents/DocumentCatalog.js';
import type { Reports } from '../documents/Reports.js';
import { withZod } from '../http/zodRoutes.js';
import { versionSummary } from '../documents/summaries.js';
import { accessGuards, actorOf, memberOf, problem } from './requestGuards.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The report of the route's `:reportId` and the caller's rights on it, set by its guard. */
    report?: { record: DocumentRecord; principal: Principal; detail: ReportDetail };
  }
}

/** A file name from a title: accents kept (RFC 5987 form), path and quote characters not. */
function contentDisposition(title: string, extension: string): string {
  const base = title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() || 'rapport';
  const ascii = base.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${base}.${extension}`)}`;
}

function reportOf(request: FastifyRequest): NonNullable<FastifyRequest['report']> {
  if (!request.report) throw new Error(`${request.url}: no report guard`);
  return request.report;
}

const versionNotFound = problem('version-not-found', 'Cette version n’existe pas.');
const reportParams = z.object({ reportId: z.string() });
const versionParams = reportParams.extend({ versionId: z.string() });

export interface ReportRoutesDeps {
  ctx: AccessContext;
  reports: Reports;
}

/**
 * A workspace's report (documents/Reports.ts): created once, described with the caller's
 * rights, exported (ODT, DOCX, HTML, Markdown), and frozen in named versions that can be read,
 * exported and restored.
 */
export const reportRoutes: FastifyPluginAsync<ReportRoutesDeps> = async (
  instance,
  { ctx, reports },
) => {
  const app = withZod(instance);

  /** The report and the caller's rights on it, or a refusal (401/403/404). */
  async function readers(request: FastifyRequest, reply: FastifyReply) {
    const id = docIdSchema.safeParse((request.params as { reportId: string }).reportId);
    const record = id.success ? await ctx.documents.get(id.data) : undefined;
    if (!record || record.kind !== 'report' || !record.workspaceId) {
      return reply.code(404).send(problem('report-not-found', 'Ce rapport n’existe pas.'));
    }
    const principal = await ctx.access.principalFromHeaders(request.headers);
    const text = await ctx.access.documentAccess(principal, record.id);
    if (!text.ok || !principal) {
      const refusal = text.ok ? { status: 401, error: 'unauthenticated', message: '' } : text;
      return reply.code(refusal.status).send(problem(refusal.error, refusal.message));
    }
    const commentsId = commentsDocIdOf(record.id);
    const comments = await ctx.access.documentAccess(principal, commentsId);
    const { role, canWrite, identity } = text.access;
    request.report = {
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

  async function versionSavers(request: FastifyRequest, reply: FastifyReply) {
    if (reportOf(request).detail.access.canSaveVersion) return;
    return reply
      .code(403)
      .send(problem('forbidden', 'Votre rôle ne permet pas d’enregistrer une version.'));
  }

  async function writers(request: FastifyRequest, reply: FastifyReply) {
    if (reportOf(request).detail.access.canWrite) return;
    return reply
      .code(403)
      .send(problem('forbidden', 'Votre rôle ne permet pas de modifier le rapport.'));
  }

  app.post(
    '/api/workspaces/:workspaceId/report',
    {
      schema: { params: z.object({ workspaceId: z.string() }) },
      preValidation: accessGuards(ctx).workspace((r) => canCreateBoards(r.role)),
    },
    async (request, reply) => {
      const actor = actorOf(memberOf(request).principal);
      const report = await reports.create(actor, request.params.workspaceId);
      if (report === 'workspace-not-found') {
        return reply.code(404).send(problem('workspace-not-found', 'Espace inconnu.'));
      }
      return reply.code(report.created ? 201 : 200).send({ id: report.id, title: report.title });
    },
  );

  app.get(
    '/api/reports/:reportId',
    { schema: { params: reportParams }, preValidation: readers },
    async (request) => reportOf(request).detail,
  );

  // The query is read as it comes (not through a schema): an unknown format has its own answer,
  // and a bare `inline` flag asks for the print view.
  app.get<{ Querystring: { format?: string; version?: string } }>(
    '/api/reports/:reportId/export',
    { schema: { params: reportParams }, preValidation: readers },
    async (request, reply) => {
      const { record } = reportOf(request);
      const format = request.query.format as ReportExportFormat;
      if (!reportExportFormats.includes(format)) {
        return reply
          .code(400)
          .send(problem('invalid-format', `Format attendu : ${reportExportFormats.join(', ')}.`));
      }
      const exported = await reports.exportFile(record, format, request.query.version);
      if (exported === 'version-not-found') return reply.code(404).send(versionNotFound);
      const { file, title } = exported;
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

  app.get(
    '/api/reports/:reportId/versions',
    { schema: { params: reportParams }, preValidation: readers },
    async (request) => ({
      versions: (await reports.listVersions(reportOf(request).record)).map(versionSummary),
    }),
  );

  app.post(
    '/api/reports/:reportId/versions',
    {
      schema: { params: reportParams, body: createVersionRequestSchema },
      preValidation: [readers, versionSavers],
    },
    async (request, reply) => {
      const { record, principal } = reportOf(request);
      const version = await reports.saveVersion(record, actorOf(principal), request.body.name);
      return reply.code(201).send(versionSummary(version));
    },
  );

  app.get(
    '/api/reports/:reportId/versions/:versionId',
    { schema: { params: versionParams }, preValidation: readers },
    async (request, reply) => {
      const found = await reports.readVersion(reportOf(request).record, request.params.versionId);
      if (!found) return reply.code(404).send(versionNotFound);
      return { version: versionSummary(found.version), content: found.content };
    },
  );

  /** Restoring adds the version's text as a new change (documents/Reports.ts). */
  app.post(
    '/api/reports/:reportId/versions/:versionId/restore',
    { schema: { params: versionParams }, preValidation: [readers, writers] },
    async (request, reply) => {
      const { record, principal } = reportOf(request);
      const restored = await reports.restoreVersion(
        record,
        actorOf(principal),
        request.params.versionId,
      );
      if (!restored) return reply.code(404).send(versionNotFound);
      return reply.code(204).send();
    },
  );
};
