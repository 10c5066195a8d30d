import type { FastifyInstance } from 'fastify';
import {
  canAdministerWorkspace,
  createLinkRequestSchema,
  redeemRequestSchema,
} from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import { GUEST_COOKIE, setCookie } from '../access/cookies.js';
import { actorOf, parseBody, problem, requireWorkspace } from './requestGuards.js';

const refusals = {
  unknown: 'Ce lien d’invitation n’est pas valide. Vérifiez qu’il a été copié en entier.',
  revoked: 'Ce lien d’invitation a été désactivé par l’équipe qui anime la démarche.',
  expired: 'Ce lien d’invitation a expiré. Demandez-en un nouveau à l’équipe.',
  'used-up': 'Ce lien d’invitation a déjà servi autant de fois que prévu. Demandez-en un nouveau.',
} as const;

/** How long a guest's cookie lives at most; their access also ends with their link. */
const GUEST_COOKIE_DAYS = 30;

/** Invitation links: created and revoked by administrators, redeemed by guests. */
export function registerLinkRoutes(app: FastifyInstance, ctx: AccessContext): void {
  const administer = (r: { role: Parameters<typeof canAdministerWorkspace>[0] }) =>
    canAdministerWorkspace(r.role);

  app.get<{ Params: { workspaceId: string } }>(
    '/api/workspaces/:workspaceId/links',
    async (request, reply) => {
      const { workspaceId } = request.params;
      if (!(await requireWorkspace(ctx, request, reply, workspaceId, administer))) return reply;
      return { links: await ctx.invitations.list(workspaceId) };
    },
  );

  app.post<{ Params: { workspaceId: string } }>(
    '/api/workspaces/:workspaceId/links',
    async (request, reply) => {
      const { workspaceId } = request.params;
      const allowed = await requireWorkspace(ctx, request, reply, workspaceId, administer);
      if (!allowed) return reply;
      const body = parseBody(createLinkRequestSchema, request, reply);
      if (!body) return reply;
      if (new Date(body.expiresAt).getTime() <= Date.now()) {
        return reply
          .code(400)
          .send(problem('invalid-request', 'La date d’expiration est déjà passée.'));
      }
      const actor = actorOf(allowed.principal);
      const created = await ctx.store.sql.transaction(async (tx) => {
        const result = await ctx.invitations.create(
          { workspaceId, ...body, createdBy: actor.id },
          tx,
        );
        await ctx.audit.append(tx, {
          workspaceId,
          actor,
          action: 'link.created',
          details: {
            linkId: result.link.id,
            role: body.role,
            instance: body.instance,
            maxUses: body.maxUses,
            expiresAt: body.expiresAt,
          },
        });
        return result;
      });
      // The token travels in the URL fragment: browsers never send it to a server or proxy log.
      const origin = `${request.protocol}://${request.host}`;
      return reply.code(201).send({
        ...created.link,
        token: created.token,
        url: `${origin}/invitation#${created.token}`,
      });
    },
  );

  app.delete<{ Params: { workspaceId: string; linkId: string } }>(
    '/api/workspaces/:workspaceId/links/:linkId',
    async (request, reply) => {
      const { workspaceId, linkId } = request.params;
      const allowed = await requireWorkspace(ctx, request, reply, workspaceId, administer);
      if (!allowed) return reply;
      const revoked = await ctx.store.sql.transaction(async (tx) => {
        const done = await ctx.invitations.revoke(workspaceId, linkId, tx);
        if (done) {
          await ctx.audit.append(tx, {
            workspaceId,
            actor: actorOf(allowed.principal),
            action: 'link.revoked',
            details: { linkId },
          });
        }
        return done;
      });
      if (!revoked)
        return reply
          .code(404)
          .send(problem('link-not-found', 'Ce lien n’existe pas ou est déjà désactivé.'));
      ctx.hooks.linkRevoked(linkId);
      return reply.code(204).send();
    },
  );

  app.post('/api/links/redeem', async (request, reply) => {
    const body = parseBody(redeemRequestSchema, request, reply);
    if (!body) return reply;
    // Only failures count, keyed by address (unknown tokens) or by address and link (refused
    // ones): forty people redeeming one link from the town hall's address never meet a limit.
    const { unknownPerAddress, refusedPerLink } = ctx.redeemFailures;
    const address = request.ip;
    const tooMany = () =>
      reply
        .code(429)
        .send(
          problem(
            'too-many-attempts',
            'Trop d’essais avec des liens invalides depuis cette adresse. Réessayez plus tard.',
          ),
        );
    if (unknownPerAddress.isBlocked(address)) return tooMany();
    const result = await ctx.invitations.redeem(body.token, body.displayName);
    if (!result.ok) {
      if (result.reason === 'unknown') unknownPerAddress.fail(address);
      else {
        const key = `${address}|${result.linkId}`;
        if (refusedPerLink.isBlocked(key)) return tooMany();
        refusedPerLink.fail(key);
      }
      return reply
        .code(result.reason === 'unknown' ? 404 : 410)
        .send(problem(`link-${result.reason}`, refusals[result.reason]));
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
  });
}
