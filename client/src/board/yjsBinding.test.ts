import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createShapeId, type TLShape } from 'tldraw';
import { boardDocLayout, boardRecordsMap, createYRecord } from '@boussole/shared';
import {
  PeerNetwork,
  createBoardStore,
  defaultPageId,
  documentRecordsOf,
  networkOrigin,
  putDefaultDocument,
  readBoardRecords,
} from '../../testing/boardPeers.js';
import { cardRecord, sampleProps } from '../../testing/cardRecords.js';
import { BoardSchemaTooNewError, bindStoreToYDoc, type RejectedRecord } from './yjsBinding.js';

let network: PeerNetwork | undefined;
afterEach(() => {
  network?.dispose();
  network = undefined;
});

/** Two peers in sync on a board holding one observation card. */
function twoPeersWithAnObservation() {
  const peers = new PeerNetwork();
  network = peers;
  const a = peers.addPeer('A', { clientId: 1, setup: putDefaultDocument });
  a.store.put([cardRecord(a.store, 'observation', 'card')]);
  const b = peers.addPeer('B', { clientId: 2, joinFrom: a });
  peers.deliverAll();
  return { network: peers, a, b, id: createShapeId('card') };
}

function observation(store: ReturnType<typeof createBoardStore>, id = createShapeId('card')) {
  return store.get(id) as TLShape<'observation'> | undefined;
}

describe('bindStoreToYDoc: concurrent edits of one card', () => {
  it('keeps a move on one side and a text edit on the other', () => {
    const { network, a, b, id } = twoPeersWithAnObservation();
    const cardA = observation(a.store, id);
    const cardB = observation(b.store, id);
    if (!cardA || !cardB) throw new Error('the card should be on both boards');

    a.store.put([{ ...cardA, x: 480, y: 120 }]);
    b.store.put([{ ...cardB, props: { ...cardB.props, verbatim: 'Le car passe trop tôt.' } }]);
    network.deliverAll();

    for (const peer of [a, b]) {
      expect(observation(peer.store, id)).toMatchObject({
        x: 480,
        y: 120,
        props: { verbatim: 'Le car passe trop tôt.' },
      });
      expect(readBoardRecords(peer.doc)[id]).toEqual(observation(peer.store, id));
    }
  });

  it('keeps two edits of different props of the same card', () => {
    const { network, a, b, id } = twoPeersWithAnObservation();
    const cardA = observation(a.store, id);
    const cardB = observation(b.store, id);
    if (!cardA || !cardB) throw new Error('the card should be on both boards');

    a.store.put([{ ...cardA, props: { ...cardA.props, source: 'permanence' } }]);
    b.store.put([{ ...cardB, props: { ...cardB.props, commune: 'Saint-Aubin-sur-Arvière' } }]);
    network.deliverAll();

    for (const peer of [a, b]) {
      expect(observation(peer.store, id)?.props).toMatchObject({
        source: 'permanence',
        commune: 'Saint-Aubin-sur-Arvière',
      });
    }
  });

  it('lets a deletion win over a concurrent edit, on both sides', () => {
    const { network, a, b, id } = twoPeersWithAnObservation();
    const cardB = observation(b.store, id);
    if (!cardB) throw new Error('the card should be on B');
    a.store.remove([id]);
    b.store.put([{ ...cardB, x: 999 }]);
    network.deliverAll();
    expect(observation(a.store, id)).toBeUndefined();
    expect(observation(b.store, id)).toBeUndefined();
    expect(readBoardRecords(a.doc)[id]).toBeUndefined();
  });
});

describe('bindStoreToYDoc: remote changes', () => {
  it('applies a remote change to the store without writing anything back', () => {
    const { network, a, b, id } = twoPeersWithAnObservation();
    const cardA = observation(a.store, id);
    if (!cardA) throw new Error('the card should be on A');
    a.store.put([{ ...cardA, props: { ...cardA.props, verbatim: 'Nouveau verbatim' } }]);

    const written: unknown[] = [];
    b.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== networkOrigin) written.push(origin);
    });
    const stateBefore = Y.encodeStateVector(b.doc);
    const pending = network.queue(b, a).splice(0);
    expect(pending.length).toBeGreaterThan(0);
    network.applyTo(b, pending);

    expect(observation(b.store, id)?.props.verbatim).toBe('Nouveau verbatim');
    expect(written).toEqual([]);
    // B's own clock did not move: it authored nothing while applying A's change.
    expect(Y.decodeStateVector(Y.encodeStateVector(b.doc)).get(b.doc.clientID)).toBe(
      Y.decodeStateVector(stateBefore).get(b.doc.clientID),
    );
    expect(network.queue(a, b)).toEqual([]);
  });

  it('carries the removal of a meta key to the other side', () => {
    const { network, a, b, id } = twoPeersWithAnObservation();
    const card = observation(a.store, id);
    if (!card) throw new Error('the card should be on A');
    a.store.put([{ ...card, meta: { votes: 3, author: 'alice' } }]);
    network.deliverAll();
    expect(observation(b.store, id)?.meta).toEqual({ votes: 3, author: 'alice' });

    a.store.put([{ ...card, meta: { author: 'alice' } }]);
    network.deliverAll();
    expect(observation(b.store, id)?.meta).toEqual({ author: 'alice' });
    expect(readBoardRecords(b.doc)[id]?.['meta']).toEqual({ author: 'alice' });
  });

  it('sends one local change as one Yjs update', () => {
    const { a, id } = twoPeersWithAnObservation();
    const updates: unknown[] = [];
    a.doc.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin));
    const card = observation(a.store, id);
    if (!card) throw new Error('the card should be on A');
    a.store.put([
      { ...card, x: 10, props: { ...card.props, verbatim: 'un', date: '' } },
      cardRecord(a.store, 'hypothesis', 'h1'),
    ]);
    expect(updates).toEqual([a.binding.origin]);
  });

  it('holds a card caught half-updated by out-of-order updates, then applies it whole', () => {
    const { network, a, b, id } = twoPeersWithAnObservation();
    const card = observation(a.store, id);
    if (!card) throw new Error('the card should be on A');
    a.store.put([{ ...card, y: 50 }]);
    a.store.put([{ ...card, x: 60, y: 50 }]);
    const [first, second] = network.queue(b, a).splice(0);
    if (!first || !second) throw new Error('A should have sent two updates');

    // The second update arrives first: it deletes the old x, but its new x waits for the first.
    network.applyTo(b, [second]);
    expect(readBoardRecords(b.doc)[id]).not.toHaveProperty('x');
    expect(observation(b.store, id)).toMatchObject({ x: 0, y: 0 });
    expect(b.rejections).toEqual([
      expect.objectContaining({ id, reason: 'invalid', whileUpdatesPending: true }),
    ]);

    network.applyTo(b, [first]);
    expect(observation(b.store, id)).toMatchObject({ x: 60, y: 50 });
    expect(documentRecordsOf(b.store)).toEqual(readBoardRecords(b.doc));
  });

  it('skips and reports a remote record that does not validate, and keeps syncing the rest', () => {
    const { network, a, b, id } = twoPeersWithAnObservation();
    const rejected: RejectedRecord[] = b.rejections;
    // Someone writes a status no client would write, straight into the shared document.
    a.doc.transact(() => {
      const props = boardRecordsMap(a.doc).get(id)?.get('props');
      if (!(props instanceof Y.Map)) throw new Error('props should be a nested map');
      props.set('source', 'rumeur');
    }, 'intruder');
    const cardA = observation(a.store, id);
    expect(cardA?.props.source).toBe('entretien');
    a.store.put([cardRecord(a.store, 'theme', 'theme')]);
    network.deliverAll();

    expect(observation(b.store, id)?.props.source).toBe('entretien');
    expect(b.store.get(createShapeId('theme'))).toBeDefined();
    expect(rejected.map((r) => [r.id, r.reason])).toContainEqual([id, 'invalid']);
    expect(String((rejected[0]?.error as Error | undefined)?.message)).toMatch(/source/);
  });
});

describe('bindStoreToYDoc: loading', () => {
  it('writes the store and its schema into an empty document', () => {
    const store = createBoardStore();
    putDefaultDocument(store);
    store.put([cardRecord(store, 'hypothesis', 'h1')]);
    const doc = new Y.Doc();
    const binding = bindStoreToYDoc(store, doc);
    expect(readBoardRecords(doc)).toEqual(documentRecordsOf(store));
    expect(doc.getMap(boardDocLayout.meta).get(boardDocLayout.schemaKey)).toEqual(
      store.schema.serialize(),
    );
    // Stored field by field: props is a nested map, not one value.
    expect(boardRecordsMap(doc).get(createShapeId('h1'))?.get('props')).toBeInstanceOf(Y.Map);
    binding.dispose();
  });

  it('replaces the store’s document records with the document’s', () => {
    const source = createBoardStore();
    putDefaultDocument(source);
    source.put([cardRecord(source, 'theme', 'mobilite')]);
    const doc = new Y.Doc();
    bindStoreToYDoc(source, doc).dispose();

    const store = createBoardStore();
    putDefaultDocument(store);
    const otherPage = {
      ...store.get(defaultPageId)!,
      id: 'page:brouillon' as typeof defaultPageId,
      name: 'Brouillon',
    };
    store.put([otherPage, cardRecord(store, 'observation', 'local-only')]);
    const binding = bindStoreToYDoc(store, doc);

    expect(documentRecordsOf(store)).toEqual(readBoardRecords(doc));
    expect(store.get(createShapeId('local-only'))).toBeUndefined();
    expect(store.get(otherPage.id)).toBeUndefined();
    expect(store.get(createShapeId('mobilite'))).toMatchObject({
      props: { label: 'Se déplacer sans voiture' },
    });
    binding.dispose();
  });

  it('migrates records written with an older card schema, and upgrades the document', () => {
    const store = createBoardStore();
    const current = store.schema.serialize();
    const older = {
      ...current,
      sequences: { ...current.sequences, 'com.tldraw.shape.observation': 0 },
    };
    const { date: _date, ...v0Props } = sampleProps.observation;
    const v0Card = { ...cardRecord(store, 'observation', 'old'), props: v0Props };

    const doc = new Y.Doc();
    doc.transact(() => {
      const seed = createBoardStore();
      putDefaultDocument(seed);
      for (const record of Object.values(documentRecordsOf(seed)))
        boardRecordsMap(doc).set(record.id, createYRecord(record));
      boardRecordsMap(doc).set(v0Card.id, createYRecord(v0Card));
      doc.getMap(boardDocLayout.meta).set(boardDocLayout.schemaKey, older);
    });

    const binding = bindStoreToYDoc(store, doc);
    expect(store.get(v0Card.id)).toMatchObject({ props: { ...v0Props, date: '' } });
    expect(readBoardRecords(doc)[v0Card.id]).toMatchObject({ props: { date: '' } });
    expect(doc.getMap(boardDocLayout.meta).get(boardDocLayout.schemaKey)).toEqual(current);
    binding.dispose();
  });

  it('migrates a record arriving live from a writer that declares an older schema', () => {
    const { network, a, b } = twoPeersWithAnObservation();
    const current = a.store.schema.serialize();
    const { date: _date, ...v0Props } = sampleProps.observation;
    const v0Card = { ...cardRecord(a.store, 'observation', 'from-old-tab'), props: v0Props };
    a.doc.transact(() => {
      a.doc.getMap(boardDocLayout.meta).set(boardDocLayout.schemaKey, {
        ...current,
        sequences: { ...current.sequences, 'com.tldraw.shape.observation': 0 },
      });
      boardRecordsMap(a.doc).set(v0Card.id, createYRecord(v0Card));
    }, 'old-tab');
    network.deliverAll();
    expect(b.store.get(v0Card.id)).toMatchObject({ props: { ...v0Props, date: '' } });
    expect(b.rejections).toEqual([]);
  });

  it('refuses a board saved by a newer version and leaves the store alone', () => {
    const store = createBoardStore();
    putDefaultDocument(store);
    const before = documentRecordsOf(store);
    const current = store.schema.serialize();
    const doc = new Y.Doc();
    doc.transact(() => {
      boardRecordsMap(doc).set('shape:x', createYRecord(cardRecord(store, 'theme', 'x')));
      doc.getMap(boardDocLayout.meta).set(boardDocLayout.schemaKey, {
        ...current,
        sequences: { ...current.sequences, 'com.tldraw.shape.theme': 7 },
      });
    });
    expect(() => bindStoreToYDoc(store, doc)).toThrow(BoardSchemaTooNewError);
    expect(documentRecordsOf(store)).toEqual(before);
    // Not bound: a later local edit does not reach the document.
    store.put([cardRecord(store, 'theme', 'after')]);
    expect(readBoardRecords(doc)['shape:after']).toBeUndefined();
  });

  it('stops syncing once disposed', () => {
    const { network, a, b, id } = twoPeersWithAnObservation();
    b.binding.dispose();
    const cardA = observation(a.store, id);
    if (!cardA) throw new Error('the card should be on A');
    a.store.put([{ ...cardA, x: 77 }]);
    network.deliverAll();
    expect(observation(b.store, id)?.x).toBe(0);
    expect(readBoardRecords(b.doc)[id]).toMatchObject({ x: 77 });
  });
});
