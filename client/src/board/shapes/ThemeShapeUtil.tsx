import { useEditor, useIsEditing, useValue } from 'tldraw';
import { cardKindLabels } from '@boussole/shared';
import type { ThemeShape } from './cardShapeTypes.js';
import { ShapeBox, TextField, useCardUpdater } from './CardView.js';
import { cardShapeUtil } from './cardShapeUtil.js';
import { observationsInTheme } from './themeMembership.js';

function observationCountLabel(count: number): string {
  if (count === 0) return 'Aucune observation';
  return count === 1 ? '1 observation' : `${count} observations`;
}

function ThemeFrame({ shape }: { shape: ThemeShape }) {
  const editor = useEditor();
  const editing = useIsEditing(shape.id);
  const update = useCardUpdater(shape);
  const count = useValue(
    'observations in theme',
    () => observationsInTheme(editor, shape.id).length,
    [editor, shape.id],
  );
  return (
    <ShapeBox
      shape={shape}
      style={{
        background: 'rgba(246, 215, 122, 0.12)',
        border: '2px dashed #b08a1e',
        borderRadius: 12,
      }}
    >
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          gap: 8,
          padding: '6px 10px',
          fontSize: 16,
        }}
      >
        <strong style={{ flex: 1 }}>
          <TextField
            label="Nom du thème"
            value={shape.props.label}
            editing={editing}
            placeholder={cardKindLabels.theme}
            onChange={(value) => update({ label: value })}
          />
        </strong>
        <span>{observationCountLabel(count)}</span>
      </div>
    </ShapeBox>
  );
}

/**
 * A theme is a frame: observations dragged into it become its children (tldraw's frame-like
 * behaviour), and the count it shows is read from those children, never stored.
 */
export const ThemeShapeUtil = cardShapeUtil({
  type: 'theme',
  frameLike: true,
  defaultProps: { w: 560, h: 400, label: '' },
  getText: (shape) => shape.props.label,
  Card: ThemeFrame,
});
