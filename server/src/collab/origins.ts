import type { RoomPeer } from './types.js';

/**
 * Why a Yjs or awareness transaction happened. Every change to a room's document or awareness
 * passes one of these as its origin, so a handler can tell a participant's change (whose
 * presence ids it owns) from the document being loaded or the server's own change.
 * Another server instance's changes ('peer-instance') come with fan-out, when it exists.
 */
export type TxOrigin = ClientOrigin | { kind: 'storage' } | { kind: 'server' };

export interface ClientOrigin {
  kind: 'client';
  peer: RoomPeer;
}

export const storageOrigin: TxOrigin = { kind: 'storage' };
export const serverOrigin: TxOrigin = { kind: 'server' };
export const clientOrigin = (peer: RoomPeer): ClientOrigin => ({ kind: 'client', peer });

/** y-protocols also passes origins of its own (the string 'timeout' for expired states). */
export function isClientOrigin(origin: unknown): origin is ClientOrigin {
  return typeof origin === 'object' && origin !== null && (origin as TxOrigin).kind === 'client';
}
