import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import { awarenessEntries as entries } from '../../../shared/testing/awarenessEntries.js';
import {
  FORGET_DEPARTED_AFTER_MS,
  admitAwareness,
  fallbackColour,
  forgetDepartedClients,
  type PresenceAdmission,
  type PresenceContext,
} from './presencePolicy.js';

const limits = { maxPresenceIds: 4, maxPresenceBytes: 1024 };
const identity = { id: 'user-1', name: 'Aïcha Benali' };
const awarenesses: Awareness[] = [];
afterEach(() => {
  for (const a of awarenesses.splice(0)) a.destroy();
});

/** The room's awareness, as Room makes it: no presence of its own. */
function roomAwareness(): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  awarenesses.push(awareness);
  return awareness;
}

/** A participant's awareness, with a state published at clock 1. */
function sender(state: Record<string, unknown> | null, clientId?: number): Awareness {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  const awareness = new Awareness(doc);
  awareness.setLocalState(state);
  awarenesses.push(awareness);
  return awareness;
}

const own = (a: Awareness) => encodeAwarenessUpdate(a, [a.clientID]);

function context(room: Awareness, overrides: Partial<PresenceContext> = {}): PresenceContext {
  return { awareness: room, identity, ownIds: new Set(), limits, ...overrides };
}

/** What a peer would see after the room applies an admitted update. */
function applied(room: Awareness, admission: PresenceAdmission): Map<number, unknown> {
  if (admission.kind !== 'apply') throw new Error(`expected apply, got ${admission.kind}`);
  applyAwarenessUpdate(room, admission.update, 'test');
  return room.getStates() as Map<number, unknown>;
}

describe('admitAwareness', () => {
  it('passes an honest client’s state byte for byte and claims its id', () => {
    const alice = sender({
      user: { ...identity, color: '#047857' },
      tldrawPresence: { userId: 'user:user-1', userName: 'Aïcha Benali', color: '#1f77b4' },
    });
    const update = own(alice);
    const admission = admitAwareness(update, context(roomAwareness()));
    expect(admission).toEqual({ kind: 'apply', update, claimed: [alice.clientID] });
  });

  it('stamps the server’s identity over the one a client claims', () => {
    const room = roomAwareness();
    const forger = sender({
      user: { id: 'admin', name: 'Le maire' },
      tldrawPresence: { userId: 'admin', userName: 'Le maire', color: '#ff0000' },
    });
    const states = applied(room, admitAwareness(own(forger), context(room)));
    expect(states.get(forger.clientID)).toEqual({
      user: identity,
      tldrawPresence: { userId: 'user:user-1', userName: 'Aïcha Benali', color: '#ff0000' },
    });
  });

  it('replaces colours that are not hex colours with a stable one, and keeps hex ones', () => {
    const room = roomAwareness();
    const css = 'red; background: url(https://tracker.example/x.png)';
    const forger = sender({
      user: { ...identity, color: css },
      tldrawPresence: { userId: 'user:user-1', userName: 'Aïcha Benali', color: { evil: 1 } },
    });
    const states = applied(room, admitAwareness(own(forger), context(room)));
    expect(states.get(forger.clientID)).toEqual({
      user: { ...identity, color: fallbackColour(identity.id) },
      tldrawPresence: {
        userId: 'user:user-1',
        userName: 'Aïcha Benali',
        color: fallbackColour(identity.id),
      },
    });
    expect(fallbackColour(identity.id)).toMatch(/^#[0-9a-f]{6}$/);
    for (const colour of ['#abc', '#abcd', '#A1B2C3', '#a1b2c3d4']) {
      const ok = sender({ user: { ...identity, color: colour } });
      const update = own(ok);
      expect(admitAwareness(update, context(roomAwareness()))).toMatchObject({ update });
    }
    // Without an identity (a board open to all) the colour is checked all the same.
    const anonymous = sender({ user: { name: 'Anonyme', color: 'url(x)' } });
    const open = roomAwareness();
    const seen = applied(
      open,
      admitAwareness(own(anonymous), context(open, { identity: undefined })),
    );
    expect(seen.get(anonymous.clientID)).toEqual({
      user: { name: 'Anonyme', color: fallbackColour(String(anonymous.clientID)) },
    });
  });

  it('ignores an update speaking for someone else’s id, and lets the same person take theirs back', () => {
    const room = roomAwareness();
    const camille = sender({ cursor: { x: 1 } });
    applyAwarenessUpdate(
      room,
      entries([[camille.clientID, 1, JSON.stringify({ user: { id: 'camille', name: 'C' } })]]),
      'camille',
    );
    const forged = entries([[camille.clientID, 7, '{"cursor":{"x":999}}']]);
    expect(admitAwareness(forged, context(room))).toEqual({ kind: 'ignore', reason: 'not-yours' });
    const removal = entries([[camille.clientID, 7, 'null']]);
    expect(admitAwareness(removal, context(room))).toEqual({ kind: 'ignore', reason: 'not-yours' });
    // Camille reconnecting before the server noticed her old socket died keeps her id.
    const back = admitAwareness(forged, context(room, { identity: { id: 'camille', name: 'C' } }));
    expect(back).toMatchObject({ kind: 'apply', claimed: [camille.clientID] });
  });

  it('ignores a frame with a state over the size limit, without parsing it', () => {
    const room = roomAwareness();
    const big = `{"pad":"${'x'.repeat(limits.maxPresenceBytes)}"}`;
    expect(admitAwareness(entries([[5, 1, big]]), context(room))).toEqual({
      kind: 'ignore',
      reason: 'too-large',
    });
    // Not even parsed: an oversized state that is not JSON is ignored the same way.
    expect(
      admitAwareness(entries([[5, 1, `{${'x'.repeat(limits.maxPresenceBytes)}`]]), context(room)),
    ).toEqual({ kind: 'ignore', reason: 'too-large' });
    // The limit is on bytes, not characters.
    const accents = `"${'é'.repeat(limits.maxPresenceBytes / 2)}"`;
    expect(admitAwareness(entries([[5, 1, accents]]), context(room))).toMatchObject({
      reason: 'too-large',
    });
    const fits = `"${'x'.repeat(limits.maxPresenceBytes - 2)}"`;
    expect(admitAwareness(entries([[5, 1, fits]]), context(room)).kind).toBe('apply');
    expect(room.getStates().size).toBe(0);
  });

  it('refuses a connection’s id past the cap; its own ids, removals and echoes do not count', () => {
    const room = roomAwareness();
    const ownIds = new Set([1, 2, 3]);
    const ctx = context(room, { ownIds });
    const admit = (...list: [number, number, string][]) => admitAwareness(entries(list), ctx);
    // Known ids, however often: still three.
    for (let clock = 1; clock <= 20; clock++) {
      const admission = admit([2, clock, '{"a":1}']);
      expect(admission).toMatchObject({ kind: 'apply', claimed: [] });
      applied(room, admission);
    }
    // A removal of an id it does not show, and an echo of its own old clock: no new id.
    expect(admit([9, 1, 'null'])).toEqual({ kind: 'unchanged' });
    expect(admit([2, 3, '{"a":1}'])).toEqual({ kind: 'unchanged' });
    // A fourth id is accepted, a fifth refused, even inside one frame.
    expect(admit([4, 1, '{}'])).toMatchObject({ claimed: [4] });
    expect(admit([4, 1, '{}'], [5, 1, '{}'])).toEqual({ kind: 'refuse', reason: 'too-many-ids' });
    // The same id twice in a frame is one id.
    expect(admit([4, 1, '{}'], [4, 2, '{}'])).toMatchObject({ claimed: [4] });
  });

  it('drops entries y-protocols would ignore, so they add nothing to the awareness', () => {
    const room = roomAwareness();
    const alice = sender({ a: 1 });
    applied(room, admitAwareness(own(alice), context(room)));
    const metaBefore = room.meta.size;
    // Removals of ids nobody shows would each leave a meta entry behind in y-protocols.
    const ghosts = entries(
      Array.from({ length: 50 }, (_, i): [number, number, string] => [1000 + i, 9, 'null']),
    );
    expect(admitAwareness(ghosts, context(room))).toEqual({ kind: 'unchanged' });
    applyAwarenessUpdate(room, ghosts, 'unfiltered');
    expect(room.meta.size).toBe(metaBefore + 50);
    // A frame mixing an echo with a real change keeps only the change.
    alice.setLocalState({ a: 2 });
    const mixed = entries([
      [alice.clientID, 1, '{"a":1}'],
      [alice.clientID, 2, '{"a":2}'],
    ]);
    const admission = admitAwareness(
      mixed,
      context(room, { ownIds: new Set([alice.clientID]), identity: undefined }),
    );
    expect(admission).toEqual({
      kind: 'apply',
      update: entries([[alice.clientID, 2, '{"a":2}']]),
      claimed: [],
    });
  });

  it('throws on malformed updates, whichever entry is broken', () => {
    const room = roomAwareness();
    const good = entries([[7, 1, '{"a":1}']]);
    expect(() => admitAwareness(Uint8Array.from([...good, 0]), context(room))).toThrow(/trailing/);
    expect(() => admitAwareness(good.slice(0, -2), context(room))).toThrow();
    expect(() =>
      admitAwareness(
        entries([
          [7, 1, '{"a":1}'],
          [8, 1, '{"a":'],
        ]),
        context(room),
      ),
    ).toThrow();
    const badUtf8 = Uint8Array.from([1, 7, 1, 3, 0x22, 0xff, 0x22]);
    expect(() => admitAwareness(badUtf8, context(room))).toThrow();
  });
});

describe('forgetDepartedClients', () => {
  it('forgets ids without a state once echoes are over, and only those', () => {
    const room = roomAwareness();
    const now = Date.now();
    for (const id of [1, 2, 3]) {
      applyAwarenessUpdate(room, entries([[id, 1, '{"a":1}']]), 'peer');
    }
    removeAwarenessStates(room, [1, 2], 'left');
    room.meta.set(1, { clock: 1, lastUpdated: now - FORGET_DEPARTED_AFTER_MS });
    room.meta.set(3, { clock: 1, lastUpdated: now - FORGET_DEPARTED_AFTER_MS });
    const ownMeta = room.meta.get(room.clientID);
    if (ownMeta) ownMeta.lastUpdated = now - FORGET_DEPARTED_AFTER_MS;
    expect(forgetDepartedClients(room, now)).toBe(1);
    // 1 departed long ago: forgotten. 2 departed just now: kept, its echoes may still come.
    // 3 still shows a state; the server's own id is never forgotten.
    expect([...room.meta.keys()].sort()).toEqual([2, 3, room.clientID].sort());
    // Throttled: a second sweep right after does nothing, one later forgets 2.
    room.meta.set(2, { clock: 1, lastUpdated: now - FORGET_DEPARTED_AFTER_MS });
    expect(forgetDepartedClients(room, now + 1)).toBe(0);
    expect(forgetDepartedClients(room, now + 10_000)).toBe(1);
    expect(room.meta.has(2)).toBe(false);
  });
});
