import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PendingUpdates, dropPending } from './PendingUpdates.js';

const limits = { maxPendingBytes: 4096, maxPendingClients: 3, maxRoomPendingBytes: 6000 };

/** Two updates of one client: the second depends on the first (clock 0) and arrives alone. */
function splitWrite(clientId: number, payload = 'x'): [Uint8Array, Uint8Array] {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getMap('m').set(`a${clientId}`, 1);
  doc.getMap('m').set(`b${clientId}`, payload);
  return [updates[0]!, updates[1]!];
}

function applyFrom(pending: PendingUpdates<string>, doc: Y.Doc, owner: string, update: Uint8Array) {
  pending.restore(doc, owner);
  Y.applyUpdate(doc, update);
  return pending.take(doc, owner);
}

describe('PendingUpdates', () => {
  it('keeps a gap out of the document and fills it when its sender completes it', () => {
    const doc = new Y.Doc();
    const pending = new PendingUpdates<string>(limits);
    const [first, second] = splitWrite(11);
    expect(applyFrom(pending, doc, 'alice', second)).toBeUndefined();
    expect(doc.store.pendingStructs).toBeNull();
    expect(pending.holds('alice')).toBe(true);
    expect(pending.bytes).toBeGreaterThan(0);
    // Nothing of it in what a newcomer or a snapshot would get.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    expect(fresh.store.pendingStructs).toBeNull();

    expect(applyFrom(pending, doc, 'alice', first)).toBeUndefined();
    expect(doc.getMap('m').toJSON()).toEqual({ a11: 1, b11: 'x' });
    expect(pending.holds('alice')).toBe(false);
    expect(pending.bytes).toBe(0);
  });

  it('holds deletions of content not received yet, and applies them once it is', () => {
    const source = new Y.Doc();
    source.clientID = 21;
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getArray('list').insert(0, ['kept', 'gone']);
    source.getArray('list').delete(1, 1);
    const doc = new Y.Doc();
    const pending = new PendingUpdates<string>(limits);
    expect(applyFrom(pending, doc, 'alice', updates[1]!)).toBeUndefined();
    expect(doc.store.pendingDs).toBeNull();
    expect(pending.holds('alice')).toBe(true);
    applyFrom(pending, doc, 'alice', updates[0]!);
    expect(doc.getArray('list').toJSON()).toEqual(['kept']);
    expect(pending.holds('alice')).toBe(false);
  });

  it("gives a sender's gap back only for that sender's own updates", () => {
    const doc = new Y.Doc();
    const pending = new PendingUpdates<string>(limits);
    const [first, second] = splitWrite(31);
    applyFrom(pending, doc, 'mallory', second);
    // Someone else's unrelated edit neither sees nor completes mallory's pending content.
    applyFrom(pending, doc, 'bob', splitWrite(32)[0]);
    expect(pending.holds('mallory')).toBe(true);
    expect(doc.getMap('m').has('b31')).toBe(false);
    // Even bob sending mallory's missing clock does not integrate what only mallory holds…
    applyFrom(pending, doc, 'bob', first);
    expect(doc.getMap('m').has('b31')).toBe(false);
    // …until mallory's next update, which finds its gap filled.
    applyFrom(pending, doc, 'mallory', new Uint8Array([0, 0]));
    expect(doc.getMap('m').get('b31')).toBe('x');
  });

  it('refuses past each limit, and holds nothing for the refused sender', () => {
    const doc = new Y.Doc();
    const bytes = new PendingUpdates<string>(limits);
    expect(applyFrom(bytes, doc, 'a', splitWrite(41, 'y'.repeat(5000))[1])).toEqual({
      limit: 'bytes',
    });
    expect(bytes.holds('a')).toBe(false);
    expect(doc.store.pendingStructs).toBeNull();

    const clients = new PendingUpdates<string>(limits);
    for (const id of [51, 52, 53])
      expect(applyFrom(clients, doc, 'a', splitWrite(id)[1])).toBe(undefined);
    expect(applyFrom(clients, doc, 'a', splitWrite(54)[1])).toEqual({ limit: 'clients' });
    expect(clients.bytes).toBe(0);

    const room = new PendingUpdates<string>(limits);
    expect(applyFrom(room, doc, 'a', splitWrite(61, 'z'.repeat(3500))[1])).toBeUndefined();
    expect(applyFrom(room, doc, 'b', splitWrite(62, 'z'.repeat(3500))[1])).toEqual({
      limit: 'room-bytes',
    });
    room.forget('a');
    expect(room.bytes).toBe(0);
  });

  it('drops pending content a stored snapshot carried', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, splitWrite(71)[1]);
    expect(dropPending(doc)).toBeGreaterThan(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()));
  });
});
