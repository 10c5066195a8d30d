import * as Y from 'yjs';
import {
  CloseCode,
  FrameError,
  decodeFrame,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  type CloseCodeValue,
  type Frame,
  type WorkspaceRole,
} from '@boussole/shared';
import type { AwarenessIdentity } from './awarenessIdentity.js';
import { Emitter } from './events.js';
import type { PresenceLimits } from './presencePolicy.js';
import type { Room } from './Room.js';
import type { Log, RoomPeer } from './types.js';

/** The little a connection needs from a websocket; the Fastify route adapts `ws` to it. */
export interface CollabSocket {
  send(frame: Uint8Array): void;
  close(code: CloseCodeValue, reason: string): void;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
}

export interface ConnectionLimits extends PresenceLimits {
  maxFrameBytes: number;
  maxBufferedBytes: number;
}

/** What the server decided, before the upgrade, that this connection may do. */
export interface ConnectionRights {
  /** Whether its update frames are applied; a reader's are refused, its presence still flows. */
  canWrite: boolean;
  /**
   * The name and id others see in its presence, whatever the client claims; undefined on a
   * board still open to all (outside any workspace), where nobody is identified.
   */
  identity: AwarenessIdentity | undefined;
  /** Their role in the document's workspace: a frozen or locked board spares facilitators. */
  role?: WorkspaceRole;
}

/** An empty Yjs update (no structs, empty delete set): what a reader's provider sends on sync. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/** A refused reader is told why at most this often, however many frames it sends. */
const REFUSAL_NOTICE_INTERVAL_MS = 10_000;

/**
 * One participant's socket on one document. Frames are handled strictly in arrival order;
 * those that arrive while the room is still loading are held and replayed once it is ready.
 */
export class RoomConnection implements RoomPeer {
  private room: Room | undefined;
  private early: Uint8Array[] = [];
  private earlyBytes = 0;
  private closed = false;
  private lastRefusalNotice = -Infinity;
  /** `closed` is emitted once when this connection ends, whoever ended it. */
  private readonly events = new Emitter<{ closed: [connection: RoomConnection] }>();

  constructor(
    readonly id: number,
    readonly docId: string,
    private readonly socket: CollabSocket,
    private readonly limits: ConnectionLimits,
    private readonly log: Log,
    readonly rights: ConnectionRights,
  ) {}

  /** Content rules that depend on authorship (comments) judge updates by this identity. */
  get identity(): AwarenessIdentity | undefined {
    return this.rights.identity;
  }

  get role(): WorkspaceRole | undefined {
    return this.rights.role;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  on(event: 'closed', listener: (connection: RoomConnection) => void): () => void {
    return this.events.on(event, listener);
  }

  /** The room is loaded and this connection was added to it: greet, then replay held frames. */
  attach(room: Room): void {
    this.room = room;
    room.whenCommitted(() => {
      this.send(encodeSyncStep1(Y.encodeStateVector(room.doc)));
      const awareness = room.presence.encodeAll();
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
        if (!this.rights.canWrite) {
          this.refuseUpdate(frame.update);
          return;
        }
        const result = room.submitUpdate(frame.update, this);
        if (!result.ok) this.close(result.code, result.reason);
        return;
      }
      case 'awareness':
        this.receiveAwareness(room, frame.update);
        return;
      case 'query-awareness': {
        const awareness = room.presence.encodeAll();
        if (awareness) this.send(awareness);
        return;
      }
      default: {
        const unreachable: never = frame;
        throw new Error(`unhandled frame ${String(unreachable)}`);
      }
    }
  }

  /**
   * A reader or reviewer may not change this document: the frame is dropped before it reaches
   * the room (never applied, stored or broadcast) and the socket stays open, so their cursor
   * and name keep flowing. Their provider answers our sync step 1 with its own state, which is
   * empty unless it holds edits made elsewhere: only a non-empty one is reported.
   */
  private refuseUpdate(update: Uint8Array): void {
    if (isEmptyUpdate(update)) return;
    this.log.debug(
      { docId: this.docId, conn: this.id },
      'refused update from a read-only connection',
    );
    const now = Date.now();
    if (now - this.lastRefusalNotice < REFUSAL_NOTICE_INTERVAL_MS) return;
    this.lastRefusalNotice = now;
    this.send(
      encodePermissionDenied(
        'Modification refusée : votre rôle permet de consulter ce document, pas de le modifier.',
      ),
    );
  }

  private receiveAwareness(room: Room, update: Uint8Array): void {
    const outcome = room.presence.receive(update, this, this.limits);
    switch (outcome.kind) {
      case 'applied':
      case 'unchanged':
        return;
      case 'ignored':
        // Speaking for someone else's cursor, or an oversized state: dropped, socket kept
        // (see admitAwareness for why). Sizes and ids only: states may hold names.
        this.log.info(
          { docId: this.docId, conn: this.id, reason: outcome.reason, bytes: update.length },
          'ignored awareness update',
        );
        return;
      case 'refused':
        this.log.info(
          { docId: this.docId, conn: this.id, ids: outcome.ids },
          'refused awareness: too many presence ids',
        );
        this.close(
          CloseCode.PresenceRefused,
          `more than ${this.limits.maxPresenceIds} presence ids on one connection`,
        );
        return;
      case 'malformed':
        this.close(CloseCode.MalformedFrame, 'invalid awareness update');
        return;
      default: {
        const unreachable: never = outcome;
        throw new Error(`unhandled presence outcome ${String(unreachable)}`);
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

  close(code: CloseCodeValue, reason: string): void {
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
    this.events.emit('closed', this);
  }
}
