import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { decodePermissionDenied } from '@boussole/shared';
import { createBoardStore } from '../../client/testing/boardPeers.js';
import { bindStoreToYDoc, type RejectedRecord } from '../../client/src/board/yjsBinding.js';
import { waitFor } from './wait.js';

/** tldraw's store type, named through the client code (tests do not depend on tldraw). */
type TLStore = ReturnType<typeof createBoardStore>;

/**
 * Board clients in Node for content-validation tests: the official provider, signed in with a
 * cookie, recording why the server refused what it wrote; and a person's tab, i.e. a tldraw
 * store bound to the document by the real binding.
 */

export interface BoardClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Reasons of the permission-denied (messageAuth) frames this client received. */
  denials: string[];
  destroy(): void;
}

/** `ws` with the person's cookie, recording the permission-denied frames the server sends. */
function recordingWebSocket(cookie: string, denials: string[]): typeof globalThis.WebSocket {
  class RecordingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
      this.on('message', (data: Buffer | ArrayBuffer) => {
        const reason = decodePermissionDenied(new Uint8Array(data as ArrayBuffer));
        if (reason !== undefined) denials.push(reason);
      });
    }
  }
  return RecordingWebSocket as unknown as typeof globalThis.WebSocket;
}

export async function connectBoard(
  collabUrl: string,
  docId: string,
  cookie: string,
): Promise<BoardClient> {
  const doc = new Y.Doc();
  const denials: string[] = [];
  const provider = new WebsocketProvider(collabUrl, docId, doc, {
    WebSocketPolyfill: recordingWebSocket(cookie, denials),
    disableBc: true,
  });
  await waitFor(() => provider.synced, { what: `synced on ${docId}` });
  return {
    doc,
    provider,
    denials,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A person's tab: the real binding between a tldraw store and the board's Y.Doc. */
export interface BoardTab {
  store: TLStore;
  /** Records of the document the store refused: none, on a board the server guards. */
  rejections: RejectedRecord[];
}

export function bindTab(client: BoardClient): BoardTab {
  const store = createBoardStore();
  const rejections: RejectedRecord[] = [];
  bindStoreToYDoc(store, client.doc, { onRejectedRecord: (r) => rejections.push(r) });
  return { store, rejections };
}
