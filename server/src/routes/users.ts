import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { workspaceCreationRequestSchema } from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import type { InstanceRefusal } from '../access/instanceRights.js';
import { withZod } from '../http/zodRoutes.js';
import { accessGuards, actorOf, problem, staffOf } from './requestGuards.js';

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
export const userRoutes: FastifyPluginAsync<{ ctx: AccessContext }> = async (instance, { ctx }) => {
  const app = withZod(instance);
  const staff = accessGuards(ctx).staff;

  app.get('/api/users', { preValidation: staff }, async (request, reply) => {
    const accounts = await ctx.instanceRights.listAccounts(staffOf(request));
    if (typeof accounts === 'string') {
      return reply.code(refusals[accounts].status).send(refusals[accounts].body);
    }
    return { accounts };
  });

  app.put(
    '/api/users/:userId/workspace-creation',
    {
      schema: { params: z.object({ userId: z.string() }), body: workspaceCreationRequestSchema },
      preValidation: staff,
    },
    async (request, reply) => {
      const principal = staffOf(request);
      const refused = await ctx.instanceRights.setWorkspaceCreation(
        principal,
        actorOf(principal),
        request.params.userId,
        request.body.allowed,
      );
      if (refused) return reply.code(refusals[refused].status).send(refusals[refused].body);
      return reply.code(204).send();
    },
  );
};
