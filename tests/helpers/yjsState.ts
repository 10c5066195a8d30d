import * as Y from 'yjs';

/**
 * A document's full state (structs and delete set) in a canonical encoding: re-encoding
 * through a fresh doc fixes the order of clients and the splitting of structs, so two
 * documents with the same content give the same bytes whatever path their updates took.
 */
export function canonicalState(source: Y.Doc | Uint8Array[]): Buffer {
  const fresh = new Y.Doc();
  const updates = source instanceof Y.Doc ? [Y.encodeStateAsUpdate(source)] : source;
  Y.transact(fresh, () => {
    for (const update of updates) Y.applyUpdate(fresh, update);
  });
  const out = Buffer.from(Y.encodeStateAsUpdate(fresh));
  fresh.destroy();
  return out;
}
