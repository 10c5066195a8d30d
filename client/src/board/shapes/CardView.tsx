import type { CSSProperties, ReactNode } from 'react';
import {
  HTMLContainer,
  stopEventPropagation,
  useEditor,
  useIsEditing,
  type TLShapePartial,
} from 'tldraw';
import type { CardShape } from './cardShapeTypes.js';

/**
 * The look shared by every card: a coloured header naming the kind of card, then its fields.
 * A card shows its values; double-clicking it (tldraw's editing state) turns them into form
 * fields that write straight to the shape, so every keystroke is a normal, synced edit.
 */

const ink = '#1d1d1d';

export function CardShell(props: {
  shape: CardShape;
  kindLabel: string;
  accent: string;
  badge?: string | undefined;
  children: ReactNode;
}) {
  const { shape, kindLabel, accent, badge, children } = props;
  return (
    <ShapeBox
      shape={shape}
      style={{
        display: 'flex',
        flexDirection: 'column',
        background: '#ffffff',
        border: `2px solid ${accent}`,
        borderRadius: 8,
        overflow: 'hidden',
        fontSize: 14,
        lineHeight: 1.35,
      }}
    >
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          gap: 8,
          padding: '4px 8px',
          background: accent,
        }}
      >
        <strong>{kindLabel}</strong>
        {badge ? <span>{badge}</span> : null}
      </div>
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          gap: 4,
          padding: 8,
          overflow: 'auto',
          flex: 1,
        }}
      >
        {children}
      </div>
    </ShapeBox>
  );
}

/**
 * A card's or theme's box at the shape's size, in the board's ink and font. It takes pointer
 * events only while edited, so that otherwise tldraw selects and drags the shape.
 */
export function ShapeBox(props: { shape: CardShape; style: CSSProperties; children: ReactNode }) {
  const { shape, style, children } = props;
  const isEditing = useIsEditing(shape.id);
  return (
    <HTMLContainer
      style={{
        width: shape.props.w,
        height: shape.props.h,
        pointerEvents: isEditing ? 'all' : 'none',
        color: ink,
        fontFamily: 'system-ui, sans-serif',
        ...style,
      }}
    >
      {children}
    </HTMLContainer>
  );
}

/** Writes a change to one card's props through the editor, so it is undoable and synced. */
export function useCardUpdater<S extends CardShape>(
  shape: S,
): (props: Partial<S['props']>) => void {
  const editor = useEditor();
  return (props) =>
    editor.updateShape({ id: shape.id, type: shape.type, props } as TLShapePartial<S>);
}

const fieldStyle: CSSProperties = {
  width: '100%',
  boxSizing: 'border-box',
  font: 'inherit',
  color: ink,
  border: '1px solid #8a8a8a',
  borderRadius: 4,
  padding: '2px 4px',
};

/** Stops the canvas from treating clicks and keys inside a form field as board gestures. */
const formFieldEvents = {
  onPointerDown: stopEventPropagation,
  onKeyDown: stopEventPropagation,
} as const;

export function TextField(props: {
  label: string;
  value: string;
  editing: boolean;
  multiline?: boolean;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  const { label, value, editing, multiline, placeholder, onChange } = props;
  if (!editing) {
    if (value === '')
      return placeholder ? <span style={{ color: '#6b6b6b' }}>{placeholder}</span> : null;
    return <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</span>;
  }
  return (
    <label style={{ display: 'flex', flexDirection: 'column', fontSize: 12 }}>
      {label}
      {multiline ? (
        <textarea
          value={value}
          rows={3}
          style={{ ...fieldStyle, resize: 'none' }}
          onChange={(e) => onChange(e.currentTarget.value)}
          {...formFieldEvents}
        />
      ) : (
        <input
          value={value}
          style={fieldStyle}
          onChange={(e) => onChange(e.currentTarget.value)}
          {...formFieldEvents}
        />
      )}
    </label>
  );
}

/** A number that may be unknown: an empty field means null; text that is not a number is ignored. */
export function NumberField(props: {
  label: string;
  value: number | null;
  editing: boolean;
  integer?: boolean;
  onChange: (value: number | null) => void;
}) {
  const { label, value, editing, integer, onChange } = props;
  if (!editing) return value === null ? null : <span>{value.toLocaleString('fr-FR')}</span>;
  return (
    <label style={{ display: 'flex', flexDirection: 'column', fontSize: 12 }}>
      {label}
      <input
        type="number"
        step={integer ? 1 : 'any'}
        defaultValue={value ?? ''}
        style={fieldStyle}
        onChange={(e) => {
          const raw = e.currentTarget.value.trim();
          if (raw === '') return onChange(null);
          const parsed = Number(raw);
          if (Number.isFinite(parsed) && (!integer || Number.isInteger(parsed))) onChange(parsed);
        }}
        {...formFieldEvents}
      />
    </label>
  );
}

/** A day picker; clearing it stores the empty string, which the schema reads as "date unknown". */
export function DateField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { label, value, onChange } = props;
  return (
    <label style={{ display: 'flex', flexDirection: 'column', fontSize: 12 }}>
      {label}
      <input
        type="date"
        value={value}
        style={fieldStyle}
        onChange={(e) => onChange(e.currentTarget.value)}
        {...formFieldEvents}
      />
    </label>
  );
}

export function ChoiceField<V extends string>(props: {
  label: string;
  value: V;
  options: readonly V[];
  optionLabel: (value: V) => string;
  editing: boolean;
  onChange: (value: V) => void;
}) {
  const { label, value, options, optionLabel, editing, onChange } = props;
  if (!editing) return null;
  return (
    <label style={{ display: 'flex', flexDirection: 'column', fontSize: 12 }}>
      {label}
      <select
        value={value}
        style={fieldStyle}
        onChange={(e) => {
          const chosen = options.find((option) => option === e.currentTarget.value);
          if (chosen !== undefined) onChange(chosen);
        }}
        {...formFieldEvents}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function cardIndicatorPath(shape: CardShape): Path2D {
  const path = new Path2D();
  path.roundRect(0, 0, shape.props.w, shape.props.h, 8);
  return path;
}
