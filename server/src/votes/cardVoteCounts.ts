import * as Y from 'yjs';
import { boardRecordsMap, cardVotesMetaKey, type CardVotesMeta } from '@boussole/shared';

/**
 * At a vote's close, each card of the vote carries its count in its tldraw meta
 * (`meta.votes`), written by the server as one change of the board: everyone connected receives
 * it, exports and report excerpts read it. Clients may not write this key themselves
 * (BoardContentGuard refuses it), so a count on a card is always the server's.
 */
export function writeCardVoteCounts(doc: Y.Doc, counts: ReadonlyMap<string, CardVotesMeta>): void {
  const records = boardRecordsMap(doc);
  for (const [cardId, count] of counts) {
    const record = records.get(cardId);
    // A card deleted since the vote opened keeps its result in the session document only.
    if (!(record instanceof Y.Map)) continue;
    const meta = record.get('meta');
    if (meta instanceof Y.Map) meta.set(cardVotesMetaKey, count);
    else {
      const fresh = new Y.Map<unknown>();
      if (meta && typeof meta === 'object') {
        for (const [key, value] of Object.entries(meta)) fresh.set(key, value);
      }
      fresh.set(cardVotesMetaKey, count);
      record.set('meta', fresh);
    }
  }
}
