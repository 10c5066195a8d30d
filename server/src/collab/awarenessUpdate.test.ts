import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { assertAwarenessUpdate } from './awarenessUpdate.js';

function entries(states: [number, string][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, states.length);
  for (const [id, json] of states) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, json);
  }
  return encoding.toUint8Array(e);
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
