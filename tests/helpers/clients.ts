import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { waitFor } from './wait.js';

// Each Node provider adds a process 'exit' listener; tests open dozens of them on purpose.
process.setMaxListeners(0);

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** The unmodified official y-websocket provider, in Node, with `ws` as its WebSocket. */
export function connectClient(
  collabUrl: string,
  docId: string,
  options: { doc?: Y.Doc; connect?: boolean } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, docId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function connectSynced(
  collabUrl: string,
  docId: string,
  options: { doc?: Y.Doc; timeoutMs?: number } = {},
): Promise<TestClient> {
  const client = connectClient(collabUrl, docId, options);
  await waitFor(() => client.provider.synced, {
    timeoutMs: options.timeoutMs ?? 10_000,
    what: `client synced on ${docId}`,
  });
  return client;
}

export function encodedState(doc: Y.Doc): Buffer {
  return Buffer.from(Y.encodeStateAsUpdate(doc));
}

/** Equal documents, compared by their full content (struct store and delete set). */
export function sameContent(a: Y.Doc, b: Y.Doc): boolean {
  // Encoded state may order clients differently; comparing the state vectors and the diff
  // against each other's vector is order-independent.
  const diffAB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const diffBA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  return (
    Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) &&
    isEmptyUpdate(diffAB) &&
    isEmptyUpdate(diffBA) &&
    deleteSetsEqual(a, b)
  );
}

function isEmptyUpdate(update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}

function deleteSetsEqual(a: Y.Doc, b: Y.Doc): boolean {
  const ds = (doc: Y.Doc) => {
    const set = Y.createDeleteSetFromStructStore(doc.store);
    return JSON.stringify(
      [...set.clients.entries()]
        .sort(([x], [y]) => x - y)
        .map(([client, items]) => [client, items.map((i) => [i.clock, i.len])]),
    );
  };
  return ds(a) === ds(b);
}
