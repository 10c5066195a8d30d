import { describe, expect, it } from 'vitest';
import { stampIdentity } from './awarenessIdentity.js';

const identity = { id: 'user-1', name: 'Aïcha Benali' };

describe('stampIdentity', () => {
  it('replaces the name and id a client claims with the ones the server gave it', () => {
    const state = {
      user: { id: 'admin', name: 'Le maire', color: '#047857' },
      tldrawPresence: { userId: 'admin', userName: 'Le maire', color: '#ff0000', cursor: { x: 1 } },
    };
    expect(stampIdentity(state, identity)).toEqual({
      user: { id: 'user-1', name: 'Aïcha Benali', color: '#047857' },
      tldrawPresence: {
        userId: 'user:user-1',
        userName: 'Aïcha Benali',
        color: '#ff0000',
        cursor: { x: 1 },
      },
    });
  });

  it('stamps a state that carries no identity at all', () => {
    expect(stampIdentity({ cursor: { x: 3 } }, identity)).toEqual({
      cursor: { x: 3 },
      user: identity,
    });
  });

  it('returns a state already showing the right identity itself, and only then', () => {
    const honest = {
      user: { ...identity, color: '#047857' },
      tldrawPresence: { userId: 'user:user-1', userName: 'Aïcha Benali', cursor: { x: 5 } },
    };
    expect(stampIdentity(honest, identity)).toBe(honest);
    const forged = {
      ...honest,
      tldrawPresence: { ...honest.tldrawPresence, userName: 'Le maire' },
    };
    expect(stampIdentity(forged, identity)).toMatchObject({
      tldrawPresence: { userName: 'Aïcha Benali' },
    });
  });

  it('passes removals and states that are not objects as they are', () => {
    expect(stampIdentity(null, identity)).toBe(null);
    expect(stampIdentity(42, identity)).toBe(42);
  });
});
