import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  canAdministerWorkspace,
  docIdSchema,
  type PurgePreview,
  type PurgeResult,
  type VersionSummary,
} from '@boussole/shared';
import type { AccessContext, Principal } from '../access/index.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import type { DocumentRecord } from '../documents/DocumentCatalog.js';
import type { DocumentVersions, VersionRecord } from '../documents/DocumentVersions.js';
import { actorOf, problem, requirePrincipal, requireWorkspace } from './requestGuards.js';

type DocParams = { Params: { docId: string } };
type VersionParams = { Params: { docId: string; versionId: string } };

export const versionSummary = (v: VersionRecord): VersionSummary => ({
  id: v.id,
  name: v.name,
  authorName: v.authorName,
  createdAt: v.createdAt,
  bytes: v.bytes,
});

/**
 * What an administrator does to a document as a whole, whatever its kind: purge its history
 * (RGPD), and delete named versions that still hold what was purged.
 */
export function registerDocumentRoutes(
  app: FastifyInstance,
  ctx: AccessContext,
  deps: { registry: RoomRegistry; versions: DocumentVersions },
): void {
  const { registry, versions } = deps;

  /** The document, if the caller administers its workspace (or the instance, for old boards). */
  async function requireDocumentAdmin(
    request: FastifyRequest,
    reply: FastifyReply,
    rawId: string,
  ): Promise<{ record: DocumentRecord; principal: Principal } | undefined> {
    const id = docIdSchema.safeParse(rawId);
    const record = id.success ? await ctx.documents.get(id.data) : undefined;
    if (!record) {
      void reply.code(404).send(problem('document-not-found', 'Ce document n’existe pas.'));
      return undefined;
    }
    if (record.workspaceId) {
      const allowed = await requireWorkspace(ctx, request, reply, record.workspaceId, (r) =>
        canAdministerWorkspace(r.role),
      );
      return allowed && { record, principal: allowed.principal };
    }
    const principal = await requirePrincipal(ctx, request, reply);
    if (!principal) return undefined;
    if (principal.kind !== 'user' || !principal.isAdmin) {
      void reply.code(403).send(problem('forbidden', 'Réservé aux administrateurs de l’instance.'));
      return undefined;
    }
    return { record, principal };
  }

  app.get<DocParams>('/api/documents/:docId/purge-history', async (request, reply) => {
    const allowed = await requireDocumentAdmin(request, reply, request.params.docId);
    if (!allowed) return reply;
    const preview: PurgePreview = {
      documentId: allowed.record.id,
      title: allowed.record.title,
      versions: (await versions.list(allowed.record.id)).map(versionSummary),
    };
    return preview;
  });

  app.post<DocParams>('/api/documents/:docId/purge-history', async (request, reply) => {
    const allowed = await requireDocumentAdmin(request, reply, request.params.docId);
    if (!allowed) return reply;
    const { record, principal } = allowed;
    await registry.purgeHistory(record.id);
    const kept = (await versions.list(record.id)).length;
    await ctx.audit.append(ctx.store.sql, {
      workspaceId: record.workspaceId,
      actor: actorOf(principal),
      action: 'document.history-purged',
      details: { documentId: record.id, title: record.title, versionsKept: kept },
    });
    request.log.info({ docId: record.id, versionsKept: kept }, 'document history purged');
    const result: PurgeResult = { purgedAt: new Date().toISOString(), versionsKept: kept };
    return result;
  });

  app.delete<VersionParams>('/api/documents/:docId/versions/:versionId', async (request, reply) => {
    const allowed = await requireDocumentAdmin(request, reply, request.params.docId);
    if (!allowed) return reply;
    const { record, principal } = allowed;
    const version = await versions.get(record.id, request.params.versionId);
    if (!version || !(await versions.delete(record.id, version.id))) {
      return reply.code(404).send(problem('version-not-found', 'Cette version n’existe pas.'));
    }
    await ctx.audit.append(ctx.store.sql, {
      workspaceId: record.workspaceId,
      actor: actorOf(principal),
      action: 'document.version-deleted',
      details: { documentId: record.id, title: record.title, version: version.name },
    });
    return reply.code(204).send();
  });
}
