import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  loginRequestSchema,
  setupRequestSchema,
  type Me,
  type PrincipalDto,
} from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import { SESSION_COOKIE, GUEST_COOKIE, clearCookie, setCookie } from '../access/cookies.js';
import type { Principal } from '../access/DocumentAccess.js';
import { parseBody, problem, requirePrincipal } from './requestGuards.js';

async function describe(ctx: AccessContext, principal: Principal): Promise<Me> {
  if (principal.kind === 'guest') {
    const workspace = await ctx.workspaces.get(principal.workspaceId);
    const dto: PrincipalDto = {
      kind: 'guest',
      id: principal.guestId,
      displayName: principal.displayName,
      workspaceId: principal.workspaceId,
      role: principal.role,
      instance: principal.instance,
    };
    return {
      principal: dto,
      memberships: workspace
        ? [
            {
              workspaceId: workspace.id,
              workspaceName: workspace.name,
              role: principal.role,
              instances: principal.instance ? [principal.instance] : [],
            },
          ]
        : [],
    };
  }
  const user = await ctx.accounts.get(principal.userId);
  const workspaces = await ctx.workspaces.listFor({ id: principal.userId, isAdmin: false });
  const memberships = await Promise.all(
    workspaces.map(async (w) => ({
      workspaceId: w.id,
      workspaceName: w.name,
      role: w.role ?? 'lecteur',
      instances: (await ctx.workspaces.membership(w.id, principal.userId))?.instances ?? [],
    })),
  );
  return {
    principal: {
      kind: 'user',
      id: principal.userId,
      displayName: principal.displayName,
      email: user?.email ?? '',
      isAdmin: principal.isAdmin,
      canCreateWorkspaces: principal.canCreateWorkspaces,
    },
    memberships,
  };
}

const clientAddress = (request: FastifyRequest) => request.ip;

/** First administrator, sign-in, sign-out and "who am I". */
export function registerAuthRoutes(app: FastifyInstance, ctx: AccessContext): void {
  app.get('/api/setup', async () => ({ needed: ctx.setup.isOpen }));

  app.post('/api/setup', async (request, reply) => {
    const body = parseBody(setupRequestSchema, request, reply);
    if (!body) return reply;
    if (!ctx.setup.isOpen || !ctx.setup.matches(body.token)) {
      return reply
        .code(403)
        .send(problem('setup-refused', 'Ce lien d’installation n’est pas (ou plus) valide.'));
    }
    ctx.setup.close();
    if ((await ctx.accounts.count()) > 0) {
      return reply.code(409).send(problem('setup-done', 'Boussole a déjà un administrateur.'));
    }
    const user = await ctx.accounts.create({ ...body, isAdmin: true });
    await ctx.audit.append(ctx.store.sql, {
      workspaceId: null,
      actor: { id: user.id, name: user.displayName },
      action: 'instance.setup',
      details: { email: user.email },
    });
    const session = await ctx.accounts.openSession(user.id);
    setCookie(request, reply, SESSION_COOKIE, session.token, session.expiresAt);
    request.log.info({ userId: user.id }, 'first administrator created');
    return reply.code(201).send({ id: user.id, email: user.email, displayName: user.displayName });
  });

  app.post('/api/auth/login', async (request, reply) => {
    const body = parseBody(loginRequestSchema, request, reply);
    if (!body) return reply;
    const address = clientAddress(request);
    // Guessing slows down rather than locks (access/signInThrottle.ts): whoever shares the
    // guesser's address waits a minute at worst, and the owner elsewhere is not slowed at all.
    const waitMs = ctx.signIns.waitMs(address, body.email);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return reply
        .code(429)
        .header('retry-after', String(seconds))
        .send(
          problem(
            'too-many-attempts',
            `Trop d’essais infructueux. Réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`,
          ),
        );
    }
    const user = await ctx.accounts.authenticate(body.email, body.password);
    if (!user) {
      ctx.signIns.failed(address, body.email);
      return reply
        .code(401)
        .send(problem('bad-credentials', 'Adresse e-mail ou mot de passe incorrect.'));
    }
    ctx.signIns.succeeded(address, body.email);
    const session = await ctx.accounts.openSession(user.id);
    setCookie(request, reply, SESSION_COOKIE, session.token, session.expiresAt);
    return { id: user.id, email: user.email, displayName: user.displayName };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const principal = await ctx.access.principalFromHeaders(request.headers);
    if (principal?.kind === 'user') {
      await ctx.accounts.closeSession(principal.sessionId);
      ctx.hooks.sessionClosed(principal.sessionId);
    }
    clearCookie(request, reply, SESSION_COOKIE);
    clearCookie(request, reply, GUEST_COOKIE);
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (request, reply) => {
    const principal = await requirePrincipal(ctx, request, reply);
    if (!principal) return reply;
    return describe(ctx, principal);
  });
}
