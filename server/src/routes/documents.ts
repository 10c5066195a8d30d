import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  canAdministerWorkspace,
  docIdSchema,
  type PurgePreview,
  type PurgeResult,
} from '@boussole/shared';
import type { AccessContext, Principal } from '../access/index.js';
import type { DocumentAdmin } from '../documents/DocumentAdmin.js';
import type { DocumentRecord } from '../documents/DocumentCatalog.js';
import type { DocumentVersions } from '../documents/DocumentVersions.js';
import { versionSummary } from '../documents/summaries.js';
import { withZod } from '../http/zodRoutes.js';
import { actorOf, problem, requirePrincipal, requireWorkspace } from './requestGuards.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The route's document, which the caller administers; set by its guard. */
    administeredDocument?: { record: DocumentRecord; principal: Principal };
  }
}

function documentOf(request: FastifyRequest): { record: DocumentRecord; principal: Principal } {
  if (!request.administeredDocument) throw new Error(`${request.url}: no document guard`);
  return request.administeredDocument;
}

const docParams = z.object({ docId: z.string() });

export interface DocumentRoutesDeps {
  ctx: AccessContext;
  versions: DocumentVersions;
  admin: DocumentAdmin;
}

/** Purging a document's history and deleting its named versions (documents/DocumentAdmin.ts). */
export const documentRoutes: FastifyPluginAsync<DocumentRoutesDeps> = async (
  instance,
  { ctx, versions, admin },
) => {
  const app = withZod(instance);

  /** The document, if the caller administers its workspace (or the instance, for old boards). */
  async function administrators(request: FastifyRequest, reply: FastifyReply) {
    const id = docIdSchema.safeParse((request.params as { docId: string }).docId);
    const record = id.success ? await ctx.documents.get(id.data) : undefined;
    if (!record) {
      return reply.code(404).send(problem('document-not-found', 'Ce document n’existe pas.'));
    }
    if (record.workspaceId) {
      const allowed = await requireWorkspace(ctx, request, reply, record.workspaceId, (r) =>
        canAdministerWorkspace(r.role),
      );
      if (!allowed) return reply;
      request.administeredDocument = { record, principal: allowed.principal };
      return;
    }
    const principal = await requirePrincipal(ctx, request, reply);
    if (!principal) return reply;
    if (principal.kind !== 'user' || !principal.isAdmin) {
      return reply
        .code(403)
        .send(problem('forbidden', 'Réservé aux administrateurs de l’instance.'));
    }
    request.administeredDocument = { record, principal };
  }

  app.get(
    '/api/documents/:docId/purge-history',
    { schema: { params: docParams }, preValidation: administrators },
    async (request) => {
      const { record } = documentOf(request);
      const preview: PurgePreview = {
        documentId: record.id,
        title: record.title,
        versions: (await versions.list(record.id)).map(versionSummary),
      };
      return preview;
    },
  );

  app.post(
    '/api/documents/:docId/purge-history',
    { schema: { params: docParams }, preValidation: administrators },
    async (request) => {
      const { record, principal } = documentOf(request);
      const kept = await admin.purgeHistory(record, actorOf(principal));
      request.log.info({ docId: record.id, versionsKept: kept }, 'document history purged');
      const result: PurgeResult = { purgedAt: new Date().toISOString(), versionsKept: kept };
      return result;
    },
  );

  app.delete(
    '/api/documents/:docId/versions/:versionId',
    {
      schema: { params: docParams.extend({ versionId: z.string() }) },
      preValidation: administrators,
    },
    async (request, reply) => {
      const { record, principal } = documentOf(request);
      if (!(await admin.deleteVersion(record, actorOf(principal), request.params.versionId))) {
        return reply.code(404).send(problem('version-not-found', 'Cette version n’existe pas.'));
      }
      return reply.code(204).send();
    },
  );
};
