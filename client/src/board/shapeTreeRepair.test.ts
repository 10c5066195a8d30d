import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBindingId, createShapeId, type TLRecord, type TLShape } from 'tldraw';
import {
  boardDocLayout,
  boardRecordsMap,
  createBoardSchema,
  createYRecord,
} from '@boussole/shared';
import { arrowEndProps } from '../../../shared/testing/fixtures.js';
import {
  PeerNetwork,
  createBoardStore,
  defaultPageId,
  putDefaultDocument,
  readBoardRecords,
} from '../../testing/boardPeers.js';
import { cardRecord } from '../../testing/cardRecords.js';
import { repairShapeTree, type RepairableRecord } from './shapeTreeRepair.js';
import { bindStoreToYDoc } from './yjsBinding.js';

const page = { id: 'page:p', typeName: 'page', index: 'a1' };
const shape = (id: string, parentId: string): RepairableRecord => ({
  id,
  typeName: 'shape',
  parentId,
});

/** The repair of `records` loaded at once into an empty store. */
function repairLoad(...records: RepairableRecord[]) {
  const repair = repairShapeTree({
    changes: new Map(records.map((r) => [r.id, r])),
    stored: () => undefined,
    storedRecords: () => [],
  });
  const byId = Object.fromEntries(repair.put.map((r) => [r.id, r]));
  return { ...repair, byId };
}

describe('repairShapeTree', () => {
  it('changes nothing on a sound board', () => {
    const records = [page, shape('shape:t', 'page:p'), shape('shape:c', 'shape:t')];
    const repair = repairLoad(...records);
    expect(repair.put).toEqual(records);
    expect(repair.remove).toEqual([]);
    expect(repair.repaired.size).toBe(0);
  });

  it('cuts each loop at one shape, the same in every tab, and puts it on the first page', () => {
    const repair = repairLoad(
      { ...page, id: 'page:second', index: 'a2' },
      page,
      shape('shape:self', 'shape:self'),
      shape('shape:b', 'shape:a'),
      shape('shape:a', 'shape:b'),
      shape('shape:in', 'shape:z'),
      shape('shape:x', 'shape:y'),
      shape('shape:y', 'shape:z'),
      shape('shape:z', 'shape:x'),
    );
    expect([...repair.repaired].sort()).toEqual(['shape:a', 'shape:self', 'shape:x']);
    expect(repair.byId['shape:self']?.parentId).toBe('page:p');
    expect(repair.byId['shape:a']?.parentId).toBe('page:p');
    expect(repair.byId['shape:b']?.parentId).toBe('shape:a');
    expect(repair.byId['shape:in']?.parentId).toBe('shape:z');
  });

  it('shows an orphan on the page and leaves out a binding to a missing shape', () => {
    const repair = repairLoad(
      page,
      shape('shape:o', 'shape:gone'),
      shape('shape:a', 'page:p'),
      { id: 'binding:x', typeName: 'binding', fromId: 'shape:a', toId: 'shape:gone' },
      { id: 'binding:ok', typeName: 'binding', fromId: 'shape:a', toId: 'shape:o' },
    );
    expect(repair.byId['shape:o']?.parentId).toBe('page:p');
    expect(repair.byId['binding:x']).toBeUndefined();
    expect(repair.byId['binding:ok']).toBeDefined();
    expect([...repair.repaired].sort()).toEqual(['binding:x', 'shape:o']);
  });

  it('judges what a removal leaves in the store, and what a change makes of it', () => {
    const stored = new Map<string, RepairableRecord>(
      [
        page,
        shape('shape:t', 'page:p'),
        shape('shape:c', 'shape:t'),
        shape('shape:d', 'page:p'),
      ].map((r) => [r.id, r]),
    );
    const repair = repairShapeTree({
      changes: new Map([
        ['shape:t', undefined],
        ['shape:d', shape('shape:d', 'shape:d')],
      ]),
      stored: (id) => stored.get(id),
      storedRecords: () => stored.values(),
    });
    expect(repair.remove).toEqual(['shape:t']);
    expect(Object.fromEntries(repair.put.map((r) => [r.id, r.parentId]))).toEqual({
      'shape:c': 'page:p',
      'shape:d': 'page:p',
    });
  });
});

let network: PeerNetwork | undefined;
afterEach(() => {
  network?.dispose();
  network = undefined;
});

describe('bindStoreToYDoc on a broken shape tree', () => {
  const shapeOf = (store: ReturnType<typeof createBoardStore>, id: string) =>
    store.get(createShapeId(id)) as TLShape | undefined;

  /** A document holding a sound board plus what an older server let through. */
  function brokenDocument() {
    const source = createBoardStore();
    putDefaultDocument(source);
    const cards = [
      cardRecord(source, 'observation', 'ok'),
      cardRecord(source, 'observation', 'self', { parentId: createShapeId('self') }),
      cardRecord(source, 'observation', 'a', { parentId: createShapeId('b') }),
      cardRecord(source, 'observation', 'b', { parentId: createShapeId('a') }),
    ];
    const doc = new Y.Doc();
    const records = boardRecordsMap(doc);
    doc.transact(() => {
      for (const record of [...source.allRecords(), ...cards])
        if (record.typeName !== 'instance' && !record.id.startsWith('camera'))
          records.set(record.id, createYRecord(record));
      records.set(
        'binding:x',
        createYRecord(
          createBoardSchema().types.binding.create({
            id: createBindingId('x'),
            type: 'arrow',
            fromId: createShapeId('ok'),
            toId: createShapeId('gone'),
            props: arrowEndProps,
          } as never),
        ),
      );
      doc.getMap(boardDocLayout.meta).set(boardDocLayout.schemaKey, source.schema.serialize());
    });
    return doc;
  }

  it('loads it repaired without writing the repair, then writes it with an edit of the shape', () => {
    const doc = brokenDocument();
    const before = readBoardRecords(doc);
    const store = createBoardStore();
    const binding = bindStoreToYDoc(store, doc);
    expect(shapeOf(store, 'self')?.parentId).toBe(defaultPageId);
    expect(shapeOf(store, 'a')?.parentId).toBe(defaultPageId);
    expect(shapeOf(store, 'b')?.parentId).toBe(createShapeId('a'));
    expect(store.get(createBindingId('x'))).toBeUndefined();
    expect(readBoardRecords(doc)).toEqual(before);

    // Moving the shape writes it as the person sees it: on the page, at its new place.
    const self = shapeOf(store, 'self')!;
    store.put([{ ...self, x: 640 } as TLRecord]);
    expect(readBoardRecords(doc)['shape:self']).toMatchObject({ x: 640, parentId: defaultPageId });
    // A remote change elsewhere keeps the other repairs shown.
    const ok = readBoardRecords(doc)['shape:ok']!;
    doc.transact(() =>
      boardRecordsMap(doc)
        .get('shape:ok')
        ?.set('x', (ok.x as number) + 1),
    );
    expect(shapeOf(store, 'a')?.parentId).toBe(defaultPageId);
    // Someone mends the loop: the store shows the document as it is again.
    doc.transact(() => boardRecordsMap(doc).get('shape:b')?.set('parentId', defaultPageId));
    expect(shapeOf(store, 'a')?.parentId).toBe(createShapeId('b'));
    expect(shapeOf(store, 'b')?.parentId).toBe(defaultPageId);
    binding.dispose();
    store.dispose();
  });

  it('shows no loop when two people move two shapes into each other at once', () => {
    const peers = new PeerNetwork();
    network = peers;
    const a = peers.addPeer('A', { clientId: 1, setup: putDefaultDocument });
    a.store.put([cardRecord(a.store, 'theme', 't1'), cardRecord(a.store, 'theme', 't2')]);
    const b = peers.addPeer('B', { clientId: 2, joinFrom: a });
    peers.deliverAll();

    a.store.put([{ ...shapeOf(a.store, 't1')!, parentId: createShapeId('t2') } as TLRecord]);
    b.store.put([{ ...shapeOf(b.store, 't2')!, parentId: createShapeId('t1') } as TLRecord]);
    peers.deliverAll();

    // Without a server both documents keep the loop; both tabs cut it at the same shape.
    for (const peer of [a, b]) {
      expect(readBoardRecords(peer.doc)['shape:t1']?.parentId).toBe('shape:t2');
      expect(readBoardRecords(peer.doc)['shape:t2']?.parentId).toBe('shape:t1');
      expect(shapeOf(peer.store, 't1')?.parentId).toBe(defaultPageId);
      expect(shapeOf(peer.store, 't2')?.parentId).toBe(createShapeId('t1'));
    }
  });
});
