import { afterEach, describe, expect, it } from 'vitest';
import { useSearchStore } from './searchStore.js';

describe('the dimmed cards of this person’s view', () => {
  afterEach(() => useSearchStore.getState().setDimmed(new Set()));

  it('keeps the same set when told the same ids again, so cards are not woken for nothing', () => {
    const { setDimmed } = useSearchStore.getState();
    setDimmed(new Set(['shape:a', 'shape:b']));
    const first = useSearchStore.getState().dimmed;
    let notified = 0;
    const stop = useSearchStore.subscribe(() => (notified += 1));
    setDimmed(new Set(['shape:b', 'shape:a']));
    expect(useSearchStore.getState().dimmed).toBe(first);
    expect(notified).toBe(0);
    setDimmed(new Set(['shape:a']));
    expect(notified).toBe(1);
    expect([...useSearchStore.getState().dimmed]).toEqual(['shape:a']);
    stop();
  });
});
