import type { Editor, TLShapeId } from 'tldraw';
import { boardPath } from '../../ui/router.js';

/**
 * Shows a linked card: on this board, selected and zoomed to; on another board, that board
 * opened on the card (BoardPage reads the `#shape:…` hash, as the report's excerpts use it).
 * A full page load opens the other board: its document, presence and rights are its own.
 */
export function followLink(
  editor: Editor,
  currentBoardId: string,
  target: { boardId: string; cardId: string },
): void {
  if (target.boardId !== currentBoardId) {
    window.location.assign(`${boardPath(target.boardId)}#${encodeURIComponent(target.cardId)}`);
    return;
  }
  const id = target.cardId as TLShapeId;
  if (!editor.getShape(id)) return;
  editor.select(id);
  const bounds = editor.getSelectionPageBounds();
  if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1, animation: { duration: 200 } });
}
