/** The awareness field holding a person's tldraw presence (client/src/board/awarenessBinding). */
export const PRESENCE_FIELD = 'tldrawPresence';

export interface AwarenessIdentity {
  id: string;
  name: string;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The state as peers must see it: showing the identity the server gave this connection (its
 * session or invitation link), whatever the client wrote, so a participant cannot appear under
 * someone else's name. The identity goes into `user` and into the tldraw presence (`userId`,
 * `userName`), which is what cursors and the people list show.
 *
 * Returns `state` itself when it already shows that identity (our clients write it so): the
 * caller then relays the client's bytes without a second serialisation.
 */
export function stampIdentity(state: unknown, identity: AwarenessIdentity): unknown {
  // null is how a client says it left; anything else that is not an object carries no identity
  // a peer would display, and is passed through as is.
  if (!isObject(state) || showsIdentity(state, identity)) return state;
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

/** True when stamping would change nothing in this state. */
function showsIdentity(state: Record<string, unknown>, identity: AwarenessIdentity): boolean {
  const user = state.user;
  if (!isObject(user) || user.id !== identity.id || user.name !== identity.name) return false;
  const presence = state[PRESENCE_FIELD];
  return (
    !isObject(presence) ||
    (presence.userId === `user:${identity.id}` && presence.userName === identity.name)
  );
}
