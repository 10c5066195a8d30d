import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withZod } from './zodRoutes.js';

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** A plugin as the routes write them, behind an error handler shaped like app.ts's. */
async function appWithRoute() {
  const app = Fastify();
  apps.push(app);
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _, reply) =>
    reply.code(error.statusCode ?? 500).send({
      error: error.code,
      message: `Requête invalide : ${error.message}`,
    }),
  );
  await app.register(async (instance) => {
    withZod(instance).post(
      '/things/:id',
      {
        schema: {
          params: z.object({ id: z.string() }),
          body: z.object({ name: z.string().min(1), tags: z.array(z.string()).default([]) }),
        },
        preValidation: async (request, reply) => {
          if (request.headers['x-who'] !== 'me') return reply.code(401).send({ error: 'who' });
        },
      },
      async (request) => ({ id: request.params.id, ...request.body }),
    );
  });
  return app;
}

const post = (app: Awaited<ReturnType<typeof appWithRoute>>, payload?: string, who = 'me') =>
  app.inject({
    method: 'POST',
    url: '/things/42',
    headers: {
      'x-who': who,
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { payload }),
  });

describe('withZod', () => {
  it('hands the handler the parsed body, defaults included', async () => {
    const response = await post(await appWithRoute(), '{"name":"a"}');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: '42', name: 'a', tags: [] });
  });

  it('answers 400 invalid-request naming the first bad field', async () => {
    const response = await post(await appWithRoute(), '{"name":"a","tags":[1]}');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'invalid-request',
      message:
        'Requête invalide : tags.0 — attendu Invalid input: expected string, received number.',
    });
  });

  it('tells an absent body from a JSON null', async () => {
    const app = await appWithRoute();
    expect((await post(app)).json().message).toBe(
      'Requête invalide : corps — attendu Invalid input: expected object, received undefined.',
    );
    expect((await post(app, 'null')).json().message).toBe(
      'Requête invalide : corps — attendu Invalid input: expected object, received null.',
    );
  });

  it('runs the preValidation guard before validating', async () => {
    const response = await post(await appWithRoute(), '{}', 'someone else');
    expect(response.statusCode).toBe(401);
  });
});
