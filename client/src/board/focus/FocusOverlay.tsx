import { useValue, type Editor, type TLShapeId } from 'tldraw';
import type { SessionFocus } from '@boussole/shared';
import { useFocusT } from './focusMessages.js';
import type { FloatingReaction } from './useReactions.js';

/** The box of a card (or a page point) in the canvas' own coordinates, following the camera. */
function viewportBox(editor: Editor, cardId: string) {
  const bounds = editor.getShapePageBounds(cardId as TLShapeId);
  if (!bounds) return null;
  const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY });
  const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY });
  return {
    left: topLeft.x,
    top: topLeft.y,
    width: bottomRight.x - topLeft.x,
    height: bottomRight.y - topLeft.y,
  };
}

/**
 * Drawn over the canvas, never in the board: the spotlighted card's ring and the floating
 * reactions. Pointer events pass through to the board.
 */
export function FocusOverlay({
  editor,
  spotlight,
  reactions,
}: {
  editor: Editor;
  spotlight: SessionFocus['spotlight'] | undefined;
  reactions: FloatingReaction[];
}) {
  const t = useFocusT();
  const ring = useValue(
    'spotlight ring',
    () => (spotlight ? viewportBox(editor, spotlight.cardId) : null),
    [editor, spotlight?.cardId],
  );
  const placed = useValue(
    'reaction places',
    () =>
      reactions.map((r) => {
        const box = r.cardId ? viewportBox(editor, r.cardId) : null;
        const at = box
          ? { x: box.left + box.width / 2, y: box.top }
          : editor.pageToViewport(r.point ?? editor.getViewportPageBounds().center);
        return { ...r, x: at.x, y: at.y };
      }),
    [editor, reactions],
  );
  return (
    <div className="focus-overlay" aria-hidden={!ring}>
      {ring && (
        <div
          className="spotlight-ring"
          data-card-id={spotlight?.cardId}
          role="img"
          aria-label={t('spotlight.label')}
          style={{
            left: ring.left - 8,
            top: ring.top - 8,
            width: ring.width + 16,
            height: ring.height + 16,
          }}
        />
      )}
      {placed.map((r) => (
        <span
          key={r.key}
          className="floating-reaction"
          data-emoji={r.emoji}
          style={{ left: r.x - 16, top: r.y - 24 }}
        >
          {r.emoji}
        </span>
      ))}
    </div>
  );
}
