import * as encoding from 'lib0/encoding';

const messageAwareness = 1;

/** Who the server says a client is (Boussole); the reference server has no such notion. */
export interface BenchIdentity {
  id: string;
  name: string;
}

export interface CursorState {
  user: { id?: string; name: string; color: string };
  cursor: { x: number; y: number };
}

const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

/**
 * A client's user field. With Boussole's identity it is what Boussole's own clients publish
 * (the identity the server stamps, which it then relays as written); without, a name per client.
 */
export function userFor(index: number, identity?: BenchIdentity): CursorState['user'] {
  const color = colors[index % colors.length]!;
  return identity
    ? { id: identity.id, name: identity.name, color }
    : { name: `Participant ${index}`, color };
}

/** A cursor that wanders in a circle, so every awareness update really changes the state. */
export function cursorAt(index: number, tick: number): CursorState['cursor'] {
  const angle = (tick + index) / 10;
  return { x: Math.round(500 + 300 * Math.cos(angle)), y: Math.round(400 + 200 * Math.sin(angle)) };
}

/**
 * One awareness frame for one client, encoded by hand exactly as y-protocols does
 * (messageAwareness, then [count, clientID, clock, JSON state]), without an Awareness instance.
 */
export function encodeAwarenessFrame(
  clientId: number,
  clock: number,
  state: CursorState,
): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, messageAwareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}
