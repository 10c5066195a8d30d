import * as encoding from 'lib0/encoding';
import { decodeFrame, encodeAwareness } from '@boussole/shared';

/**
 * Awareness frames as a crafted client writes them: any client id, clock and JSON state,
 * one entry per frame (the official provider would only ever speak for its own id).
 */
export function awarenessFrame(clientId: number, clock: number, json: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, json);
  return encodeAwareness(encoding.toUint8Array(e));
}

export function isAwarenessFrame(frame: Uint8Array): boolean {
  try {
    return decodeFrame(frame).kind === 'awareness';
  } catch {
    return false;
  }
}
