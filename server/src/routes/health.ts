import type { FastifyInstance } from 'fastify';
import type { DocStore } from '../storage/DocStore.js';

/** /healthz: the process answers. /readyz: and its storage answers too. */
export function registerHealthRoutes(app: FastifyInstance, deps: { store: DocStore }): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    try {
      await withTimeout(deps.store.ping(), 2000);
      return { status: 'ready', storage: deps.store.kind };
    } catch (error) {
      request.log.warn({ err: error }, 'storage not reachable');
      return reply.code(503).send({ status: 'unavailable', storage: deps.store.kind });
    }
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
