import type { FastifyPluginAsync } from 'fastify';
import { loginRequestSchema, setupRequestSchema } from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import { SESSION_COOKIE, GUEST_COOKIE, clearCookie, setCookie } from '../access/cookies.js';
import { withZod } from '../http/zodRoutes.js';
import { accessGuards, principalOf, problem } from './requestGuards.js';

/** First administrator, sign-in, sign-out and "who am I" (access/sessions.ts). */
export const authRoutes: FastifyPluginAsync<{ ctx: AccessContext }> = async (instance, { ctx }) => {
  const app = withZod(instance);
  const { sessions } = ctx;

  app.get('/api/setup', async () => ({ needed: ctx.setup.isOpen }));

  app.post('/api/setup', { schema: { body: setupRequestSchema } }, async (request, reply) => {
    const done = await sessions.setUp(request.body);
    if (done === 'setup-refused') {
      return reply
        .code(403)
        .send(problem('setup-refused', 'Ce lien d’installation n’est pas (ou plus) valide.'));
    }
    if (done === 'setup-done') {
      return reply.code(409).send(problem('setup-done', 'Boussole a déjà un administrateur.'));
    }
    const { user, session } = done;
    setCookie(request, reply, SESSION_COOKIE, session.token, session.expiresAt);
    request.log.info({ userId: user.id }, 'first administrator created');
    return reply.code(201).send({ id: user.id, email: user.email, displayName: user.displayName });
  });

  app.post('/api/auth/login', { schema: { body: loginRequestSchema } }, async (request, reply) => {
    const signedIn = await sessions.signIn(request.ip, request.body);
    if (signedIn === 'bad-credentials') {
      return reply
        .code(401)
        .send(problem('bad-credentials', 'Adresse e-mail ou mot de passe incorrect.'));
    }
    if ('waitMs' in signedIn) {
      const seconds = Math.ceil(signedIn.waitMs / 1000);
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
    const { user, session } = signedIn;
    setCookie(request, reply, SESSION_COOKIE, session.token, session.expiresAt);
    return { id: user.id, email: user.email, displayName: user.displayName };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    await sessions.signOut(await ctx.access.principalFromHeaders(request.headers));
    clearCookie(request, reply, SESSION_COOKIE);
    clearCookie(request, reply, GUEST_COOKIE);
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { preValidation: accessGuards(ctx).signedIn }, async (request) =>
    sessions.describe(principalOf(request)),
  );
};
