import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  canAdministerWorkspace,
  createLinkRequestSchema,
  redeemRequestSchema,
} from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import { GUEST_COOKIE, setCookie } from '../access/cookies.js';
import { withZod } from '../http/zodRoutes.js';
import { accessGuards, actorOf, memberOf, problem } from './requestGuards.js';

/** Why a link admits nobody, in the words guests read (redeeming and previewing alike). */
export const linkRefusals = {
  unknown: 'Ce lien d’invitation n’est pas valide. Vérifiez qu’il a été copié en entier.',
  revoked: 'Ce lien d’invitation a été désactivé par l’équipe qui anime la démarche.',
  expired: 'Ce lien d’invitation a expiré. Demandez-en un nouveau à l’équipe.',
  'used-up': 'Ce lien d’invitation a déjà servi autant de fois que prévu. Demandez-en un nouveau.',
} as const;

/** How long a guest's cookie lives at most; their access also ends with their link. */
const GUEST_COOKIE_DAYS = 30;

const workspaceParams = z.object({ workspaceId: z.string() });

/** Invitation links (access/invitationLinks.ts): created and revoked by administrators, redeemed by guests. */
export const linkRoutes: FastifyPluginAsync<{ ctx: AccessContext }> = async (instance, { ctx }) => {
  const app = withZod(instance);
  const guard = accessGuards(ctx);
  const administrators = guard.workspace((r) => canAdministerWorkspace(r.role));

  app.get(
    '/api/workspaces/:workspaceId/links',
    { schema: { params: workspaceParams }, preValidation: administrators },
    async (request) => ({ links: await ctx.invitations.list(request.params.workspaceId) }),
  );

  app.post(
    '/api/workspaces/:workspaceId/links',
    {
      schema: { params: workspaceParams, body: createLinkRequestSchema },
      preValidation: administrators,
    },
    async (request, reply) => {
      const actor = actorOf(memberOf(request).principal);
      const created = await ctx.links.create(actor, request.params.workspaceId, request.body);
      if (created === 'expiry-passed') {
        return reply
          .code(400)
          .send(problem('invalid-request', 'La date d’expiration est déjà passée.'));
      }
      // The token travels in the URL fragment: browsers never send it to a server or proxy log.
      const origin = `${request.protocol}://${request.host}`;
      return reply.code(201).send({
        ...created.link,
        token: created.token,
        url: `${origin}/invitation#${created.token}`,
      });
    },
  );

  app.delete(
    '/api/workspaces/:workspaceId/links/:linkId',
    {
      schema: { params: workspaceParams.extend({ linkId: z.string() }) },
      preValidation: administrators,
    },
    async (request, reply) => {
      const { workspaceId, linkId } = request.params;
      const actor = actorOf(memberOf(request).principal);
      if (!(await ctx.links.revoke(actor, workspaceId, linkId))) {
        return reply
          .code(404)
          .send(problem('link-not-found', 'Ce lien n’existe pas ou est déjà désactivé.'));
      }
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/links/redeem',
    { schema: { body: redeemRequestSchema } },
    async (request, reply) => {
      const result = await ctx.links.redeem(
        request.ip,
        request.body.token,
        request.body.displayName,
      );
      if (!result.ok && result.reason === 'too-many') {
        return reply
          .code(429)
          .send(
            problem(
              'too-many-attempts',
              'Trop d’essais avec des liens invalides depuis cette adresse. Réessayez plus tard.',
            ),
          );
      }
      if (!result.ok) {
        return reply
          .code(result.reason === 'unknown' ? 404 : 410)
          .send(problem(`link-${result.reason}`, linkRefusals[result.reason]));
      }
      const expires = new Date(Date.now() + GUEST_COOKIE_DAYS * 86_400_000);
      setCookie(request, reply, GUEST_COOKIE, result.token, expires);
      request.log.info(
        { guestId: result.guest.id, workspaceId: result.guest.workspaceId },
        'guest admitted',
      );
      return reply.code(201).send({
        id: result.guest.id,
        displayName: result.guest.displayName,
        workspaceId: result.guest.workspaceId,
        role: result.guest.role,
        instance: result.guest.instance,
      });
    },
  );
};
