// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the store module, as a page load gets. */
async function loadStore() {
  vi.resetModules();
  return (await import('./uiStore.js')).useUiStore;
}

describe('the profile store', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a first visit’s id and colour across reloads, with no setting changed', async () => {
    const first = (await loadStore()).getState();
    expect(localStorage.getItem('boussole.profile')).not.toBeNull();
    const second = (await loadStore()).getState();
    expect(second.userId).toBe(first.userId);
    expect(second.color).toBe(first.color);
  });

  it('keeps a changed name and language', async () => {
    const store = await loadStore();
    store.getState().setDisplayName('Awa');
    store.getState().setLanguage('en');
    const reloaded = (await loadStore()).getState();
    expect(reloaded.displayName).toBe('Awa');
    expect(reloaded.language).toBe('en');
  });
});
