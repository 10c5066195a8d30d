import { useValue, type Editor, type TLShapeId } from 'tldraw';
import { cardVotesOf, type SessionVote } from '@boussole/shared';
import { voteCardLabel } from './cardLabel.js';
import { useVoteT } from './voteMessages.js';

/**
 * Below this width on screen (px), a card is too small for its « − ● + » control: neighbours'
 * controls would overlap and cover the cards. It then gets one small button that brings the
 * card close enough to vote on.
 */
export const COMPACT_BELOW_PX = 120;

/** Where a card's top-right corner is on screen, following the camera, and its width there. */
function cornerOf(editor: Editor, cardId: string) {
  const bounds = editor.getShapePageBounds(cardId as TLShapeId);
  if (!bounds) return null;
  const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY });
  return { left: corner.x, top: corner.y, width: bounds.w * editor.getZoomLevel() };
}

/** The card close enough to read and vote on: centred, at its real size at most. */
function zoomToCard(editor: Editor, cardId: string) {
  const bounds = editor.getShapePageBounds(cardId as TLShapeId);
  if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1, animation: { duration: 200 } });
}

/**
 * Over the canvas, never in the board: while a vote is open, each card of the vote gets a
 * control with the person's own dots (only theirs: nobody else's reach this browser) and
 * buttons to add or remove one; once it is closed, each card shows its count, read from the
 * card's `meta.votes` that the server wrote.
 */
export function VoteCardDots({
  editor,
  vote,
  myDots,
  canVote,
  remaining,
  onDot,
}: {
  editor: Editor;
  vote: SessionVote;
  myDots: Readonly<Record<string, number>>;
  canVote: boolean;
  remaining: number;
  onDot(cardId: string, delta: 1 | -1): void;
}) {
  const t = useVoteT();
  const placed = useValue(
    'vote dot places',
    () =>
      vote.cardIds
        .map((cardId) => {
          const at = cornerOf(editor, cardId);
          if (!at) return null;
          const count = cardVotesOf(editor.getShape(cardId as TLShapeId));
          return { cardId, ...at, total: count?.voteId === vote.id ? count.dots : undefined };
        })
        .filter((p) => p !== null),
    [editor, vote],
  );
  if (vote.status === 'open' && !canVote) return null;
  return (
    <div className="vote-overlay">
      {placed.map((place) => {
        const label = voteCardLabel(editor, place.cardId);
        const mine = myDots[place.cardId] ?? 0;
        return (
          <div
            key={place.cardId}
            className={
              vote.status === 'open' && place.width < COMPACT_BELOW_PX
                ? 'vote-card vote-card-small'
                : 'vote-card'
            }
            data-card-id={place.cardId}
            style={{ left: place.left, top: place.top }}
          >
            {vote.status === 'open' && place.width < COMPACT_BELOW_PX ? (
              <button
                type="button"
                className="vote-card-compact"
                aria-label={t('vote.zoomToVote', { card: label, n: mine })}
                onClick={() => zoomToCard(editor, place.cardId)}
              >
                {mine > 0 ? `●${mine}` : '○'}
              </button>
            ) : vote.status === 'open' ? (
              <>
                <button
                  type="button"
                  className="vote-dot-button"
                  disabled={mine === 0}
                  aria-label={t('vote.remove', { card: label })}
                  onClick={() => onDot(place.cardId, -1)}
                >
                  −
                </button>
                <span className="vote-mine" aria-label={t('vote.mine', { n: mine })}>
                  {'●'.repeat(Math.min(mine, 10)) || '○'}
                </span>
                <button
                  type="button"
                  className="vote-dot-button"
                  disabled={remaining === 0}
                  aria-label={t('vote.add', { card: label })}
                  onClick={() => onDot(place.cardId, 1)}
                >
                  +
                </button>
              </>
            ) : (
              place.total !== undefined &&
              (place.width < COMPACT_BELOW_PX ? (
                // Seen from afar, the count alone: « 3 points » would cover the neighbours.
                <span
                  className="vote-total vote-total-small"
                  role="img"
                  aria-label={t('vote.points', { n: place.total })}
                  data-dots={place.total}
                >
                  {place.total}
                </span>
              ) : (
                <span className="vote-total" data-dots={place.total}>
                  {t('vote.points', { n: place.total })}
                </span>
              ))
            )}
          </div>
        );
      })}
    </div>
  );
}
