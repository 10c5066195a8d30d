import type { BoardForPage } from '../api/api.js';

/**
 * What the server last said about a board (title, rights), kept for the tab's life: reloaded
 * offline, the board page opens from it and from the board's local copy (IndexedDB) instead
 * of failing on its first request. The server still decides everything once the connection is
 * back: nothing written offline reaches the board without passing its checks.
 */
const keyOf = (boardId: string) => `boussole:board:${boardId}`;

export function rememberBoard(boardId: string, board: BoardForPage): void {
  try {
    window.sessionStorage.setItem(keyOf(boardId), JSON.stringify(board));
  } catch {
    // Storage full or disabled: only an offline reload of this board is lost.
  }
}

export function rememberedBoard(boardId: string): BoardForPage | undefined {
  try {
    // Written by rememberBoard from a parsed answer, in this tab: its shape is known.
    const kept = JSON.parse(window.sessionStorage.getItem(keyOf(boardId)) ?? 'null') as
      (BoardForPage & { id?: unknown }) | null;
    return kept && kept.id === boardId ? kept : undefined;
  } catch {
    return undefined;
  }
}
