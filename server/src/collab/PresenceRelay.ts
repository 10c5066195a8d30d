import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import { encodeAwareness } from '@boussole/shared';
import { changesNothing } from './awarenessUpdate.js';
import { clientOrigin, isClientOrigin, serverOrigin, type ClientOrigin } from './origins.js';
import { admitAwareness, forgetDepartedClients, type PresenceLimits } from './presencePolicy.js';
import { ReactionBudget } from './reactionBudget.js';
import type { RoomPeer } from './types.js';

export interface PresenceOptions {
  /** Awareness (cursors, names) changes are coalesced and broadcast at most this often. */
  awarenessFlushMs: number;
  /** Rooms with fewer peers relay awareness immediately, without coalescing. */
  awarenessCoalesceMinPeers: number;
}

/**
 * What became of one awareness frame (see admitAwareness): `refused` and `malformed` close the
 * sender's socket; `ignored` drops the frame and keeps the socket.
 */
export type PresenceOutcome =
  | { kind: 'applied' }
  | { kind: 'unchanged' }
  | { kind: 'ignored'; reason: 'not-yours' | 'too-large' }
  | { kind: 'refused'; reason: 'too-many-ids'; ids: number }
  | { kind: 'malformed' };

/** The presence ids of one peer: the single place that says who owns which id. */
interface PeerPresence {
  /** Origin of its awareness changes, made once: presence is a room's busiest traffic. */
  readonly origin: ClientOrigin;
  /** Every id it ever published: what MAX_PRESENCE_IDS counts (removals do not uncount). */
  readonly claimed: Set<number>;
  /** The ids it shows now, removed from the room when it leaves. */
  readonly shown: Set<number>;
  /** Its emoji reactions' rate limit. */
  readonly reactions: ReactionBudget;
}

/**
 * A room's presence: the awareness every peer sees, who owns which presence id, and the relay
 * of changes to the peers (at once in small rooms, coalesced in big ones).
 */
export class PresenceRelay {
  readonly awareness: Awareness;
  private readonly byPeer = new Map<RoomPeer, PeerPresence>();
  private readonly dirty = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private wasHidden = false;

  constructor(
    doc: Y.Doc,
    /** The room's peers, only read here: who receives presence. */
    private readonly peers: ReadonlySet<RoomPeer>,
    private readonly options: PresenceOptions,
    /**
     * Whether presence is hidden now (a board in anonymous mode, « sans hiérarchie »): nobody
     * receives anyone's name, colour or cursor; states are kept, and shown again after.
     */
    private readonly hidden: () => boolean = () => false,
  ) {
    this.awareness = new Awareness(doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  join(peer: RoomPeer): void {
    this.byPeer.set(peer, {
      origin: clientOrigin(peer),
      claimed: new Set(),
      shown: new Set(),
      reactions: new ReactionBudget(),
    });
  }

  /** Every presence the peer still shows disappears with it. */
  leave(peer: RoomPeer): void {
    const own = this.byPeer.get(peer);
    this.byPeer.delete(peer);
    if (own && own.shown.size > 0)
      removeAwarenessStates(this.awareness, [...own.shown], serverOrigin);
  }

  /** Judge one awareness frame of `from` (stamped with its identity, capped) and apply it. */
  receive(update: Uint8Array, from: RoomPeer, limits: PresenceLimits): PresenceOutcome {
    // Mostly the provider echoing what it received: nothing to stamp, apply or relay.
    if (changesNothing(update, this.awareness)) return { kind: 'unchanged' };
    const own = this.byPeer.get(from);
    if (!own) return { kind: 'unchanged' };
    let admission: ReturnType<typeof admitAwareness>;
    try {
      admission = admitAwareness(update, {
        awareness: this.awareness,
        identity: from.identity,
        ownIds: own.claimed,
        limits,
        reactions: own.reactions,
      });
    } catch {
      return { kind: 'malformed' };
    }
    switch (admission.kind) {
      case 'unchanged':
        return { kind: 'unchanged' };
      case 'ignore':
        return { kind: 'ignored', reason: admission.reason };
      case 'refuse':
        return { kind: 'refused', reason: admission.reason, ids: own.claimed.size };
      case 'apply':
        break;
    }
    // Counted before applying: the cap holds whatever happens next.
    for (const id of admission.claimed) own.claimed.add(id);
    try {
      // Re-encoded by admitAwareness, hence well formed.
      applyAwarenessUpdate(this.awareness, admission.update, own.origin);
    } catch {
      return { kind: 'malformed' };
    }
    if (admission.claimed.length > 0) forgetDepartedClients(this.awareness);
    return { kind: 'applied' };
  }

  /** Every known awareness state as one frame, or null when nobody has presence. */
  encodeAll(): Uint8Array | null {
    if (this.hiddenNow()) return null;
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0) return null;
    return encodeAwareness(encodeAwarenessUpdate(this.awareness, ids));
  }

  /**
   * Whether presence is hidden, telling every peer when that changes: on hiding, each state
   * they hold is removed (at its own clock, which y-protocols applies to a present state); on
   * showing again, every state. Checked whenever presence would be sent, so the switch takes
   * effect at the next cursor move or the clients' periodic renewal.
   */
  private hiddenNow(): boolean {
    const hidden = this.hidden();
    if (hidden === this.wasHidden) return hidden;
    this.wasHidden = hidden;
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0) return hidden;
    const frame = encodeAwareness(
      hidden ? encodeRemovals(this.awareness, ids) : encodeAwarenessUpdate(this.awareness, ids),
    );
    for (const peer of this.peers) peer.send(frame);
    return hidden;
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private readonly onUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const shown = isClientOrigin(origin) ? this.byPeer.get(origin.peer)?.shown : undefined;
    if (shown) {
      for (const id of changes.added) shown.add(id);
      // An id published again after its removal (a reconnect keeping its client id, or a
      // crafted remove/re-add) comes as `updated`: owned too, or it would outlive the peer.
      for (const id of changes.updated) shown.add(id);
      for (const id of changes.removed) shown.delete(id);
    }
    for (const id of changes.added) this.dirty.add(id);
    for (const id of changes.updated) this.dirty.add(id);
    for (const id of changes.removed) this.dirty.add(id);
    // Relay at once in rooms of a workshop's size; coalesce where fan-out (peers²) would swamp
    // the server. Coalescing in a small room only turns a steady trickle into bursts that
    // every participant must absorb at the same instant (a room of 10: p99 7.6 → 3.0 ms).
    const coalesce =
      this.options.awarenessFlushMs > 0 &&
      this.peers.size >= this.options.awarenessCoalesceMinPeers;
    if (!coalesce) this.flush();
    else this.timer ??= setTimeout(this.flush, this.options.awarenessFlushMs);
  };

  /**
   * Cursor traffic dominates a busy room (every participant, ~10 Hz): coalescing it into one
   * frame per interval divides the frames sent by the number of participants moving.
   */
  private readonly flush = (): void => {
    this.timer = undefined;
    if (this.hiddenNow()) this.dirty.clear();
    if (this.dirty.size === 0) return;
    const frame = encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.dirty]));
    this.dirty.clear();
    for (const peer of this.peers) peer.send(frame);
  };
}

/** An awareness update removing `ids` at their current clocks (null states). */
function encodeRemovals(awareness: Awareness, ids: readonly number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ids.length);
  for (const id of ids) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, awareness.meta.get(id)?.clock ?? 0);
    encoding.writeVarString(encoder, 'null');
  }
  return encoding.toUint8Array(encoder);
}
