import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  canAdministerWorkspace,
  linkPreviewRequestSchema,
  noticeUpdateSchema,
} from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import { withZod } from '../http/zodRoutes.js';
import { linkRefusals } from './links.js';
import { accessGuards, actorOf, memberOf, problem } from './requestGuards.js';

const workspaceParams = z.object({ workspaceId: z.string() });

/**
 * The information notice guests read on the invitation page (access/invitationNotices.ts):
 * read by members, written by administrators, and shown with the link's preview to whoever
 * holds a valid invitation — before they give any name.
 */
export const invitationNoticeRoutes: FastifyPluginAsync<{ ctx: AccessContext }> = async (
  instance,
  { ctx },
) => {
  const app = withZod(instance);
  const guard = accessGuards(ctx);

  app.get(
    '/api/workspaces/:workspaceId/notice',
    { schema: { params: workspaceParams }, preValidation: guard.workspace() },
    async (request) => ctx.notices.get(request.params.workspaceId),
  );

  app.put(
    '/api/workspaces/:workspaceId/notice',
    {
      schema: { params: workspaceParams, body: noticeUpdateSchema },
      preValidation: guard.workspace((r) => canAdministerWorkspace(r.role)),
    },
    async (request) => {
      const actor = actorOf(memberOf(request).principal);
      return ctx.notices.set(actor, request.params.workspaceId, request.body.text);
    },
  );

  // POST, not GET: the token stays in a body, out of every URL and access log.
  app.post(
    '/api/links/preview',
    { schema: { body: linkPreviewRequestSchema } },
    async (request, reply) => {
      const result = await ctx.notices.preview(request.ip, request.body.token);
      if (result.ok) return result.preview;
      if (result.reason === 'too-many') {
        return reply
          .code(429)
          .send(
            problem(
              'too-many-attempts',
              'Trop d’essais avec des liens invalides depuis cette adresse. Réessayez plus tard.',
            ),
          );
      }
      return reply
        .code(result.reason === 'unknown' ? 404 : 410)
        .send(problem(`link-${result.reason}`, linkRefusals[result.reason]));
    },
  );
};
