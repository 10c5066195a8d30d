import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The awareness field holding a person's tldraw presence (client/src/board/awarenessBinding). */
const PRESENCE_FIELD = 'tldrawPresence';

export interface AwarenessIdentity {
  id: string;
  name: string;
}

export class AwarenessRefused extends Error {}

/**
 * Rewrites an awareness update so that every state it carries shows the identity the server
 * gave this connection (its session or invitation link), whatever the client wrote: a
 * participant cannot appear under someone else's name. The identity goes into `user` and into
 * the tldraw presence (`userId`, `userName`), which is what cursors and the people list show.
 *
 * `mayUse(clientId)` says whether this connection may publish that awareness client id; an
 * update speaking for another participant's id is refused as a whole (nothing applied).
 * Throws AwarenessRefused for that, and any decoding error for a malformed update.
 */
export function stampAwarenessIdentity(
  update: Uint8Array,
  identity: AwarenessIdentity,
  mayUse: (clientId: number) => boolean,
): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const entries = decoding.readVarUint(decoder);
  encoding.writeVarUint(encoder, entries);
  for (let i = 0; i < entries; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const state: unknown = JSON.parse(json);
    if (!mayUse(clientId)) throw new AwarenessRefused(`awareness client ${clientId} is not yours`);
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    // Our clients already show the identity the server gave them: their state passes as
    // written, without a second serialisation (presence is the busiest traffic of a room).
    encoding.writeVarString(
      encoder,
      showsIdentity(state, identity) ? json : JSON.stringify(stamp(state, identity)),
    );
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness entries');
  return encoding.toUint8Array(encoder);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when stamping would change nothing in this state. */
function showsIdentity(state: unknown, identity: AwarenessIdentity): boolean {
  if (!isObject(state)) return true;
  const user = state.user;
  if (!isObject(user) || user.id !== identity.id || user.name !== identity.name) return false;
  const presence = state[PRESENCE_FIELD];
  return (
    !isObject(presence) ||
    (presence.userId === `user:${identity.id}` && presence.userName === identity.name)
  );
}

function stamp(state: unknown, identity: AwarenessIdentity): unknown {
  // null is how a client says it left; anything else that is not an object carries no identity
  // a peer would display, and is passed through as is.
  if (!isObject(state)) return state;
  const stamped: Record<string, unknown> = {
    ...state,
    // Other fields of `user` (the caret colour the editor shows) are the client's to choose.
    user: { ...(isObject(state.user) ? state.user : {}), id: identity.id, name: identity.name },
  };
  const presence = state[PRESENCE_FIELD];
  if (isObject(presence)) {
    // tldraw's presence validator wants its own user-id shape, `user:<id>`.
    stamped[PRESENCE_FIELD] = {
      ...presence,
      userId: `user:${identity.id}`,
      userName: identity.name,
    };
  }
  return stamped;
}
