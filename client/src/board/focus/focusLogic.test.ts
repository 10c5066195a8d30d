import { describe, expect, it } from 'vitest';
import { PresenceMemory, REAL_DEPARTURE_MS, lastSeenLabel } from './lastSeen.js';
import { OwnSpotlights } from './spotlightOwn.js';
import { SummonTracker, staysAfterSummon } from './summonOnce.js';

const summon = (id: string, at = 1_000) => ({ id, x: 0, y: 0, w: 800, h: 600, by: 'Léa', at });

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('SummonTracker', () => {
  it('obeys each summon id once, also across a reload of the tab', () => {
    const storage = memoryStorage();
    const tracker = new SummonTracker('board-1', storage);
    expect(tracker.shouldObey(summon('s1'))).toBe(true);
    expect(tracker.shouldObey(summon('s1'))).toBe(false);
    expect(tracker.shouldObey(null)).toBe(false);
    expect(tracker.shouldObey(summon('s2'))).toBe(true);
    const reloaded = new SummonTracker('board-1', storage);
    expect(reloaded.shouldObey(summon('s2'))).toBe(false);
    expect(new SummonTracker('board-2', storage).shouldObey(summon('s2'))).toBe(true);
  });

  it('does not move the facilitator who summoned, nor anyone to a stale summon', () => {
    const tracker = new SummonTracker('board-1', undefined, 60_000);
    tracker.markSeen('mine');
    expect(tracker.shouldObey(summon('mine'))).toBe(false);
    expect(tracker.shouldObey(summon('old', 1_000), 1_000 + 61_000)).toBe(false);
    expect(tracker.shouldObey(summon('new', 1_000), 1_000 + 59_000)).toBe(true);
  });

  it('survives a storage that holds garbage', () => {
    const storage = memoryStorage();
    storage.setItem('boussole:summons:b', '{not json');
    expect(new SummonTracker('b', storage).shouldObey(summon('s'))).toBe(true);
  });
});

describe('OwnSpotlights', () => {
  const spotlight = (cardId: string, at: number) => ({ cardId, by: 'Fanny', at });

  it('knows the spotlight this tab lit, also after a reload, and no other', () => {
    const storage = memoryStorage();
    const own = new OwnSpotlights('board-1', storage);
    expect(own.isOwn(spotlight('shape:A', 1_000))).toBe(false);
    own.markLit(spotlight('shape:A', 1_000));
    expect(own.isOwn(spotlight('shape:A', 1_000))).toBe(true);
    // The same card lit again later (by her or a co-facilitator) is another spotlight.
    expect(own.isOwn(spotlight('shape:A', 2_000))).toBe(false);
    expect(own.isOwn(null)).toBe(false);
    expect(new OwnSpotlights('board-1', storage).isOwn(spotlight('shape:A', 1_000))).toBe(true);
    expect(new OwnSpotlights('board-2', storage).isOwn(spotlight('shape:A', 1_000))).toBe(false);
  });

  it('works without a storage, or with one that refuses', () => {
    const own = new OwnSpotlights('b', undefined);
    own.markLit(spotlight('shape:A', 5));
    expect(own.isOwn(spotlight('shape:A', 5))).toBe(true);
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    const guarded = new OwnSpotlights('b', refusing);
    expect(() => guarded.markLit(spotlight('shape:B', 6))).not.toThrow();
    expect(guarded.isOwn(spotlight('shape:B', 6))).toBe(true);
  });
});

describe('PresenceMemory', () => {
  const alice = { name: 'Alice', color: '#047857' };
  const bob = { name: 'Bob', color: '#1d4ed8' };
  const chloe = { name: 'Chloé', color: '#b91c1c' };

  it('keeps those the dropped connection hid, forgets who left while connected', () => {
    const memory = new PresenceMemory();
    memory.observe(
      new Map([
        ['a', alice],
        ['b', bob],
        ['c', chloe],
      ]),
      0,
      true,
    );
    memory.observe(
      new Map([
        ['a', alice],
        ['b', bob],
      ]),
      60_000,
      true,
    ); // Chloé leaves
    memory.observe(
      new Map([
        ['a', alice],
        ['b', bob],
      ]),
      70_000,
      true,
    ); // for real
    memory.observe(new Map(), 600_000, true); // the socket closes: the provider forgets all
    memory.observe(new Map(), 600_010, false); // and the tab learns it is offline
    expect(memory.absent().map((p) => [p.name, p.lastSeenAt])).toEqual([
      ['Alice', 600_000],
      ['Bob', 600_000],
    ]);
    // A reload (offline) restores them; back online, those still away are forgotten.
    const restored = PresenceMemory.restore(memory.serialize());
    expect(restored.absent().map((p) => p.name)).toEqual(['Alice', 'Bob']);
    restored.observe(new Map([['a', alice]]), 900_000, true);
    restored.observe(new Map([['a', alice]]), 900_000 + REAL_DEPARTURE_MS + 1, true);
    expect(restored.absent()).toEqual([]);
  });

  it('restores nothing from a damaged copy', () => {
    expect(PresenceMemory.restore('{oops').absent()).toEqual([]);
    expect(PresenceMemory.restore('[["a", {"name": 3}]]').absent()).toEqual([]);
  });

  it('words how long ago', () => {
    expect(lastSeenLabel(0, 30_000)).toEqual({ key: 'lastSeen.justNow', n: 0 });
    expect(lastSeenLabel(0, 3 * 60_000 + 5)).toEqual({ key: 'lastSeen.minutes', n: 3 });
    expect(lastSeenLabel(0, 125 * 60_000)).toEqual({ key: 'lastSeen.hours', n: 2 });
  });
});

describe('staysAfterSummon', () => {
  it('takes scrolling, pinching or pressing on the board as staying; moving the pointer not', () => {
    expect(staysAfterSummon({ type: 'wheel', name: 'wheel' })).toBe(true);
    expect(staysAfterSummon({ type: 'pinch', name: 'pinch_start' })).toBe(true);
    expect(staysAfterSummon({ type: 'pointer', name: 'pointer_down' })).toBe(true);
    expect(staysAfterSummon({ type: 'pointer', name: 'pointer_move' })).toBe(false);
    expect(staysAfterSummon({ type: 'pinch', name: 'pinch' })).toBe(false);
    expect(staysAfterSummon({ type: 'keyboard', name: 'key_down' })).toBe(false);
  });
});
