import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import { awarenessEntries as entries } from '../../../shared/testing/awarenessEntries.js';
import { admitAwareness } from './presencePolicy.js';
import { ReactionBudget, judgeReaction } from './reactionBudget.js';

const limits = { maxPresenceIds: 4, maxPresenceBytes: 1024 };
const identity = { id: 'user-1', name: 'Aïcha Benali' };
const user = { id: identity.id, name: identity.name };
const awarenesses: Awareness[] = [];
afterEach(() => {
  for (const a of awarenesses.splice(0)) a.destroy();
});

function roomAwareness(): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  awarenesses.push(awareness);
  return awareness;
}

const reaction = (at: number, emoji = '👍', cardId: string | null = 'shape:card') => ({
  emoji,
  cardId,
  at,
});

describe('ReactionBudget', () => {
  it('lets a burst of five through, then one per second', () => {
    let now = 1_000_000;
    const budget = new ReactionBudget({ perSecond: 1, burst: 5 }, () => now);
    const burst = Array.from({ length: 8 }, () => budget.take());
    expect(burst).toEqual([true, true, true, true, true, false, false, false]);
    now += 500;
    expect(budget.take()).toBe(false);
    now += 500;
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
    now += 60_000;
    expect(Array.from({ length: 6 }, () => budget.take()).filter(Boolean)).toHaveLength(5);
  });
});

describe('judgeReaction', () => {
  it('passes a new valid reaction as the same object, and states without one untouched', () => {
    const budget = new ReactionBudget();
    const state = { user, reaction: reaction(1) };
    expect(judgeReaction(state, undefined, budget)).toBe(state);
    const plain = { user };
    expect(judgeReaction(plain, state, budget)).toBe(plain);
  });

  it('removes an invalid reaction (unknown emoji, extra field, huge card id)', () => {
    const budget = new ReactionBudget();
    for (const bad of [
      { emoji: '💩', cardId: null, at: 1 },
      { ...reaction(1), script: 'x' },
      reaction(1, '👍', 'x'.repeat(301)),
      'boom',
    ]) {
      expect(judgeReaction({ user, reaction: bad }, { user }, budget)).toEqual({ user });
    }
  });

  it('does not spend the budget on a reaction the room already shows', () => {
    const now = 0;
    const budget = new ReactionBudget({ perSecond: 1, burst: 1 }, () => now);
    const shown = { user, reaction: reaction(5) };
    expect(judgeReaction({ user, reaction: reaction(5) }, shown, budget)).toEqual(shown);
    expect(budget.take()).toBe(true);
  });
});

describe('admitAwareness with a reaction budget', () => {
  it('relays five reactions of a burst, then keeps showing the last admitted one', () => {
    let now = 5_000_000;
    const room = roomAwareness();
    const reactions = new ReactionBudget({ perSecond: 1, burst: 5 }, () => now);
    const context = { awareness: room, identity, ownIds: new Set<number>(), limits, reactions };
    const shown: unknown[] = [];
    for (let clock = 1; clock <= 9; clock++) {
      const state = JSON.stringify({ user, reaction: reaction(clock) });
      const admission = admitAwareness(entries([[42, clock, state]]), context);
      if (admission.kind !== 'apply') throw new Error(`expected apply, got ${admission.kind}`);
      if (clock === 1) context.ownIds.add(42);
      applyAwarenessUpdate(room, admission.update, 'test');
      shown.push((room.getStates().get(42) as { reaction?: { at: number } }).reaction?.at);
    }
    // The sixth to ninth, sent within the same second, are dropped: peers still see the fifth.
    expect(shown).toEqual([1, 2, 3, 4, 5, 5, 5, 5, 5]);
    now += 1_000;
    const next = JSON.stringify({ user, reaction: reaction(10) });
    const admission = admitAwareness(entries([[42, 10, next]]), context);
    if (admission.kind !== 'apply') throw new Error('expected apply');
    applyAwarenessUpdate(room, admission.update, 'test');
    expect(room.getStates().get(42)).toMatchObject({ reaction: reaction(10) });
  });

  it('keeps the cursor moving when the reaction is dropped', () => {
    const room = roomAwareness();
    const reactions = new ReactionBudget({ perSecond: 1, burst: 0 }, () => 0);
    const state = JSON.stringify({ user, reaction: reaction(1), tldrawPresence: { x: 1 } });
    const admission = admitAwareness(entries([[7, 1, state]]), {
      awareness: room,
      identity,
      ownIds: new Set(),
      limits,
      reactions,
    });
    if (admission.kind !== 'apply') throw new Error('expected apply');
    applyAwarenessUpdate(room, admission.update, 'test');
    const seen = room.getStates().get(7) as Record<string, unknown>;
    expect(seen.reaction).toBeUndefined();
    expect(seen.tldrawPresence).toMatchObject({ x: 1 });
  });
});
