import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { CloseCode } from '@boussole/shared';
import type { Config } from './config.js';
import { RoomRegistry } from './collab/RoomRegistry.js';
import type { DocStore } from './storage/DocStore.js';
import { registerClientRoutes } from './routes/client.js';
import { registerCollabRoutes } from './routes/collab.js';
import { registerHealthRoutes } from './routes/health.js';

export interface AppDeps {
  config: Config;
  /** Already migrated. The app does not close it: whoever opened it does. */
  store: DocStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomRegistry;
  }
}

/** Build the HTTP + websocket application without listening (tests use port 0 or inject). */
export async function buildApp({ config, store }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.query.token'],
    },
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
  });

  const registry = new RoomRegistry(
    store,
    { ...config.rooms, maxDocumentBytes: config.limits.maxDocumentBytes },
    app.log,
  );
  app.decorate('rooms', registry);

  await app.register(websocket, {
    // Frames over MAX_FRAME_BYTES get our own close code (4413) from RoomConnection; ws itself
    // stops reading (1009) only past twice that, so memory stays bounded either way.
    options: { maxPayload: config.limits.maxFrameBytes * 2 },
    preClose(done) {
      for (const client of this.websocketServer.clients) {
        client.close(CloseCode.ServerShuttingDown, 'server shutting down');
      }
      done();
    },
  });
  registerCollabRoutes(app, { registry, config });
  registerHealthRoutes(app, { store });
  await registerClientRoutes(app, { clientDist: config.clientDist });

  // Runs after the listener stopped: every accepted update is committed before we return.
  app.addHook('onClose', async () => {
    await registry.closeAll(CloseCode.ServerShuttingDown, 'server shutting down');
  });
  return app;
}
