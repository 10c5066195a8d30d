import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createTLStore, defaultShapeUtils, type TLRecord } from 'tldraw';
import { boardRecordsMap, type BoardTemplateId } from '@boussole/shared';
import { boussoleShapeUtils } from '../board/shapes/index.js';
import { markTemplateApplied } from '../board/templates/applyTemplate.js';
import { bindStoreToYDoc } from '../board/yjsBinding.js';

export interface WriteBoardOptions {
  /** ws(s)://host/collab */
  serverUrl: string;
  docId: string;
  template: BoardTemplateId;
  records: TLRecord[];
  /** The provider's WebSocket class (Node tests pass `ws`); the browser's by default. */
  WebSocketPolyfill?: typeof WebSocket;
  timeoutMs?: number;
}

function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out: ${what}`));
      setTimeout(tick, 100);
    };
    tick();
  });
}

function connect(options: WriteBoardOptions, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(options.serverUrl, options.docId, doc, {
    disableBc: true,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  });
}

/**
 * Writes `records` into a board through the same tldraw ⇄ Yjs binding the board page uses, and
 * resolves only once a second, fresh connection sees every one of them: the server sends
 * nothing it has not committed, so at that point the board is on disk.
 */
export async function writeBoard(options: WriteBoardOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const doc = new Y.Doc();
  const writer = connect(options, doc);
  const check = new Y.Doc();
  let checker: WebsocketProvider | undefined;
  try {
    await waitFor(() => writer.synced, timeoutMs, 'connection to the board');
    const store = createTLStore({ shapeUtils: [...defaultShapeUtils, ...boussoleShapeUtils] });
    const binding = bindStoreToYDoc(store, doc);
    markTemplateApplied(doc, options.template);
    store.put(options.records);
    checker = connect(options, check);
    const ids = options.records.map((record) => record.id);
    const written = boardRecordsMap(check);
    await waitFor(
      () => ids.every((id) => written.has(id)),
      timeoutMs,
      'the server to keep every card',
    );
    binding.dispose();
  } finally {
    checker?.destroy();
    writer.destroy();
    check.destroy();
    doc.destroy();
  }
}
