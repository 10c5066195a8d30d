import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { awarenessEntries } from '../../../shared/testing/awarenessEntries.js';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { assertAwarenessUpdate, changesNothing } from './awarenessUpdate.js';

/** Entries at clock 1: [client id, JSON]. */
function entries(states: [number, string][]): Uint8Array {
  return awarenessEntries(states.map(([id, json]): [number, number, string] => [id, 1, json]));
}

describe('assertAwarenessUpdate', () => {
  it('accepts what y-protocols encodes, including removals', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Zoé' } });
    expect(() =>
      assertAwarenessUpdate(encodeAwarenessUpdate(awareness, [awareness.clientID])),
    ).not.toThrow();
    expect(() => assertAwarenessUpdate(entries([[7, 'null']]))).not.toThrow();
    awareness.destroy();
  });

  it('refuses an update whose later entry is malformed, not only its first', () => {
    expect(() =>
      assertAwarenessUpdate(
        entries([
          [7, '{"a":1}'],
          [8, '{"a":'],
        ]),
      ),
    ).toThrow();
    expect(() => assertAwarenessUpdate(entries([[7, '{"a":1}']]).slice(0, -2))).toThrow();
    expect(() => assertAwarenessUpdate(Uint8Array.from([5, 1, 1]))).toThrow();
  });
});

describe('changesNothing', () => {
  function roomAwareness(): { awareness: Awareness; sender: Awareness } {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState(null);
    const sender = new Awareness(new Y.Doc());
    sender.setLocalState({ user: { name: 'Zoé' }, cursor: { x: 1, y: 2 } });
    return { awareness, sender };
  }

  it('recognises an echo of what the room already has, and nothing newer', () => {
    const { awareness, sender } = roomAwareness();
    const first = encodeAwarenessUpdate(sender, [sender.clientID]);
    expect(changesNothing(first, awareness)).toBe(false);
    applyAwarenessUpdate(awareness, first, 'peer');
    // The same frame again (a provider's echo) changes nothing.
    expect(changesNothing(first, awareness)).toBe(true);
    sender.setLocalStateField('cursor', { x: 3, y: 4 });
    const moved = encodeAwarenessUpdate(sender, [sender.clientID]);
    expect(changesNothing(moved, awareness)).toBe(false);
    applyAwarenessUpdate(awareness, moved, 'peer');
    // An older state arriving late changes nothing either.
    expect(changesNothing(first, awareness)).toBe(true);
  });

  it('leaves a removal at the current clock, and anything malformed, to the strict path', () => {
    const { awareness, sender } = roomAwareness();
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(sender, [sender.clientID]), 'peer');
    const clock = awareness.meta.get(sender.clientID)!.clock;
    const removal = awarenessEntries([[sender.clientID, clock, 'null']]);
    expect(changesNothing(removal, awareness)).toBe(false);
    const echo = encodeAwarenessUpdate(sender, [sender.clientID]);
    expect(changesNothing(echo.slice(0, -1), awareness)).toBe(false);
    expect(changesNothing(Uint8Array.from([...echo, 0]), awareness)).toBe(false);
    expect(changesNothing(Uint8Array.from([0]), awareness)).toBe(false);
    // One stale entry does not hide a new one behind it.
    const stranger = awarenessEntries([
      [sender.clientID, clock, '{"user":{"name":"Zoé"}}'],
      [424242, 1, '{"user":{"name":"Yann"}}'],
    ]);
    expect(changesNothing(stranger, awareness)).toBe(false);
  });
});
