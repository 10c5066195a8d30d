// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createShapeId, toRichText, type TLRecord, type TLShape } from 'tldraw';
import { cardKinds, createBoardSchema } from '@boussole/shared';
import { createBoardStore } from '../../../testing/boardPeers.js';
import { cardRecord } from '../../../testing/cardRecords.js';
import { createJsdomEditor } from '../../../testing/jsdomEditor.js';

/**
 * The server validates board content with `createBoardSchema()` (no React, no DOM); the client
 * store is built from ShapeUtil classes. If they drifted apart, the server would refuse cards
 * the client writes, or accept records the client cannot load.
 */
describe('the board schema shared with the server', () => {
  it('serializes exactly like the client store schema', () => {
    expect(createBoardSchema().serialize()).toEqual(createBoardStore().schema.serialize());
  });

  it('has the same record types and shape types as the client store', () => {
    const server = createBoardSchema();
    const client = createBoardStore().schema;
    expect(Object.keys(server.types).sort()).toEqual(Object.keys(client.types).sort());
    for (const kind of cardKinds) {
      expect(server.types.shape.validate(cardRecordFor(kind))).toBeTruthy();
    }
  });

  it('accepts every record a real editor writes, and refuses what the store refuses', () => {
    const editor = createJsdomEditor();
    try {
      const [a, b] = [createShapeId('a'), createShapeId('b')];
      editor.createShapes([
        { id: a, type: 'geo', x: 0, y: 0, props: { color: 'blue', w: 100, h: 80 } },
        { id: b, type: 'note', x: 400, y: 0 },
        { type: 'text', x: 0, y: 300, props: { richText: toRichText('Consigne') } },
        ...cardKinds.map((kind, i) => ({ type: kind, x: 200 * i, y: 600 })),
      ]);
      // An arrow bound to two shapes: binding records, as drawing one on the board makes.
      const arrow = createShapeId('arrow');
      editor.createShape({ id: arrow, type: 'arrow', x: 100, y: 40 });
      editor.createBindings(
        (['start', 'end'] as const).map((terminal) => ({
          type: 'arrow' as const,
          fromId: arrow,
          toId: terminal === 'start' ? a : b,
          props: { terminal },
        })),
      );
      const records = editor.store.allRecords();
      expect(records.some((r) => r.typeName === 'binding')).toBe(true);

      const server = createBoardSchema();
      for (const record of records) {
        const type = server.types[record.typeName];
        expect(type, record.typeName).toBeDefined();
        expect(() => type?.validate(record), record.id).not.toThrow();
      }

      const observation = records.find(
        (r) => r.typeName === 'shape' && r.type === 'observation',
      ) as TLShape<'observation'>;
      const bad = [
        { ...observation, props: { ...observation.props, source: 'blog' } },
        { ...observation, type: 'sticker' },
      ] as unknown as TLRecord[];
      for (const record of bad) {
        expect(() => server.types.shape.validate(record)).toThrow();
        expect(() => editor.store.put([record])).toThrow();
      }
    } finally {
      editor.dispose();
      document.body.innerHTML = '';
    }
  });
});

function cardRecordFor(kind: (typeof cardKinds)[number]) {
  const store = createBoardStore();
  return cardRecord(store, kind, kind);
}
