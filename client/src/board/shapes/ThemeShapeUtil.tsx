import {
  Group2d,
  Rectangle2d,
  useEditor,
  useIsEditing,
  useValue,
  type Geometry2d,
  type TLShape,
} from 'tldraw';
import { cardLabelsByLanguage } from '@boussole/shared';
import { useUiStore } from '../../stores/uiStore.js';
import type { ThemeShape } from './cardShapeTypes.js';
import { ShapeBox, TextField, useCardUpdater } from './CardView.js';
import { cardShapeUtil } from './cardShapeUtil.js';
import { observationsInTheme } from './themeMembership.js';
import { adoptCardsUnderTheme, arrangeThemeGrid } from '../placement/editorPlacement.js';
import { themeTitleHeight } from '../placement/themeGrid.js';

function observationCountLabel(count: number, language: 'fr' | 'en'): string {
  if (language === 'en')
    return count === 0 ? 'No observation' : count === 1 ? '1 observation' : `${count} observations`;
  if (count === 0) return 'Aucune observation';
  return count === 1 ? '1 observation' : `${count} observations`;
}

function ThemeFrame({ shape }: { shape: ThemeShape }) {
  const editor = useEditor();
  const editing = useIsEditing(shape.id);
  const update = useCardUpdater(shape);
  const language = useUiStore((s) => s.language);
  const count = useValue(
    'observations in theme',
    () => observationsInTheme(editor, shape.id).length,
    [editor, shape.id],
  );
  return (
    <ShapeBox
      editing={editing}
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
          alignItems: 'center',
          boxSizing: 'border-box',
          height: themeTitleHeight,
          padding: '0 10px',
          fontSize: 16,
        }}
      >
        <strong style={{ flex: 1 }}>
          <TextField
            label={language === 'fr' ? 'Nom du thème' : 'Theme name'}
            value={shape.props.label}
            editing={editing}
            placeholder={cardLabelsByLanguage[language].kinds.theme}
            onChange={(value) => update({ label: value })}
          />
        </strong>
        <span>{observationCountLabel(count, language)}</span>
      </div>
    </ShapeBox>
  );
}

/**
 * A theme is a frame: observations dragged into it become its children (tldraw's frame-like
 * behaviour), and the count it shows is read from those children, never stored.
 */
const ThemeCardUtil = cardShapeUtil({
  type: 'theme',
  frameLike: true,
  defaultProps: { w: 560, h: 400, label: '' },
  getText: (shape) => shape.props.label,
  Card: ThemeFrame,
});

/**
 * Like tldraw's frames, a theme is hit by its title bar (a label geometry, so a click there
 * selects it even over cards) and near its border (an unfilled body, so a click on its empty
 * inside falls through to a selection box, as on a frame). Cards dropped in are laid out in its
 * grid, and a theme moved or resized over cards takes them in.
 */
export class ThemeShapeUtil extends ThemeCardUtil {
  override getGeometry(shape: ThemeShape): Geometry2d {
    const { w, h } = shape.props;
    return new Group2d({
      children: [
        new Rectangle2d({ width: w, height: h, isFilled: false }),
        new Rectangle2d({
          width: w,
          height: Math.min(themeTitleHeight, h),
          isFilled: true,
          isLabel: true,
        }),
      ],
    });
  }

  override onDropShapesOver(shape: ThemeShape, shapes: TLShape[]): void {
    if (!shapes.some((dropped) => this.editor.getShape(dropped.id)?.parentId === shape.id)) return;
    this.editor.run(() => arrangeThemeGrid(this.editor, shape.id));
  }

  override onTranslateEnd(_initial: ThemeShape, current: ThemeShape): void {
    this.editor.run(() => adoptCardsUnderTheme(this.editor, current.id));
  }

  override onResizeEnd(_initial: ThemeShape, current: ThemeShape): void {
    this.editor.run(() => adoptCardsUnderTheme(this.editor, current.id));
  }
}
