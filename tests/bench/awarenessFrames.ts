import * as encoding from 'lib0/encoding';

const messageAwareness = 1;

export interface CursorState {
  user: { name: string; color: string };
  cursor: { x: number; y: number };
}

const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

export function userFor(index: number): CursorState['user'] {
  return { name: `Participant ${index}`, color: colors[index % colors.length]! };
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
