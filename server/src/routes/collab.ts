import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { CloseCode, docIdSchema } from '@boussole/shared';
import type { Config } from '../config.js';
import type { DocumentAccess, DocumentAccessResolver } from '../access/DocumentAccess.js';
import type { ConnectionIndex } from '../collab/ConnectionIndex.js';
import { RoomConnection } from '../collab/RoomConnection.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import type { FastifyBaseLogger } from 'fastify';
import { Heartbeat, adaptSocket, shortReason } from '../http/collabSocket.js';
import { isSameOrigin } from '../http/sameOrigin.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the collab route's preValidation, before the websocket upgrade completes. */
    documentAccess?: DocumentAccess;
  }
}

/**
 * Decides, before the upgrade completes, who is asking and what they may do on this document;
 * a refusal is a plain HTTP answer (401, 403, 404) and no socket is ever opened. An id of an
 * impossible shape is let through so the socket can close with 4404 and a reason the client
 * shows, since it reveals nothing about any document.
 */
function authorizeUpgrade(access: DocumentAccessResolver, config: Config) {
  return async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    if (!isSameOrigin(request, config.allowedOrigins)) {
      request.log.info({ origin: request.headers.origin }, 'collab upgrade from another origin');
      return reply.code(403).send({
        error: 'forbidden-origin',
        message: 'Connexion refusée : cette page ne vient pas de ce serveur Boussole.',
      });
    }
    const docId = docIdSchema.safeParse(request.params['*']);
    if (!docId.success) return;
    const principal = await access.principalFromHeaders(request.headers);
    const result = await access.documentAccess(principal, docId.data);
    if (!result.ok) {
      return reply.code(result.status).send({ error: result.error, message: result.message });
    }
    request.documentAccess = result.access;
  };
}

/** GET /collab/<docId> — the y-websocket endpoint. Everything past the upgrade is in collab/. */
export function registerCollabRoutes(
  app: FastifyInstance,
  deps: {
    registry: RoomRegistry;
    config: Config;
    access: DocumentAccessResolver;
    connections: ConnectionIndex;
  },
): void {
  const { registry, config, connections } = deps;
  const heartbeat = new Heartbeat(config.pingIntervalMs);
  app.addHook('onReady', async () => heartbeat.start());
  app.addHook('onClose', async () => heartbeat.stop());

  // A wildcard, not '/collab/:docId': an id with a slash must still reach the upgrade, so that
  // the client receives a 4404 it can explain instead of an HTTP 404 it retries forever.
  /** Hands an accepted socket to a RoomConnection with the rights decided at the upgrade. */
  function serve(
    ws: WebSocket,
    tcp: Socket | undefined,
    requestLog: FastifyBaseLogger,
    docId: string,
    access: DocumentAccess,
  ) {
    const id = registry.newConnectionId();
    const log = requestLog.child({ docId, conn: id, role: access.role });
    const connection = new RoomConnection(id, docId, adaptSocket(ws, tcp), config.limits, log, {
      canWrite: access.canWrite,
      identity: access.identity,
      role: access.role,
    });
    connections.add(connection, {
      workspaceId: access.workspaceId,
      principalId: access.identity.id,
      linkId: access.linkId,
      sessionId: access.sessionId,
    });
    heartbeat.add(ws);
    // Listeners are attached synchronously, before any await, so no early frame is missed.
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        connection.close(CloseCode.MalformedFrame, 'expected binary frames');
        return;
      }
      connection.receive(toBytes(data));
    });
    ws.on('close', () => {
      heartbeat.remove(ws);
      connections.remove(connection);
      connection.socketClosed();
    });
    log.debug('collab socket opened');
    registry.join(connection).catch((error: unknown) => {
      log.warn({ err: error }, 'could not join room');
      connection.close(CloseCode.ServerShuttingDown, 'room unavailable, retry');
    });
  }

  app.get<{ Params: { '*': string } }>(
    '/collab/*',
    { websocket: true, preValidation: authorizeUpgrade(deps.access, config) },
    (ws, request) => {
      const parsed = docIdSchema.safeParse(request.params['*']);
      if (!parsed.success) {
        ws.close(CloseCode.InvalidDocumentId, shortReason(parsed.error.issues[0]?.message ?? ''));
        return;
      }
      const access = request.documentAccess;
      if (!access || access.docId !== parsed.data) {
        // Unreachable while authorizeUpgrade guards the route; never serve a socket unchecked.
        ws.close(CloseCode.Unauthorized, 'not authorized');
        return;
      }
      serve(ws, request.raw.socket, request.log, parsed.data, access);
    },
  );
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
