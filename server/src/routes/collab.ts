import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { CloseCode, docIdSchema } from '@boussole/shared';
import type { Config } from '../config.js';
import { RoomConnection, type CollabSocket } from '../collab/RoomConnection.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';

/** Close reasons travel in a control frame of at most 125 bytes (2 of them for the code). */
function shortReason(reason: string): string {
  const bytes = Buffer.from(reason);
  return bytes.length <= 123 ? reason : bytes.subarray(0, 120).toString('utf8') + '…';
}

function adapt(ws: WebSocket): CollabSocket {
  return {
    send: (frame) => ws.send(frame),
    close: (code, reason) => ws.close(code, shortReason(reason)),
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
  };
}

/**
 * Drops sockets that stopped answering pings (a laptop closed mid-workshop, a dead NAT entry),
 * so their presence disappears and their room can unload.
 */
class Heartbeat {
  private readonly alive = new Map<WebSocket, boolean>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly intervalMs: number) {}

  add(ws: WebSocket): void {
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
  }

  remove(ws: WebSocket): void {
    this.alive.delete(ws);
  }

  start(): void {
    this.timer ??= setInterval(() => {
      for (const [ws, alive] of this.alive) {
        if (!alive) {
          ws.terminate();
          this.alive.delete(ws);
          continue;
        }
        this.alive.set(ws, false);
        ws.ping();
      }
    }, this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** GET /collab/<docId> — the y-websocket endpoint. Everything past the upgrade is in collab/. */
export function registerCollabRoutes(
  app: FastifyInstance,
  deps: { registry: RoomRegistry; config: Config },
): void {
  const { registry, config } = deps;
  const heartbeat = new Heartbeat(config.pingIntervalMs);
  app.addHook('onReady', async () => heartbeat.start());
  app.addHook('onClose', async () => heartbeat.stop());

  // A wildcard, not '/collab/:docId': an id with a slash must still reach the upgrade, so that
  // the client receives a 4404 it can explain instead of an HTTP 404 it retries forever.
  app.get<{ Params: { '*': string } }>('/collab/*', { websocket: true }, (ws, request) => {
    const parsed = docIdSchema.safeParse(request.params['*']);
    if (!parsed.success) {
      ws.close(CloseCode.InvalidDocumentId, shortReason(parsed.error.issues[0]?.message ?? ''));
      return;
    }
    const docId = parsed.data;
    const id = registry.newConnectionId();
    const log = request.log.child({ docId, conn: id });
    const connection = new RoomConnection(id, docId, adapt(ws), config.limits, log);
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
      connection.socketClosed();
    });
    log.debug('collab socket opened');
    registry.join(connection).catch((error: unknown) => {
      log.warn({ err: error }, 'could not join room');
      connection.close(CloseCode.ServerShuttingDown, 'room unavailable, retry');
    });
  });
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
