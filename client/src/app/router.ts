import { useSyncExternalStore } from 'react';

/** Two kinds of page; a tiny history-based router is all Boussole needs. */
export type Route = { name: 'home' } | { name: 'board'; boardId: string } | { name: 'not-found' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  const board = /^\/b\/([A-Za-z0-9][A-Za-z0-9_-]{0,127})\/?$/.exec(pathname);
  if (board?.[1]) return { name: 'board', boardId: board[1] };
  return { name: 'not-found' };
}

export function boardPath(boardId: string): string {
  return `/b/${boardId}`;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}
