import { useValue, type Editor, type TLShapeId } from 'tldraw';
import type { SessionFocus } from '@boussole/shared';
import { useFocusT } from './focusMessages.js';
import type { OwnSpotlights } from './spotlightOwn.js';

/**
 * A participant's side of a spotlight: « Fanny met une carte en lumière » with « Voir la
 * carte », which brings the card into this person's view (their view never moves by itself:
 * they may be reading elsewhere). Not shown to the facilitator who lit it, gone when the
 * spotlight ends.
 */
export function SpotlightBanner({
  editor,
  spotlight,
  own,
}: {
  editor: Editor;
  spotlight: SessionFocus['spotlight'] | undefined;
  own: OwnSpotlights;
}) {
  const t = useFocusT();
  const cardId = spotlight?.cardId;
  // The card may not be on this person's board (not revealed to them yet, or deleted).
  const onBoard = useValue(
    'spotlighted card on the board',
    () => !!cardId && editor.getShape(cardId as TLShapeId) !== undefined,
    [editor, cardId],
  );

  if (!spotlight || own.isOwn(spotlight)) return null;
  return (
    <div className="focus-banner" role="status">
      <span>{t('spotlight.banner', { name: spotlight.by })}</span>
      {onBoard && (
        <button
          type="button"
          onClick={() => {
            const bounds = editor.getShapePageBounds(spotlight.cardId as TLShapeId);
            if (!bounds) return;
            // Following someone would pull the view straight back.
            if (editor.getInstanceState().followingUserId) editor.stopFollowingUser();
            editor.zoomToBounds(bounds, { targetZoom: 1, animation: { duration: 300 } });
          }}
        >
          {t('spotlight.show')}
        </button>
      )}
    </div>
  );
}
