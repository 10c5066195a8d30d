import { describe, expect, it } from 'vitest';
import type { Me } from '@boussole/shared';
import { createSessionStore } from './session.js';

describe('createSessionStore', () => {
  it('is undefined until asked, then holds what the server says', async () => {
    const me = { principal: { kind: 'guest' } } as unknown as Me;
    const store = createSessionStore(() => Promise.resolve(me));
    expect(store.getState()).toBeUndefined();
    let heard = 0;
    store.subscribe(() => heard++);
    const asked = store.refresh();
    expect(store.asking).toBe(true);
    await asked;
    expect(store.getState()).toBe(me);
    expect(store.asking).toBe(false);
    expect(heard).toBe(1);
  });

  it('is null when nobody is signed in or the server cannot say', async () => {
    const nobody = createSessionStore(() => Promise.resolve(undefined));
    await nobody.refresh();
    expect(nobody.getState()).toBeNull();
    const failing = createSessionStore(() => Promise.reject(new Error('HTTP 500')));
    await failing.refresh();
    expect(failing.getState()).toBeNull();
  });

  it('keeps each store to itself', async () => {
    const me = { principal: { kind: 'guest' } } as unknown as Me;
    const one = createSessionStore(() => Promise.resolve(me));
    const two = createSessionStore(() => Promise.resolve(undefined));
    await one.refresh();
    expect(two.getState()).toBeUndefined();
  });
});
