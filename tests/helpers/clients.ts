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
