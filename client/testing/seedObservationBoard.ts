import type * as Y from 'yjs';
import { PageRecordType, createTLStore, defaultShapeUtils, getIndices } from 'tldraw';
import { boussoleShapeUtils } from '../src/board/shapes/index.js';
import { bindStoreToYDoc } from '../src/board/yjsBinding.js';
import { cardRecord } from './cardRecords.js';

/**
 * Fills a board's Y.Doc with `n` observation cards in a grid, through the same binding the
 * browser uses (benchmarks and load tests; the cards are realistic in size, with the sample
 * observation's fields).
 */
export function seedObservationBoard(doc: Y.Doc, n: number): void {
  // tldraw batches store listeners per animation frame; Node has none, so give it timers.
  globalThis.requestAnimationFrame ??= (callback) =>
    setTimeout(() => callback(performance.now()), 16) as unknown as number;
  globalThis.cancelAnimationFrame ??= (handle) => clearTimeout(handle);
  const store = createTLStore({ shapeUtils: [...defaultShapeUtils, ...boussoleShapeUtils] });
  const binding = bindStoreToYDoc(store, doc);
  // Without an editor the store has no page yet: create the one an editor would create.
  const pageId = PageRecordType.createId('page');
  if (!store.get(pageId)) {
    store.put([PageRecordType.create({ id: pageId, name: 'Page 1', index: 'a1' as never })]);
  }
  const columns = Math.ceil(Math.sqrt(n));
  const indices = getIndices(n);
  store.put(
    Array.from({ length: n }, (_, i) =>
      cardRecord(store, 'observation', `O${i}`, {
        x: (i % columns) * 260,
        y: Math.floor(i / columns) * 180,
        index: indices[i],
        parentId: pageId,
        props: {
          verbatim: `Verbatim n° ${i} : « Le car passe trop tôt, je ne peux pas aller au travail. »`,
        },
      }),
    ),
  );
  binding.dispose();
}
