import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const defaultDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../client/dist',
);

/** Serves the built web client, with index.html for every client-side route. */
export async function registerClientRoutes(
  app: FastifyInstance,
  deps: { clientDist: string | undefined },
): Promise<void> {
  const root = deps.clientDist ?? defaultDist;
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ root }, 'no built client found; serving a placeholder page');
    app.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Boussole</title>' +
            '<p>Boussole fonctionne, mais le client web n’est pas construit (pnpm build).</p></html>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/collab/') &&
      !path.extname(request.url.split('?')[0] ?? '');
    if (isPage) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.code(404).send({ error: 'not found' });
  });
}
