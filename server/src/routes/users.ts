import type { FastifyInstance } from 'fastify';
import { workspaceCreationRequestSchema } from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import type { InstanceRefusal } from '../access/instanceRights.js';
import { actorOf, parseBody, problem, requireStaff } from './requestGuards.js';

const refusals = {
  'not-instance-admin': {
    status: 403,
    body: problem(
      'instance-admin-only',
      'Cette action est réservée aux administrateurs de l’instance Boussole.',
    ),
  },
  'no-such-account': {
    status: 404,
    body: problem('account-not-found', 'Ce compte n’existe pas.'),
  },
} as const satisfies Record<InstanceRefusal, unknown>;

/** Staff accounts as instance administrators manage them (access/instanceRights.ts). */
export function registerUserRoutes(app: FastifyInstance, ctx: AccessContext): void {
  app.get('/api/users', async (request, reply) => {
    const principal = await requireStaff(ctx, request, reply);
    if (!principal) return reply;
    const accounts = await ctx.instanceRights.listAccounts(principal);
    if (typeof accounts === 'string') {
      return reply.code(refusals[accounts].status).send(refusals[accounts].body);
    }
    return { accounts };
  });

  app.put<{ Params: { userId: string } }>(
    '/api/users/:userId/workspace-creation',
    async (request, reply) => {
      const principal = await requireStaff(ctx, request, reply);
      if (!principal) return reply;
      const body = parseBody(workspaceCreationRequestSchema, request, reply);
      if (!body) return reply;
      const refused = await ctx.instanceRights.setWorkspaceCreation(
        principal,
        actorOf(principal),
        request.params.userId,
        body.allowed,
      );
      if (refused) return reply.code(refusals[refused].status).send(refusals[refused].body);
      return reply.code(204).send();
    },
  );
}
