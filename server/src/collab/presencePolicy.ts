import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as string from 'lib0/string';
import { outdatedTimeout, type Awareness } from 'y-protocols/awareness';
import { colorForId } from '@boussole/shared';
import {
  PRESENCE_FIELD,
  isObject,
  stampIdentity,
  type AwarenessIdentity,
} from './awarenessIdentity.js';
import { judgeReaction, type ReactionBudget } from './reactionBudget.js';

/** MAX_PRESENCE_IDS and MAX_PRESENCE_BYTES (server/src/config.ts). */
export interface PresenceLimits {
  /** Awareness client ids one connection may publish over its life. */
  maxPresenceIds: number;
  /** The largest state (UTF-8 JSON bytes) of one awareness entry. */
  maxPresenceBytes: number;
}

export interface PresenceContext {
  /** The room's awareness, only read here. */
  awareness: Awareness;
  /** Who this connection is; undefined on a board open to all, where nobody is identified. */
  identity: AwarenessIdentity | undefined;
  /** The client ids this connection already published. */
  ownIds: ReadonlySet<number>;
  limits: PresenceLimits;
  /** This connection's reaction budget; reactions past it are dropped (reactionBudget.ts). */
  reactions?: ReactionBudget;
}

/**
 * What to do with one awareness frame:
 * - `apply` the re-encoded update (only the entries that change something), then count
 *   `claimed` among the connection's ids;
 * - `unchanged`: every entry is one y-protocols would ignore (an echo, a removal of an unknown
 *   id): nothing to apply, relay or remember;
 * - `ignore` the whole frame, socket kept: it speaks for another participant's cursor, or one
 *   state is larger than MAX_PRESENCE_BYTES;
 * - `refuse`: close the socket with CloseCode.PresenceRefused.
 */
export type PresenceAdmission =
  | { kind: 'apply'; update: Uint8Array; claimed: number[] }
  | { kind: 'unchanged' }
  | { kind: 'ignore'; reason: 'not-yours' | 'too-large' }
  | { kind: 'refuse'; reason: 'too-many-ids' };

/**
 * Judges one awareness update from a connection before anything of it reaches the room.
 * Throws on a malformed update (truncated, trailing bytes, invalid UTF-8 or JSON): nothing of
 * it may be applied (see assertAwarenessUpdate).
 *
 * Past the caps:
 * - More ids than MAX_PRESENCE_IDS → refused, and the caller closes the socket. A browser tab
 *   publishes one id (its Y.Doc's client id) per socket; a reload or a second tab opens a new
 *   socket with its own count; a reconnect reusing its id counts it once. Only a crafted client
 *   reaches the cap, and closing it also drops every presence it held. Removals do not count:
 *   a tab's provider may time out another tab of the same person and say so.
 * - A state over MAX_PRESENCE_BYTES → the frame is ignored, socket kept: 256 KiB is four times
 *   tldraw's presence when 2,000 cards are selected, and if an enormous selection ever passed it,
 *   that person's cursor would only stop moving for the others instead of cutting them off.
 *   Nothing of the frame is parsed, stored or relayed, so ignoring costs the server nothing.
 * - A colour Boussole renders (`user.color`: report carets; `tldrawPresence.color`: board
 *   cursors and the people list) that is not a hex colour is replaced by one the server picks
 *   for that person: it goes into CSS, and an old client with another spelling keeps working.
 */
export function admitAwareness(update: Uint8Array, context: PresenceContext): PresenceAdmission {
  const { awareness, identity, ownIds, limits } = context;
  const decoder = decoding.createDecoder(update);
  const entries = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; state: Uint8Array }[] = [];
  const claimed = new Set<number>();
  for (let i = 0; i < entries; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const bytes = decoding.readVarUint8Array(decoder);
    if (bytes.length > limits.maxPresenceBytes) return { kind: 'ignore', reason: 'too-large' };
    const state: unknown = JSON.parse(string.decodeUtf8(bytes));
    const known = awareness.meta.get(clientId)?.clock ?? 0;
    const present = awareness.states.has(clientId);
    // What y-protocols would apply: a newer clock, or a removal at the current one. Anything
    // else is skipped here too, so that echoes claim no id and removals of ids nobody shows
    // add no entry to the awareness' meta map (which would then grow with every id invented).
    const applies = clock > known || (clock === known && state === null && present);
    if (!applies || (state === null && !present)) continue;
    if (!mayUse(awareness, clientId, identity, ownIds))
      return { kind: 'ignore', reason: 'not-yours' };
    if (state !== null && !ownIds.has(clientId)) {
      claimed.add(clientId);
      if (ownIds.size + claimed.size > limits.maxPresenceIds)
        return { kind: 'refuse', reason: 'too-many-ids' };
    }
    const stated = context.reactions
      ? judgeReaction(state, awareness.states.get(clientId), context.reactions)
      : state;
    const shown = presentable(stated, identity, clientId);
    // Our clients already write what peers must see: their bytes pass as written, without a
    // second serialisation (presence is the busiest traffic of a room).
    kept.push({
      clientId,
      clock,
      state: shown === state ? bytes : string.encodeUtf8(JSON.stringify(shown)),
    });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness entries');
  if (kept.length === 0) return { kind: 'unchanged' };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarUint8Array(encoder, entry.state);
  }
  return { kind: 'apply', update: encoding.toUint8Array(encoder), claimed: [...claimed] };
}

/**
 * A connection may publish a client id it already uses, or one nobody shows. An id someone
 * shows is taken over only by the same person (a reconnect before the server noticed the old
 * socket died keeps its client id). Where nobody is identified, anyone may.
 */
function mayUse(
  awareness: Awareness,
  clientId: number,
  identity: AwarenessIdentity | undefined,
  ownIds: ReadonlySet<number>,
): boolean {
  if (!identity || ownIds.has(clientId)) return true;
  const current: unknown = awareness.states.get(clientId);
  return !isObject(current) || !isObject(current.user) || current.user.id === identity.id;
}

/** The state with the server's identity and renderable colours; `state` itself if unchanged. */
function presentable(
  state: unknown,
  identity: AwarenessIdentity | undefined,
  clientId: number,
): unknown {
  const stamped = identity ? stampIdentity(state, identity) : state;
  return withSafeColours(stamped, identity?.id ?? String(clientId));
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

export function isHexColour(value: unknown): boolean {
  return typeof value === 'string' && HEX_COLOUR.test(value);
}

/** A stable colour for a person (or a client id), so a replaced colour does not flicker. */
export const fallbackColour = colorForId;

/**
 * Replaces a present but non-hex `user.color` or `tldrawPresence.color` (a CSS value such as
 * `url(https://…)` would make every peer's browser fetch it). Returns `state` when both are fine.
 */
export function withSafeColours(state: unknown, seed: string): unknown {
  if (!isObject(state)) return state;
  const user = state.user;
  const presence = state[PRESENCE_FIELD];
  const fixUser = isObject(user) && 'color' in user && !isHexColour(user.color);
  const fixPresence = isObject(presence) && 'color' in presence && !isHexColour(presence.color);
  if (!fixUser && !fixPresence) return state;
  const colour = fallbackColour(seed);
  const safe: Record<string, unknown> = { ...state };
  if (fixUser) safe.user = { ...user, color: colour };
  if (fixPresence) safe[PRESENCE_FIELD] = { ...presence, color: colour };
  return safe;
}

/** Ids without a state are forgotten this long after their last update. */
export const FORGET_DEPARTED_AFTER_MS = 2 * outdatedTimeout;
const SWEEP_INTERVAL_MS = 10_000;
const lastSweep = new WeakMap<Awareness, number>();

/**
 * y-protocols keeps a `meta` entry (clock, time) for every client id it ever saw, even after
 * its state is removed: in a long-lived room each reload and each invented id would stay
 * forever. The clock only matters while echoes of a departed state may still arrive (the
 * official provider re-sends what it receives, within a round trip), so ids without a state
 * are forgotten FORGET_DEPARTED_AFTER_MS after their last update. Runs at most every
 * SWEEP_INTERVAL_MS per awareness; returns how many ids it forgot.
 */
export function forgetDepartedClients(awareness: Awareness, now = Date.now()): number {
  if (now - (lastSweep.get(awareness) ?? -Infinity) < SWEEP_INTERVAL_MS) return 0;
  lastSweep.set(awareness, now);
  let forgotten = 0;
  for (const [clientId, meta] of awareness.meta) {
    if (clientId === awareness.clientID || awareness.states.has(clientId)) continue;
    if (now - meta.lastUpdated < FORGET_DEPARTED_AFTER_MS) continue;
    awareness.meta.delete(clientId);
    forgotten++;
  }
  return forgotten;
}
