import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import {
  canCreateBoards,
  importCommitRequestSchema,
  importUploadQuerySchema,
} from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import type { Principal } from '../access/DocumentAccess.js';
import { withZod } from '../http/zodRoutes.js';
import { importProblems, ImportProblem } from '../imports/importProblems.js';
import type { ImportService } from '../imports/ImportService.js';
import { accessGuards, actorOf, memberOf, principalOf, problem } from './requestGuards.js';

/**
 * The import API (shared/src/api/imports.ts): a survey or indicator file uploaded, previewed
 * with its personal data, then committed as cards once reviewed. Animateurs and
 * administrateurs of the workspace only, with a staff account. The file, its rows and its
 * findings are never logged: nothing here logs a request's body or the file's name.
 */

export interface ImportRoutesDeps {
  ctx: AccessContext;
  imports: ImportService;
  maxBytes: number;
}

const workspaceParams = z.object({ workspaceId: z.string() });
const importParams = z.object({ importId: z.string().max(64) });

function staffId(principal: Principal): string | undefined {
  return principal.kind === 'user' ? principal.userId : undefined;
}

const guestRefusal = problem(
  'forbidden',
  'Importer un fichier est réservé aux animateurs et administrateurs de l’espace, avec leur compte.',
);

function send(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof ImportProblem) {
    return reply.code(error.status).send(problem(error.code, error.message));
  }
  throw error;
}

export const importRoutes: FastifyPluginAsync<ImportRoutesDeps> = async (
  instance,
  { ctx, imports, maxBytes },
) => {
  // Scoped to this plugin: no other route accepts multipart bodies.
  await instance.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
  });
  const app = withZod(instance);
  const guard = accessGuards(ctx);
  const importers = guard.workspace((rights) => canCreateBoards(rights.role));

  /** Guests (invitation links) never import, whatever role their link gives. */
  async function staffOnly(request: FastifyRequest, reply: FastifyReply) {
    if (request.caller?.principal.kind !== 'user') return reply.code(403).send(guestRefusal);
  }

  app.post(
    '/api/workspaces/:workspaceId/imports',
    {
      schema: { params: workspaceParams, querystring: importUploadQuerySchema },
      preValidation: [importers, staffOnly],
    },
    async (request, reply) => {
      const { principal } = memberOf(request);
      const ownerId = staffId(principal) as string;
      try {
        const session = imports.reserve(ownerId, request.params.workspaceId);
        let bytes: Buffer;
        try {
          const file = request.isMultipart() ? await request.file() : undefined;
          if (!file || file.fieldname !== 'file') throw importProblems.noFile();
          bytes = await file.toBuffer();
        } catch (error) {
          imports.sessions.drop(session.id);
          const code = (error as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE') throw importProblems.tooLarge(maxBytes);
          if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
            throw importProblems.noFile();
          throw error;
        }
        const preview = await imports.scan(session, bytes, request.query);
        return reply.code(201).send(preview);
      } catch (error) {
        return send(reply, error);
      }
    },
  );

  /** The caller and the id of their staff account, or a refusal already sent. */
  function owner(request: FastifyRequest, reply: FastifyReply) {
    const principal = principalOf(request);
    const id = staffId(principal);
    if (!id) {
      // A guest has no import: as for any import not one's own, say it does not exist.
      void send(reply, importProblems.notFound());
      return undefined;
    }
    return { principal, id };
  }

  app.get(
    '/api/imports/:importId',
    { schema: { params: importParams }, preValidation: guard.signedIn },
    async (request, reply) => {
      const caller = owner(request, reply);
      if (!caller) return reply;
      try {
        return imports.status(request.params.importId, caller.id);
      } catch (error) {
        return send(reply, error);
      }
    },
  );

  app.delete(
    '/api/imports/:importId',
    { schema: { params: importParams }, preValidation: guard.signedIn },
    async (request, reply) => {
      const caller = owner(request, reply);
      if (!caller) return reply;
      try {
        if (!imports.cancel(request.params.importId, caller.id)) throw importProblems.notFound();
        return reply.code(204).send();
      } catch (error) {
        return send(reply, error);
      }
    },
  );

  app.post(
    '/api/imports/:importId/commit',
    {
      schema: { params: importParams, body: importCommitRequestSchema },
      preValidation: guard.signedIn,
    },
    async (request, reply) => {
      const caller = owner(request, reply);
      if (!caller) return reply;
      try {
        const session = imports.openImport(request.params.importId, caller.id);
        // Rights may have changed since the upload: still an importer of that workspace?
        const rights = await ctx.access.rightsIn(caller.principal, session.workspaceId);
        if (!rights || !canCreateBoards(rights.role)) {
          return reply
            .code(403)
            .send(
              problem(
                'forbidden',
                rights
                  ? `Votre rôle (${rights.role}) ne permet pas cette action.`
                  : 'Vous n’êtes plus membre de cet espace de travail.',
              ),
            );
        }
        const result = await imports.commit(session, request.body, actorOf(caller.principal));
        if (!request.body.dryRun) {
          request.log.info(
            { workspaceId: session.workspaceId, boardId: result.boardId, created: result.created },
            'import committed',
          );
        }
        return result;
      } catch (error) {
        return send(reply, error);
      }
    },
  );
};
