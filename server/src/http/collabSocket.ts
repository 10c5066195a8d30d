import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { CollabSocket } from '../collab/RoomConnection.js';
import { binaryFrame } from './binaryFrame.js';

/** Close reasons travel in a control frame of at most 125 bytes (2 of them for the code). */
export function shortReason(reason: string): string {
  const bytes = Buffer.from(reason);
  return bytes.length <= 123 ? reason : bytes.subarray(0, 120).toString('utf8') + '…';
}

/**
 * The socket a RoomConnection talks to. `tcp` is the socket ws took over at the upgrade. While
 * the websocket is open and no extension (compression) was negotiated, ws writes each frame
 * whole and at once, so a frame prepared once for a whole broadcast (binaryFrame.ts) can go
 * straight to it without ever landing inside one of ws's own; its bytes count in
 * `ws.bufferedAmount` all the same. Anything sent once the socket is closing goes through ws,
 * which knows what may still go.
 */
export function adaptSocket(ws: WebSocket, tcp: Socket | undefined): CollabSocket {
  // Fastify's injectWS (tests without a network) makes a request without a socket.
  const direct = ws.extensions === '' && tcp !== undefined;
  return {
    send: (frame) => {
      if (direct && ws.readyState === ws.OPEN && tcp.writable) tcp.write(binaryFrame(frame));
      else ws.send(frame);
    },
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
export class Heartbeat {
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
