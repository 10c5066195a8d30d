// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useUiStore } from '../stores/uiStore.js';
import { ErrorBoundary } from './ErrorBoundary.js';

function Broken(): never {
  throw new Error('render failed');
}

afterEach(() => {
  cleanup();
  act(() => useUiStore.setState({ language: 'fr' }));
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('replaces a failing page with a French message and a reload button', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onReload = vi.fn();
    act(() => useUiStore.setState({ language: 'fr' }));
    render(
      <ErrorBoundary onReload={onReload}>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/erreur/);
    fireEvent.click(screen.getByRole('button', { name: 'Recharger la page' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('speaks English when the interface does', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    act(() => useUiStore.setState({ language: 'en' }));
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/error/);
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
  });

  it('shows the next page again once the route changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(
      <ErrorBoundary resetKey="/b/one">
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    rerender(
      <ErrorBoundary resetKey="/w/two">
        <p>next page</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('next page')).toBeTruthy();
  });
});
