// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { navigate, useRoute } from './router.js';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('useRoute', () => {
  it('follows navigate, and the back button', async () => {
    const { result } = renderHook(() => useRoute());
    expect(result.current).toEqual({ name: 'home' });
    act(() => navigate('/w/ws-1'));
    expect(result.current).toEqual({ name: 'workspace', workspaceId: 'ws-1' });
    await act(async () => {
      const back = new Promise((resolve) =>
        window.addEventListener('popstate', resolve, { once: true }),
      );
      window.history.back();
      await back;
    });
    expect(result.current).toEqual({ name: 'home' });
  });
});
