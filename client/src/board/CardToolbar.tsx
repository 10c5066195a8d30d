import type { Editor, TLShapeId } from 'tldraw';
import { cardKinds, cardLabelsByLanguage, type CardKind } from '@boussole/shared';
import { useUiStore } from '../stores/uiStore.js';
import {
  createCardInFreeSpace,
  moveCardToFreeSpace,
  overlapsAnotherCard,
} from './placement/editorPlacement.js';

/** How long a new card keeps watching for someone else's card landing on the same spot. */
const collisionWatchMs = 5000;

/**
 * Two people can pick the same free spot in the instant before either sees the other's card.
 * When the other card arrives and covers ours, the card with the larger id moves away (the other
 * person's screen keeps theirs), so exactly one of the two moves and they end apart.
 */
function watchForSimultaneousCard(editor: Editor, id: TLShapeId): void {
  const stop = editor.store.listen(
    ({ changes }) => {
      const arrived = Object.values(changes.added).some((record) => record.typeName === 'shape');
      const moved = Object.values(changes.updated).some(([, to]) => to.typeName === 'shape');
      if (!arrived && !moved) return;
      if (!editor.getShape(id)) return stop();
      if (!overlapsAnotherCard(editor, id)) return;
      const mine = editor.getShapePageBounds(id);
      const covering = editor
        .getCurrentPageShapes()
        .filter((other) => other.id !== id && other.type !== 'theme')
        .filter((other) => {
          const box = editor.getShapePageBounds(other);
          return mine && box && mine.collides(box);
        });
      if (covering.some((other) => other.id < id)) {
        editor.run(() => moveCardToFreeSpace(editor, id), { history: 'ignore' });
      }
    },
    { source: 'remote', scope: 'document' },
  );
  setTimeout(stop, collisionWatchMs);
}

/** Places a new card of this kind in free space (or in the selected theme), and selects it. */
export function createCardAtCentre(editor: Editor, kind: CardKind): void {
  const id = createCardInFreeSpace(editor, kind);
  watchForSimultaneousCard(editor, id);
}

/** One button per ABS card kind. */
export function CardToolbar({ editor }: { editor: Editor | undefined }) {
  const language = useUiStore((state) => state.language);
  const labels = cardLabelsByLanguage[language].kinds;
  return (
    <div
      className="card-toolbar"
      role="toolbar"
      aria-label={language === 'fr' ? 'Cartes' : 'Cards'}
    >
      {cardKinds.map((kind) => (
        <button
          key={kind}
          type="button"
          disabled={!editor}
          data-card-kind={kind}
          onClick={() => editor && createCardAtCentre(editor, kind as CardKind)}
        >
          + {labels[kind]}
        </button>
      ))}
    </div>
  );
}
