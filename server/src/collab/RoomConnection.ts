import * as Y from 'yjs';
import {
  CloseCode,
  FrameError,
  decodeFrame,
  encodeSyncStep1,
  encodeSyncStep2,
  type Frame,
} from '@boussole/shared';
import type { Room } from './Room.js';
import type { Log, RoomPeer } from './types.js';

/** The little a connection needs from a websocket; the Fastify route adapts `ws` to it. */
export interface CollabSocket {
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
}

export interface ConnectionLimits {
  maxFrameBytes: number;
  maxBufferedBytes: number;
}

/**
 * One participant's socket on one document. Frames are handled strictly in arrival order;
 * those that arrive while the room is still loading are held and replayed once it is ready.
 */
export class RoomConnection implements RoomPeer {
  private room: Room | undefined;
  private early: Uint8Array[] = [];
  private earlyBytes = 0;
  private closed = false;
  /** Called once when this connection ends, whoever ended it. */
  onClosed: () => void = () => {};

  constructor(
    readonly id: number,
    readonly docId: string,
    private readonly socket: CollabSocket,
    private readonly limits: ConnectionLimits,
    private readonly log: Log,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** The room is loaded and this connection was added to it: greet, then replay held frames. */
  attach(room: Room): void {
    this.room = room;
    room.whenCommitted(() => {
      this.send(encodeSyncStep1(Y.encodeStateVector(room.doc)));
      const awareness = room.encodeAllAwareness();
      if (awareness) this.send(awareness);
    });
    const held = this.early;
    this.early = [];
    this.earlyBytes = 0;
    for (const frame of held) {
      if (this.closed) break;
      this.handle(room, frame);
    }
  }

  receive(data: Uint8Array): void {
    if (this.closed) return;
    if (data.length > this.limits.maxFrameBytes) {
      this.close(CloseCode.FrameTooLarge, `frame exceeds ${this.limits.maxFrameBytes} bytes`);
      return;
    }
    if (!this.room) {
      this.earlyBytes += data.length;
      if (this.earlyBytes > this.limits.maxBufferedBytes) {
        this.close(CloseCode.ClientTooSlow, 'too much sent before the document was loaded');
        return;
      }
      this.early.push(data);
      return;
    }
    this.handle(this.room, data);
  }

  private handle(room: Room, data: Uint8Array): void {
    let frame: Frame;
    try {
      frame = decodeFrame(data);
    } catch (error) {
      const fe = error instanceof FrameError ? error : undefined;
      this.log.debug({ docId: this.docId, conn: this.id, err: error }, 'refused frame');
      this.close(
        fe?.reason === 'unsupported' ? CloseCode.UnsupportedMessage : CloseCode.MalformedFrame,
        fe?.message ?? 'malformed frame',
      );
      return;
    }
    switch (frame.kind) {
      case 'sync-step-1':
        this.answerSyncStep1(room, frame.stateVector);
        return;
      case 'sync-step-2':
      case 'update': {
        const result = room.submitUpdate(frame.update, this);
        if (!result.ok) this.close(result.code, result.reason);
        return;
      }
      case 'awareness':
        try {
          room.applyAwareness(frame.update, this);
        } catch {
          this.close(CloseCode.MalformedFrame, 'invalid awareness update');
        }
        return;
      case 'query-awareness': {
        const awareness = room.encodeAllAwareness();
        if (awareness) this.send(awareness);
        return;
      }
      default: {
        const unreachable: never = frame;
        throw new Error(`unhandled frame ${String(unreachable)}`);
      }
    }
  }

  private answerSyncStep1(room: Room, stateVector: Uint8Array): void {
    try {
      Y.decodeStateVector(stateVector);
    } catch {
      this.close(CloseCode.MalformedFrame, 'invalid state vector');
      return;
    }
    room.whenCommitted(() => {
      this.send(encodeSyncStep2(Y.encodeStateAsUpdate(room.doc, stateVector)));
    });
  }

  send(frame: Uint8Array): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      // A reconnect resyncs with one compact step 2 instead of an ever-growing backlog.
      this.close(CloseCode.ClientTooSlow, 'client is not reading fast enough');
      return;
    }
    this.socket.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.socket.close(code, reason);
    this.ended();
  }

  /** The socket closed on its own (the peer left, or the network dropped). */
  socketClosed(): void {
    if (!this.closed) this.ended();
  }

  private ended(): void {
    this.closed = true;
    this.early = [];
    this.room?.removePeer(this);
    this.onClosed();
  }
}
