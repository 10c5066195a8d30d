import { useEditor, useValue, type Box, type TLShapeId } from 'tldraw';
import { cardLinksOf, parseCardRef } from '@boussole/shared';
import './cardLinks.css';

/** Past this many, arrows would hide the board rather than explain it. */
const MAX_ARROWS = 500;

interface Arrow {
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where the segment from `box`'s centre towards (x, y) leaves the box. */
function edgePoint(box: Box, x: number, y: number): { x: number; y: number } {
  const dx = x - box.midX;
  const dy = y - box.midY;
  if (dx === 0 && dy === 0) return { x: box.midX, y: box.midY };
  const scale = Math.min(
    dx === 0 ? Infinity : box.w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.h / 2 / Math.abs(dy),
  );
  return { x: box.midX + dx * Math.min(1, scale), y: box.midY + dy * Math.min(1, scale) };
}

/**
 * The links between cards of this board, drawn as arrows from the linking card to the linked
 * one. Derived from the cards' props at every render, never stored: there is nothing to keep in
 * step, and nobody can draw a false link. Links to other boards show as chips instead.
 */
export function LinkArrows() {
  const editor = useEditor();
  const arrowsJson = useValue(
    'link arrows',
    () => {
      const arrows: Arrow[] = [];
      for (const shape of editor.getCurrentPageShapes()) {
        const refs = cardLinksOf(shape.type, shape.props as Record<string, unknown>);
        if (refs.length === 0) continue;
        const from = editor.getShapePageBounds(shape.id);
        if (!from) continue;
        for (const ref of refs) {
          const parsed = parseCardRef(ref);
          if (!parsed || parsed.boardId) continue;
          const to = editor.getShapePageBounds(parsed.cardId as TLShapeId);
          if (!to || arrows.length >= MAX_ARROWS) continue;
          const start = edgePoint(from, to.midX, to.midY);
          const end = edgePoint(to, from.midX, from.midY);
          arrows.push({
            key: `${shape.id}>${ref}`,
            x1: start.x,
            y1: start.y,
            x2: end.x,
            y2: end.y,
          });
        }
      }
      return JSON.stringify(arrows);
    },
    [editor],
  );
  const arrows = JSON.parse(arrowsJson) as Arrow[];
  if (arrows.length === 0) return null;
  return (
    <svg className="link-arrows" aria-hidden="true" data-testid="link-arrows">
      <defs>
        <marker
          id="boussole-link-head"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#1d4f91" />
        </marker>
      </defs>
      {arrows.map((a) => (
        <line
          key={a.key}
          data-link={a.key}
          x1={a.x1}
          y1={a.y1}
          x2={a.x2}
          y2={a.y2}
          stroke="#1d4f91"
          strokeWidth={2}
          strokeDasharray="6 4"
          markerEnd="url(#boussole-link-head)"
        />
      ))}
    </svg>
  );
}
