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

export interface ClientOptions {
  doc?: Y.Doc;
  connect?: boolean;
  /** The `Cookie` header a browser would send: a staff session or a guest's link cookie. */
  cookie?: string;
}

/**
 * `ws` as the provider's WebSocket, sending the cookie a browser would send with the upgrade
 * (the provider itself only passes a URL).
 */
export function webSocketWithCookie(cookie: string | undefined): typeof globalThis.WebSocket {
  if (!cookie) return WebSocket as unknown as typeof globalThis.WebSocket;
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

/** The unmodified official y-websocket provider, in Node, with `ws` as its WebSocket. */
export function connectClient(
  collabUrl: string,
  docId: string,
  options: ClientOptions = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, docId, doc, {
    WebSocketPolyfill: webSocketWithCookie(options.cookie),
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
  options: ClientOptions & { timeoutMs?: number } = {},
): Promise<TestClient> {
  const client = connectClient(collabUrl, docId, options);
  await waitFor(() => client.provider.synced, {
    timeoutMs: options.timeoutMs ?? 10_000,
    what: `client synced on ${docId}`,
  });
  return client;
}
