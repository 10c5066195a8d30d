import type * as Y from 'yjs';
import {
  PageRecordType,
  createShapeId,
  createTLStore,
  defaultShapeUtils,
  getIndices,
} from 'tldraw';
import { boussoleShapeUtils } from '../src/board/shapes/index.js';
import { bindStoreToYDoc } from '../src/board/yjsBinding.js';

/**
 * Fills a board's Y.Doc with `n` observation cards in a grid, through the same binding the
 * browser uses (benchmarks and load tests; the cards are realistic in size).
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
    Array.from({ length: n }, (_, i) => ({
      id: createShapeId(`O${i}`),
      typeName: 'shape' as const,
      type: 'observation' as const,
      x: (i % columns) * 260,
      y: Math.floor(i / columns) * 180,
      rotation: 0,
      index: indices[i] as (typeof indices)[number],
      parentId: pageId,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: {
        w: 240,
        h: 160,
        verbatim: `Verbatim n° ${i} : « Le car passe trop tôt, je ne peux pas aller au travail. »`,
        source: 'entretien' as const,
        public: 'jeunes 16-25 ans',
        commune: 'Rochebrune',
        date: '2026-04-02',
      },
    })),
  );
  binding.dispose();
}
