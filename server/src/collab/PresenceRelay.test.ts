import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import { decodeFrame } from '@boussole/shared';
import { PresenceRelay, type PresenceOptions } from './PresenceRelay.js';
import type { RoomPeer } from './types.js';

const limits = { maxPresenceIds: 2, maxPresenceBytes: 1024 };
const immediate: PresenceOptions = { awarenessFlushMs: 50, awarenessCoalesceMinPeers: 3 };

const relays: PresenceRelay[] = [];
afterEach(() => {
  for (const relay of relays.splice(0)) relay.destroy();
  vi.useRealTimers();
});

interface TestPeer extends RoomPeer {
  frames: Uint8Array[];
}

function peer(id: number, identity?: { id: string; name: string }): TestPeer {
  const frames: Uint8Array[] = [];
  return { id, identity, frames, send: (f) => frames.push(f), close() {} };
}

/** One awareness entry as a client writes it: [client id, clock, JSON state]. */
function entry(clientId: number, clock: number, state: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify(state));
  return encoding.toUint8Array(e);
}

/** The states a peer sees once it applied every awareness frame it received. */
function seenBy(p: TestPeer): Map<number, unknown> {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  for (const frame of p.frames) {
    const decoded = decodeFrame(frame);
    if (decoded.kind === 'awareness') applyAwarenessUpdate(awareness, decoded.update, 'test');
  }
  const states = new Map(awareness.getStates());
  awareness.destroy();
  return states;
}

function setup(options = immediate, count = 2) {
  const peers = new Set<RoomPeer>();
  const relay = new PresenceRelay(new Y.Doc(), peers, options);
  relays.push(relay);
  const list = Array.from({ length: count }, (_, i) =>
    peer(i + 1, { id: `user-${i + 1}`, name: `Personne ${i + 1}` }),
  );
  for (const p of list) {
    peers.add(p);
    relay.join(p);
  }
  const leave = (p: TestPeer) => {
    peers.delete(p);
    relay.leave(p);
  };
  return { relay, peers: list, leave };
}

describe('PresenceRelay', () => {
  it('relays an admitted state to every peer, stamped with the sender’s identity', () => {
    const { relay, peers } = setup();
    const [alice, bob] = peers as [TestPeer, TestPeer];
    const outcome = relay.receive(entry(101, 1, { user: { name: 'Usurpateur' } }), alice, limits);
    expect(outcome).toEqual({ kind: 'applied' });
    for (const p of [alice, bob]) {
      expect(seenBy(p).get(101)).toEqual({ user: { name: 'Personne 1', id: 'user-1' } });
    }
    expect(relay.encodeAll()).not.toBeNull();
    // The provider echoing it back changes nothing and is relayed to nobody.
    expect(relay.receive(entry(101, 1, { user: { name: 'Usurpateur' } }), bob, limits)).toEqual({
      kind: 'unchanged',
    });
    expect(bob.frames).toHaveLength(1);
  });

  it('removes the presence a peer shows when it leaves, and tells the others', () => {
    const { relay, peers, leave } = setup();
    const [alice, bob] = peers as [TestPeer, TestPeer];
    relay.receive(entry(101, 1, { cursor: 1 }), alice, limits);
    relay.receive(entry(202, 1, { cursor: 2 }), bob, limits);
    leave(alice);
    expect([...relay.awareness.getStates().keys()]).toEqual([202]);
    expect([...seenBy(bob).keys()]).toEqual([202]);
  });

  it('keeps an id a peer removed out of what it takes along, and counts it against the cap', () => {
    const { relay, peers, leave } = setup();
    const [alice, bob] = peers as [TestPeer, TestPeer];
    relay.receive(entry(101, 1, { cursor: 1 }), alice, limits);
    relay.receive(entry(101, 2, null), alice, limits);
    relay.receive(entry(102, 1, { cursor: 2 }), alice, limits);
    // Re-publishing an id it had is not a new claim; a third id is past MAX_PRESENCE_IDS.
    expect(relay.receive(entry(101, 3, { cursor: 3 }), alice, limits)).toEqual({ kind: 'applied' });
    expect(relay.receive(entry(103, 1, { cursor: 4 }), alice, limits)).toEqual({
      kind: 'refused',
      reason: 'too-many-ids',
      ids: 2,
    });
    // Someone else's cursor is not Bob's to move.
    expect(relay.receive(entry(101, 4, { cursor: 5 }), bob, limits)).toEqual({
      kind: 'ignored',
      reason: 'not-yours',
    });
    leave(alice);
    expect(relay.awareness.getStates().size).toBe(0);
  });

  it('applies nothing of a malformed frame', () => {
    const { relay, peers } = setup();
    const [alice, bob] = peers as [TestPeer, TestPeer];
    const good = entry(101, 1, { cursor: 1 });
    const garbled = new Uint8Array([2, ...good.subarray(1), 7, 1, 3]);
    expect(relay.receive(garbled, alice, limits)).toEqual({ kind: 'malformed' });
    expect(relay.awareness.getStates().size).toBe(0);
    expect(bob.frames).toEqual([]);
  });

  it('coalesces changes into one frame per interval in a room of many peers', () => {
    vi.useFakeTimers();
    const { relay, peers } = setup(immediate, 3);
    const [alice, bob, carol] = peers as [TestPeer, TestPeer, TestPeer];
    relay.receive(entry(101, 1, { cursor: 1 }), alice, limits);
    relay.receive(entry(202, 1, { cursor: 2 }), bob, limits);
    expect(carol.frames).toEqual([]);
    vi.advanceTimersByTime(immediate.awarenessFlushMs);
    expect(carol.frames).toHaveLength(1);
    expect([...seenBy(carol).keys()].sort()).toEqual([101, 202]);
  });
});
