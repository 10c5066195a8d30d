import * as Y from 'yjs';
import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  createTLStore,
  defaultShapeUtils,
  type IndexKey,
  type TLRecord,
  type TLStore,
} from 'tldraw';
import { boussoleShapeUtils } from '../src/board/shapes/index.js';
import { readBoardRecords } from '@boussole/shared';
import {
  bindStoreToYDoc,
  type BoardBinding,
  type RejectedRecord,
} from '../src/board/yjsBinding.js';

/**
 * Test support for the binding: stores as the board page creates them, and peers whose Yjs
 * updates travel through explicit queues, so a test decides when and in which order each
 * update arrives.
 */

export const boardShapeUtils = [...defaultShapeUtils, ...boussoleShapeUtils];

export function createBoardStore(): TLStore {
  return createTLStore({ shapeUtils: boardShapeUtils });
}

export const defaultPageId = PageRecordType.createId('page');

/** The records a fresh tldraw editor puts in its store before anyone draws. */
export function putDefaultDocument(store: TLStore): void {
  store.put([
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: defaultPageId, name: 'Page 1', index: 'a1' as IndexKey }),
  ]);
}

/** The store's document records keyed by id: what must equal the Y.Doc's content. */
export function documentRecordsOf(store: TLStore): Record<string, TLRecord> {
  return store.serialize('document') as Record<string, TLRecord>;
}

export const networkOrigin = { network: true };

export interface Peer {
  readonly name: string;
  readonly store: TLStore;
  readonly doc: Y.Doc;
  binding: BoardBinding;
  readonly rejections: RejectedRecord[];
}

/**
 * Peers bound to their own Y.Doc. Every update a doc emits (except one just delivered to it)
 * is queued once for each other peer; `deliver` applies queued updates in any order.
 */
export class PeerNetwork {
  readonly peers: Peer[] = [];
  /** queues.get(to).get(from): updates from `from` waiting for `to`. */
  private readonly queues = new Map<Peer, Map<Peer, Uint8Array[]>>();

  addPeer(
    name: string,
    options: { clientId: number; setup?: (store: TLStore) => void; joinFrom?: Peer },
  ): Peer {
    const store = createBoardStore();
    options.setup?.(store);
    const doc = new Y.Doc();
    // Fixed client ids keep Yjs' tie-breaks, hence a seeded run, reproducible.
    doc.clientID = options.clientId;
    if (options.joinFrom)
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(options.joinFrom.doc), networkOrigin);
    const rejections: RejectedRecord[] = [];
    const binding = bindStoreToYDoc(store, doc, { onRejectedRecord: (r) => rejections.push(r) });
    const peer: Peer = { name, store, doc, binding, rejections };
    this.queues.set(peer, new Map());
    for (const other of this.peers) {
      this.queues.get(peer)?.set(other, []);
      this.queues.get(other)?.set(peer, []);
    }
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === networkOrigin) return;
      for (const other of this.peers) if (other !== peer) this.queue(other, peer).push(update);
    });
    // A newcomer and the others first exchange everything they hold, as a sync step would.
    for (const other of this.peers) {
      this.queue(other, peer).push(Y.encodeStateAsUpdate(doc));
      this.queue(peer, other).push(Y.encodeStateAsUpdate(other.doc));
    }
    this.peers.push(peer);
    return peer;
  }

  queue(to: Peer, from: Peer): Uint8Array[] {
    const queue = this.queues.get(to)?.get(from);
    if (!queue) throw new Error(`no queue from ${from.name} to ${to.name}`);
    return queue;
  }

  pendingCount(): number {
    let count = 0;
    for (const byFrom of this.queues.values())
      for (const queue of byFrom.values()) count += queue.length;
    return count;
  }

  /** Applies the given updates to `to` as one network message (merged when several). */
  applyTo(to: Peer, updates: Uint8Array[]): void {
    if (updates.length === 0) return;
    const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    if (update) Y.applyUpdate(to.doc, update, networkOrigin);
  }

  /** Delivers every queued update, in queue order, until nothing is left. */
  deliverAll(maxRounds = 1_000): void {
    for (let round = 0; this.pendingCount() > 0; round++) {
      if (round >= maxRounds) throw new Error('updates kept coming: something echoes');
      for (const to of this.peers) {
        for (const from of this.peers) {
          if (from === to) continue;
          const queue = this.queue(to, from);
          this.applyTo(to, queue.splice(0, queue.length));
        }
      }
    }
  }

  dispose(): void {
    for (const peer of this.peers) {
      peer.binding.dispose();
      peer.store.dispose();
      peer.doc.destroy();
    }
  }
}

export { readBoardRecords };
