import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, decodeFrame } from '@boussole/shared';
import { silent, storesAndCleanups } from '../testing/collabTestSetup.js';
import type { DocStore } from '../storage/DocStore.js';
import { Room } from './Room.js';
import type { RoomOptions, RoomPeer } from './types.js';

const options: RoomOptions = {
  commitDelayMs: 0,
  compactEveryUpdates: 100,
  awarenessFlushMs: 0,
  awarenessCoalesceMinPeers: 10,
  maxDocumentBytes: 1 << 20,
  maxPendingBytes: 4096,
  maxPendingClients: 4,
  maxRoomPendingBytes: 8192,
};
const { stores, cleanups } = storesAndCleanups();

const openStore = () => stores.open();

function peer(id: number) {
  const frames: Uint8Array[] = [];
  const closes: number[] = [];
  const p: RoomPeer & { frames: Uint8Array[]; closes: number[] } = {
    id,
    frames,
    closes,
    send: (frame) => frames.push(frame),
    close: (code) => closes.push(code),
  };
  return p;
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('Room', () => {
  it('loads the stored log, then on close commits and folds it into one snapshot', async () => {
    const store = await openStore();
    await store.append('doc', [textUpdate('un '), textUpdate('deux ')]);
    const room = await Room.load('doc', store, options, silent);
    expect(room.doc.getText('t').length).toBe('un deux '.length);
    const alice = peer(1);
    room.addPeer(alice);
    expect(room.submitUpdate(textUpdate('trois '), alice)).toEqual({ ok: true });
    room.removePeer(alice);
    await room.close();
    const stored = await store.load('doc');
    expect(stored.updates).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.updates[0]!);
    expect(copy.getText('t').length).toBe('un deux trois '.length);
  });

  it('tells every listener when its last peer leaves', async () => {
    const room = await Room.load('doc', await openStore(), options, silent);
    cleanups.push(async () => room.destroy());
    const emptied: Room[] = [];
    room.on('empty', (r) => emptied.push(r));
    const off = room.on('empty', () => emptied.push(room));
    const [alice, bob] = [peer(1), peer(2)];
    room.addPeer(alice);
    room.addPeer(bob);
    room.removePeer(alice);
    expect(emptied).toEqual([]);
    off();
    room.removePeer(bob);
    room.removePeer(bob);
    expect(emptied).toEqual([room]);
    expect(room.peerCount).toBe(0);
  });

  it('on a storage failure closes its peers and says so once', async () => {
    const store = await openStore();
    const broken: DocStore = Object.assign(Object.create(store) as DocStore, {
      append: () => Promise.reject(new Error('disk unplugged')),
    });
    const room = await Room.load('doc', broken, options, silent);
    cleanups.push(async () => room.destroy());
    const failed: Room[] = [];
    room.on('failed', (r) => failed.push(r));
    const alice = peer(1);
    room.addPeer(alice);
    room.submitUpdate(textUpdate('perdu'), alice);
    await expect(room.committedState()).rejects.toThrow('storage failed for doc');
    expect(failed).toEqual([room]);
    expect(alice.closes).toEqual([CloseCode.InternalError]);
  });

  it('commits a change of its own, then sends it to every peer', async () => {
    const store = await openStore();
    const room = await Room.load('doc', store, options, silent);
    cleanups.push(async () => room.destroy());
    const alice = peer(1);
    room.addPeer(alice);
    await room.applyServerUpdate(textUpdate('restauré'));
    expect(alice.frames.map((f) => decodeFrame(f).kind)).toEqual(['update']);
    expect((await store.load('doc')).updates).toHaveLength(1);
  });
});
