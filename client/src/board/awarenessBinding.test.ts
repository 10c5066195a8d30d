import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import {
  InstancePresenceRecordType,
  atom,
  createShapeId,
  type TLInstancePresence,
  type TLPageId,
  type TLStore,
  type TLUserId,
} from 'tldraw';
import {
  PRESENCE_FIELD,
  awarenessToPresence,
  bindAwareness,
  presenceIdForClient,
  presenceToAwareness,
  type AwarenessBinding,
} from './awarenessBinding.js';
import { createBoardStore } from '../../testing/boardPeers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function person(name: string, clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  const store = createBoardStore();
  cleanups.push(() => {
    awareness.destroy();
    doc.destroy();
    store.dispose();
  });
  const presence = atom<TLInstancePresence | null>(
    `${name} presence`,
    InstancePresenceRecordType.create({
      id: InstancePresenceRecordType.createId(name),
      userId: `user:${name}` as TLUserId,
      userName: name,
      color: '#d9480f',
      currentPageId: 'page:page' as TLPageId,
      cursor: { x: 10, y: 20, type: 'default', rotation: 0 },
      selectedShapeIds: [createShapeId('card')],
    }),
  );
  return { name, awareness, store, presence };
}

function bind(p: ReturnType<typeof person>): AwarenessBinding {
  const binding = bindAwareness(p.store, p.awareness, { localPresence: p.presence });
  cleanups.push(() => binding.dispose());
  return binding;
}

/** What the y-websocket provider does: send one client's awareness state to another. */
function send(from: Awareness, to: Awareness) {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'network');
}

function presences(store: TLStore) {
  return store
    .allRecords()
    .filter((r): r is TLInstancePresence => r.typeName === 'instance_presence');
}

describe('bindAwareness', () => {
  it('shows a collaborator’s cursor, selection, name and colour as a presence record', () => {
    const alice = person('alice', 11);
    const bruno = person('bruno', 22);
    bind(alice);
    bind(bruno);
    send(alice.awareness, bruno.awareness);

    expect(presences(bruno.store)).toEqual([
      expect.objectContaining({
        id: presenceIdForClient(11),
        userId: 'user:alice',
        userName: 'alice',
        color: '#d9480f',
        cursor: { x: 10, y: 20, type: 'default', rotation: 0 },
        selectedShapeIds: [createShapeId('card')],
      }),
    ]);
    // Nobody sees their own presence as a collaborator.
    expect(presences(alice.store)).toEqual([]);
  });

  it('follows the cursor as it moves', () => {
    const alice = person('alice', 11);
    const bruno = person('bruno', 22);
    bind(alice);
    bind(bruno);
    const current = alice.presence.get();
    if (!current) throw new Error('alice should have a presence');
    alice.presence.set({ ...current, cursor: { x: 300, y: 40, type: 'default', rotation: 0 } });
    send(alice.awareness, bruno.awareness);
    expect(bruno.store.get(presenceIdForClient(11))?.cursor).toMatchObject({ x: 300, y: 40 });
  });

  it('mirrors the states already present when binding', () => {
    const alice = person('alice', 11);
    const bruno = person('bruno', 22);
    bind(alice);
    send(alice.awareness, bruno.awareness);
    expect(presences(bruno.store)).toEqual([]);
    bind(bruno);
    expect(presences(bruno.store).map((p) => p.userName)).toEqual(['alice']);
  });

  it('removes a collaborator who leaves or hides, and ignores a malformed presence', () => {
    const alice = person('alice', 11);
    const bruno = person('bruno', 22);
    const chloe = person('chloe', 33);
    bind(alice);
    bind(bruno);
    send(alice.awareness, bruno.awareness);

    alice.presence.set(null);
    send(alice.awareness, bruno.awareness);
    expect(presences(bruno.store)).toEqual([]);

    chloe.awareness.setLocalStateField(PRESENCE_FIELD, { userName: 'chloe', cursor: 'partout' });
    send(chloe.awareness, bruno.awareness);
    expect(presences(bruno.store)).toEqual([]);

    const alicePresence = person('alice2', 44).presence.get();
    if (!alicePresence) throw new Error('a presence was expected');
    chloe.awareness.setLocalStateField(
      PRESENCE_FIELD,
      presenceToAwareness({ ...alicePresence, userName: 'chloe' }),
    );
    send(chloe.awareness, bruno.awareness);
    expect(presences(bruno.store).map((p) => p.userName)).toEqual(['chloe']);

    removeAwarenessStates(bruno.awareness, [33], 'timeout');
    expect(presences(bruno.store)).toEqual([]);
  });

  it('stops publishing and forgets collaborators once disposed', () => {
    const alice = person('alice', 11);
    const bruno = person('bruno', 22);
    bind(alice);
    const brunoBinding = bind(bruno);
    send(alice.awareness, bruno.awareness);
    expect(bruno.awareness.getLocalState()?.[PRESENCE_FIELD]).toMatchObject({ userName: 'bruno' });

    brunoBinding.dispose();
    expect(presences(bruno.store)).toEqual([]);
    expect(bruno.awareness.getLocalState()?.[PRESENCE_FIELD]).toBeNull();
    send(alice.awareness, bruno.awareness);
    expect(presences(bruno.store)).toEqual([]);
  });

  it('awarenessToPresence validates what other browsers send', () => {
    expect(awarenessToPresence(5, null)).toBeNull();
    expect(awarenessToPresence(5, ['not', 'an', 'object'])).toBeNull();
    expect(awarenessToPresence(5, { userName: 'x' })).toBeNull();
  });
});
