import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createShapeId, type TLShape } from 'tldraw';
import {
  PeerNetwork,
  documentRecordsOf,
  putDefaultDocument,
  readBoardRecords,
} from '../../testing/boardPeers.js';
import { cardRecord } from '../../testing/cardRecords.js';
import {
  installFakeAnimationFrames,
  type FakeAnimationFrames,
} from '../../testing/fakeAnimationFrames.js';

/**
 * In a browser a local edit reaches the binding one animation frame after it was made. A
 * remote change can land in between; neither must be lost, and the store must still end up
 * equal to the document.
 */

let frames: FakeAnimationFrames;
let network: PeerNetwork | undefined;
beforeAll(() => {
  frames = installFakeAnimationFrames();
});
afterAll(() => frames.uninstall());
afterEach(() => {
  frames.runFrames();
  network?.dispose();
  network = undefined;
});

function twoPeers() {
  const peers = new PeerNetwork();
  network = peers;
  const a = peers.addPeer('A', { clientId: 1, setup: putDefaultDocument });
  a.store.put([cardRecord(a.store, 'observation', 'card')]);
  frames.runFrames();
  const b = peers.addPeer('B', { clientId: 2, joinFrom: a });
  peers.deliverAll();
  frames.runFrames();
  return { peers, a, b, id: createShapeId('card') };
}

describe('bindStoreToYDoc with store listeners on the next frame', () => {
  it('keeps a local edit still waiting for its frame when a remote edit of the same card arrives', () => {
    const { peers, a, b, id } = twoPeers();
    const cardA = a.store.get(id) as TLShape<'observation'>;
    const cardB = b.store.get(id) as TLShape<'observation'>;

    b.store.put([{ ...cardB, props: { ...cardB.props, verbatim: 'Le car passe trop tôt.' } }]);
    frames.runFrames();
    a.store.put([{ ...cardA, x: 480 }]);
    expect(frames.pendingFrames()).toBeGreaterThan(0);
    // B's edit reaches A before A's frame has run.
    peers.applyTo(a, peers.queue(a, b).splice(0));
    frames.runFrames();
    peers.deliverAll();
    frames.runFrames();

    for (const peer of [a, b]) {
      expect(peer.store.get(id)).toMatchObject({
        x: 480,
        props: { verbatim: 'Le car passe trop tôt.' },
      });
      expect(documentRecordsOf(peer.store)).toEqual(readBoardRecords(peer.doc));
    }
  });

  it('converges when both change the same field, one of them still waiting for its frame', () => {
    const { peers, a, b, id } = twoPeers();
    const cardA = a.store.get(id) as TLShape<'observation'>;
    const cardB = b.store.get(id) as TLShape<'observation'>;

    b.store.put([{ ...cardB, props: { ...cardB.props, verbatim: 'version de B' } }]);
    frames.runFrames();
    a.store.put([{ ...cardA, props: { ...cardA.props, verbatim: 'version de A' } }]);
    peers.applyTo(a, peers.queue(a, b).splice(0));
    frames.runFrames();
    peers.deliverAll();
    frames.runFrames();

    const verbatimA = (a.store.get(id) as TLShape<'observation'>).props.verbatim;
    expect(['version de A', 'version de B']).toContain(verbatimA);
    expect((b.store.get(id) as TLShape<'observation'>).props.verbatim).toBe(verbatimA);
    for (const peer of [a, b])
      expect(documentRecordsOf(peer.store)).toEqual(readBoardRecords(peer.doc));
  });

  it('lets a deletion win over a local edit still waiting for its frame', () => {
    const { peers, a, b, id } = twoPeers();
    const cardB = b.store.get(id) as TLShape<'observation'>;
    a.store.remove([id]);
    frames.runFrames();
    b.store.put([{ ...cardB, x: 999 }]);
    peers.applyTo(b, peers.queue(b, a).splice(0));
    frames.runFrames();
    peers.deliverAll();
    frames.runFrames();

    for (const peer of [a, b]) {
      expect(peer.store.get(id)).toBeUndefined();
      expect(documentRecordsOf(peer.store)).toEqual(readBoardRecords(peer.doc));
    }
  });

  it('writes a pending local edit to the document when the binding is disposed', () => {
    const { a, id } = twoPeers();
    const cardA = a.store.get(id) as TLShape<'observation'>;
    a.store.put([{ ...cardA, y: 321 }]);
    a.binding.dispose();
    expect(readBoardRecords(a.doc)[id]).toMatchObject({ y: 321 });
  });
});
