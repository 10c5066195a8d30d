import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, applyAwarenessUpdate } from 'y-protocols/awareness';
import { AwarenessRefused, stampAwarenessIdentity } from './awarenessIdentity.js';

function updateFrom(state: Record<string, unknown> | null): {
  update: Uint8Array;
  clientId: number;
} {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(state);
  const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
  awareness.destroy();
  return { update, clientId: awareness.clientID };
}

function decode(update: Uint8Array): Map<number, Record<string, unknown>> {
  const receiver = new Awareness(new Y.Doc());
  applyAwarenessUpdate(receiver, update, 'test');
  const states = new Map(receiver.getStates()) as Map<number, Record<string, unknown>>;
  states.delete(receiver.clientID);
  receiver.destroy();
  return states;
}

const identity = { id: 'user-1', name: 'Aïcha Benali' };

describe('stampAwarenessIdentity', () => {
  it('replaces the name and id a client claims with the ones the server gave it', () => {
    const { update, clientId } = updateFrom({
      user: { id: 'admin', name: 'Le maire' },
      tldrawPresence: { userId: 'admin', userName: 'Le maire', color: '#ff0000', cursor: { x: 1 } },
    });
    const states = decode(stampAwarenessIdentity(update, identity, () => true));
    expect(states.get(clientId)).toEqual({
      user: { id: 'user-1', name: 'Aïcha Benali' },
      tldrawPresence: {
        userId: 'user:user-1',
        userName: 'Aïcha Benali',
        color: '#ff0000',
        cursor: { x: 1 },
      },
    });
  });

  it('stamps a state that carries no identity at all', () => {
    const { update, clientId } = updateFrom({ cursor: { x: 3 } });
    const states = decode(stampAwarenessIdentity(update, identity, () => true));
    expect(states.get(clientId)).toEqual({ cursor: { x: 3 }, user: identity });
  });

  it('passes a state already showing the right identity byte for byte, and only then', () => {
    const honest = {
      user: { ...identity, color: '#047857' },
      tldrawPresence: { userId: 'user:user-1', userName: 'Aïcha Benali', cursor: { x: 5 } },
    };
    const { update } = updateFrom(honest);
    expect(stampAwarenessIdentity(update, identity, () => true)).toEqual(update);
    // The same state with the tldraw name changed is rewritten.
    const forged = updateFrom({
      ...honest,
      tldrawPresence: { ...honest.tldrawPresence, userName: 'Le maire' },
    });
    const states = decode(stampAwarenessIdentity(forged.update, identity, () => true));
    expect(states.get(forged.clientId)).toMatchObject({
      tldrawPresence: { userName: 'Aïcha Benali' },
    });
  });

  it('refuses an update speaking for a client id this connection may not use', () => {
    const { update, clientId } = updateFrom({ user: { name: 'x' } });
    const seen: number[] = [];
    expect(() =>
      stampAwarenessIdentity(update, identity, (id) => {
        seen.push(id);
        return false;
      }),
    ).toThrow(AwarenessRefused);
    expect(seen).toEqual([clientId]);
  });

  it('rejects trailing bytes and truncated updates', () => {
    const { update } = updateFrom({ a: 1 });
    expect(() =>
      stampAwarenessIdentity(new Uint8Array([...update, 7]), identity, () => true),
    ).toThrow(/trailing/);
    expect(() =>
      stampAwarenessIdentity(update.subarray(0, update.length - 2), identity, () => true),
    ).toThrow();
  });
});
