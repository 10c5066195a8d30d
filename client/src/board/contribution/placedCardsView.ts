import { Box, type Editor, type TLShapeId } from 'tldraw';
import { MAX_PLACEMENT_COORDINATE } from '@boussole/shared';

/**
 * Revealed and accepted cards land where the facilitator looks: the reveal and the inbox's
 * « accepter » send the centre of their view, and once the server has placed the cards there,
 * the facilitator's camera (theirs only: nobody else is moved) shows them if they are not all in
 * view already.
 */

/** How long the cards may take to arrive through the board's sync after the server's answer. */
const ARRIVAL_MS = 15_000;

const clamp = (value: number) =>
  Math.max(-MAX_PLACEMENT_COORDINATE, Math.min(MAX_PLACEMENT_COORDINATE, Math.round(value)));

/** The centre of what this person sees of the page, as the server takes it. */
export function viewCentre(editor: Editor): { x: number; y: number } | undefined {
  const { x, y } = editor.getViewportPageBounds().center;
  return Number.isFinite(x) && Number.isFinite(y) ? { x: clamp(x), y: clamp(y) } : undefined;
}

/**
 * Shows the cards `ids` once every one of them is on this page: if they are not all in view,
 * the camera moves to them in a short animation, zooming out if they need it, never in beyond
 * their real size. Returns what stops the wait (the panel closing, another reveal).
 */
export function showPlacedCards(editor: Editor, ids: readonly string[]): () => void {
  if (ids.length === 0) return () => {};
  const show = (): boolean => {
    const boxes = ids.map((id) => editor.getShapePageBounds(id as TLShapeId));
    if (boxes.some((box) => box === undefined)) return false;
    const bounds = Box.Common(boxes as Box[]);
    if (!editor.getViewportPageBounds().contains(bounds)) {
      editor.zoomToBounds(bounds, {
        targetZoom: Math.min(1, editor.getZoomLevel()),
        animation: { duration: 300 },
      });
    }
    return true;
  };
  if (show()) return () => {};
  const stopListening = editor.store.listen(() => {
    if (show()) stop();
  });
  const timer = setTimeout(() => stop(), ARRIVAL_MS);
  function stop() {
    stopListening();
    clearTimeout(timer);
  }
  return stop;
}
