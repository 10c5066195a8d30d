import { BaseFrameLikeShapeUtil, HTMLContainer, useEditor, useIsEditing, useValue } from 'tldraw';
import { cardKindLabels, cardShapeSchemas } from '@boussole/shared';
import type { ThemeShape } from './cardShapeTypes.js';
import { TextField, cardIndicatorPath, useCardUpdater } from './CardView.js';
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
    <HTMLContainer
      style={{
        width: shape.props.w,
        height: shape.props.h,
        pointerEvents: editing ? 'all' : 'none',
        background: 'rgba(246, 215, 122, 0.12)',
        border: '2px dashed #b08a1e',
        borderRadius: 12,
        color: '#1d1d1d',
        fontFamily: 'system-ui, sans-serif',
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
    </HTMLContainer>
  );
}

/**
 * A theme is a frame: observations dragged into it become its children (tldraw's frame-like
 * behaviour), and the count it shows is read from those children, never stored.
 */
export class ThemeShapeUtil extends BaseFrameLikeShapeUtil<ThemeShape> {
  static override type = 'theme' as const;
  static override props = cardShapeSchemas.theme.props;
  static override migrations = cardShapeSchemas.theme.migrations;

  override getDefaultProps(): ThemeShape['props'] {
    return { w: 560, h: 400, label: '' };
  }

  override canEdit(): boolean {
    return true;
  }

  override getText(shape: ThemeShape): string {
    return shape.props.label;
  }

  override component(shape: ThemeShape) {
    return <ThemeFrame shape={shape} />;
  }

  override getIndicatorPath(shape: ThemeShape): Path2D {
    return cardIndicatorPath(shape);
  }
}
