import { useSyncExternalStore } from 'react';

/** A handful of pages; a tiny history-based router is all Boussole needs. */
export type Route =
  | { name: 'home' }
  | { name: 'setup' }
  | { name: 'invitation' }
  | { name: 'workspace'; workspaceId: string }
  /** Importing a survey or indicator file; `boardId` preselects the board the cards go to. */
  | { name: 'import'; workspaceId: string; boardId?: string }
  | { name: 'board'; boardId: string }
  | { name: 'report'; reportId: string }
  | { name: 'not-found' };

const ID = '([A-Za-z0-9][A-Za-z0-9_-]{0,127})';

export function parseRoute(pathname: string, search = ''): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/setup') return { name: 'setup' };
  if (pathname === '/invitation') return { name: 'invitation' };
  const workspace = new RegExp(`^/w/${ID}/?$`).exec(pathname);
  if (workspace?.[1]) return { name: 'workspace', workspaceId: workspace[1] };
  const importing = new RegExp(`^/w/${ID}/import/?$`).exec(pathname);
  if (importing?.[1]) {
    const boardId = new URLSearchParams(search).get('board');
    return boardId && new RegExp(`^${ID}$`).test(boardId)
      ? { name: 'import', workspaceId: importing[1], boardId }
      : { name: 'import', workspaceId: importing[1] };
  }
  const board = new RegExp(`^/b/${ID}/?$`).exec(pathname);
  if (board?.[1]) return { name: 'board', boardId: board[1] };
  const report = new RegExp(`^/r/${ID}/?$`).exec(pathname);
  if (report?.[1]) return { name: 'report', reportId: report[1] };
  return { name: 'not-found' };
}

export function boardPath(boardId: string): string {
  return `/b/${boardId}`;
}

export function reportPath(reportId: string): string {
  return `/r/${reportId}`;
}

export function workspacePath(workspaceId: string): string {
  return `/w/${workspaceId}`;
}

/** The import page of a workspace, the board preselected when given. */
export function importPath(workspaceId: string, boardId?: string): string {
  const base = `/w/${workspaceId}/import`;
  return boardId ? `${base}?board=${encodeURIComponent(boardId)}` : base;
}

/**
 * The secret of a setup or invitation link: it travels in the URL fragment, which the browser
 * never sends to a server. Read once, then removed from the address bar and history.
 */
export function takeFragmentToken(): string {
  const token = decodeURIComponent(window.location.hash.slice(1));
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}

/**
 * The route lives in the browser's history, nowhere else: pushState fires no event, so
 * navigate announces itself with one of its own, heard like the back button's popstate.
 */
const NAVIGATED = 'boussole:navigated';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATED, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATED, listener);
  };
}

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return parseRoute(pathname, search);
}
