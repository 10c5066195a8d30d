import { useValue, type Editor } from 'tldraw';
import type { SessionFocus } from '@boussole/shared';
import { useFocusT } from './focusMessages.js';
import type { OwnSpotlights } from './spotlightOwn.js';
import type { SummonTracker } from './summonOnce.js';

function newSummonId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `summon-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The facilitator's view tools: bring everyone to this view, spotlight the selected card, turn
 * the spotlight off. They write the session document's `focus` (only animateurs and
 * administrateurs may; the server refuses anyone else's write).
 */
export function FacilitatorFocus({
  editor,
  focus,
  writeFocus,
  selfName,
  serverNow,
  tracker,
  ownSpotlights,
}: {
  editor: Editor;
  focus: SessionFocus | undefined;
  writeFocus(value: SessionFocus): void;
  selfName: string;
  serverNow: () => number;
  tracker: SummonTracker;
  ownSpotlights: OwnSpotlights;
}) {
  const t = useFocusT();
  const selected = useValue('spotlight candidate', () => editor.getOnlySelectedShapeId(), [editor]);
  const current = { summon: focus?.summon ?? null, spotlight: focus?.spotlight ?? null };
  const by = selfName.slice(0, 200) || '?';

  return (
    <div className="focus-tools" role="group" aria-label={t('facilitation.label')}>
      <button
        type="button"
        onClick={() => {
          const view = editor.getViewportPageBounds();
          const id = newSummonId();
          tracker.markSeen(id);
          writeFocus({
            ...current,
            summon: { id, x: view.x, y: view.y, w: view.w, h: view.h, by, at: serverNow() },
          });
        }}
      >
        {t('summon.button')}
      </button>
      <button
        type="button"
        disabled={!selected}
        onClick={() => {
          if (selected) {
            const spotlight = { cardId: selected, by, at: serverNow() };
            // Her own spotlight shows her no « Voir la carte »: the card is where she is.
            ownSpotlights.markLit(spotlight);
            writeFocus({ ...current, spotlight });
          }
        }}
      >
        {t('spotlight.button')}
      </button>
      {current.spotlight && (
        <button type="button" onClick={() => writeFocus({ ...current, spotlight: null })}>
          {t('spotlight.clear')}
        </button>
      )}
    </div>
  );
}
