import * as Y from 'yjs';

/**
 * A Yjs update that depends on content nobody will ever send: a struct of `clientId` at clock
 * 1, whose clock 0 stays with the sender. The server can only keep it pending — what a hostile
 * guest uses to make a room hold (and, unbounded, re-merge and resend) bytes nobody sees.
 */
export function gappedUpdate(clientId: number, payloadBytes: number, root = 'flood'): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const map = doc.getMap(root);
  map.set('first', 'withheld');
  let second: Uint8Array | undefined;
  doc.on('update', (update: Uint8Array) => {
    second = update;
  });
  map.set('second', 'x'.repeat(payloadBytes));
  doc.destroy();
  if (!second) throw new Error('no update captured');
  return second;
}

/** Bytes of pending content a document holds: what encodeStateAsUpdate would resend. */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}
