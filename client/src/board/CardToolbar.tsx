import { createShapeId, type Editor } from 'tldraw';
import { cardKindLabels, cardKinds, type CardKind } from '@boussole/shared';

/** Places a new card of this kind centred on what the person is looking at, and selects it. */
export function createCardAtCentre(editor: Editor, kind: CardKind): void {
  const centre = editor.getViewportPageBounds().center;
  const { w, h } = editor.getShapeUtil(kind).getDefaultProps() as { w: number; h: number };
  const id = createShapeId();
  editor.run(() => {
    editor.createShape({ id, type: kind, x: centre.x - w / 2, y: centre.y - h / 2 });
    editor.select(id);
  });
}

/** One button per ABS card kind. */
export function CardToolbar({ editor }: { editor: Editor | undefined }) {
  return (
    <div className="card-toolbar" role="toolbar" aria-label="Cartes">
      {cardKinds.map((kind) => (
        <button
          key={kind}
          type="button"
          disabled={!editor}
          data-card-kind={kind}
          onClick={() => editor && createCardAtCentre(editor, kind as CardKind)}
        >
          + {cardKindLabels[kind]}
        </button>
      ))}
    </div>
  );
}
