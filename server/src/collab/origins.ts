/**
 * Why a Yjs transaction happened. Every applyUpdate / transact on a room's document passes one
 * of these as its origin, so that handlers can tell a client's edit (persist and broadcast it)
 * from the document being loaded (do neither).
 */
export type TxOrigin =
  | { kind: 'client'; connectionId: number }
  | { kind: 'storage' }
  | { kind: 'server' }
  | { kind: 'peer-instance' };

export const storageOrigin: TxOrigin = { kind: 'storage' };
export const serverOrigin: TxOrigin = { kind: 'server' };
export const clientOrigin = (connectionId: number): TxOrigin => ({ kind: 'client', connectionId });
