import * as Y from 'yjs';
import { boardRecordsMap, cardKinds } from '@boussole/shared';
import type { Room } from '../collab/Room.js';
import type { DocStore } from '../storage/DocStore.js';

export type CardCounts = Record<string, number>;

const cardKindSet: ReadonlySet<unknown> = new Set(cardKinds);

/** Cards of each kind among a board's records (tldraw shapes whose type is a card kind). */
export function countCards(doc: Y.Doc): CardCounts {
  const counts: CardCounts = {};
  for (const record of boardRecordsMap(doc).values()) {
    if (!(record instanceof Y.Map) || record.get('typeName') !== 'shape') continue;
    const type = record.get('type');
    if (cardKindSet.has(type)) counts[type as string] = (counts[type as string] ?? 0) + 1;
  }
  return counts;
}

/**
 * How many cards of each kind each board holds, from its committed state. A board's counts are
 * computed once per stored change (keyed by the last sequence number of its update log) and
 * kept for the next asks: a workspace page polled by ten people costs one query for the
 * sequence numbers, and counting again only for boards that changed. A board open in a live
 * room is counted from that room's document once it equals committed state, without loading
 * anything; any other is loaded from storage, one at a time. At most `maxEntries` boards are
 * remembered (the least recently asked go first).
 */
export class BoardCardCounts {
  private readonly cache = new Map<string, { seq: number; counts: CardCounts }>();

  constructor(
    private readonly deps: {
      store: Pick<DocStore, 'load' | 'sql'>;
      liveRoom: (docId: string) => Room | undefined;
      maxEntries?: number;
    },
  ) {}

  async countsOf(docIds: readonly string[]): Promise<Map<string, CardCounts>> {
    const seqs = await this.lastSeqs(docIds);
    const result = new Map<string, CardCounts>();
    for (const docId of docIds) {
      const seq = seqs.get(docId) ?? 0;
      const cached = this.cache.get(docId);
      let counts = cached && cached.seq === seq ? cached.counts : undefined;
      if (!counts) counts = seq === 0 ? {} : await this.count(docId);
      this.remember(docId, seq, counts);
      result.set(docId, counts);
    }
    return result;
  }

  forget(docId: string): void {
    this.cache.delete(docId);
  }

  private async count(docId: string): Promise<CardCounts> {
    const room = this.deps.liveRoom(docId);
    if (room) {
      return new Promise((resolve) => room.whenCommitted(() => resolve(countCards(room.doc))));
    }
    const stored = await this.deps.store.load(docId);
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        for (const update of stored.updates) Y.applyUpdate(doc, update);
      });
      return countCards(doc);
    } finally {
      doc.destroy();
    }
  }

  private remember(docId: string, seq: number, counts: CardCounts): void {
    this.cache.delete(docId);
    this.cache.set(docId, { seq, counts });
    const max = this.deps.maxEntries ?? 2_000;
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= max) break;
      this.cache.delete(oldest);
    }
  }

  /** The last sequence number of each document's update log, in one query (0: no rows). */
  private async lastSeqs(docIds: readonly string[]): Promise<Map<string, number>> {
    const seqs = new Map<string, number>();
    if (docIds.length === 0) return seqs;
    const rows = await this.deps.store.sql.all<{ doc_id: string; seq: number | string }>(
      `SELECT doc_id, MAX(seq) AS seq FROM doc_updates WHERE doc_id IN (${docIds
        .map(() => '?')
        .join(', ')}) GROUP BY doc_id`,
      [...docIds],
    );
    for (const row of rows) seqs.set(row.doc_id, Number(row.seq));
    return seqs;
  }
}
