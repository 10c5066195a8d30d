import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { HTMLContainer, stopEventPropagation, useEditor, type TLShapePartial } from 'tldraw';
import { useDimmedBySearch } from '../search/searchStore.js';
import { cardText } from '../panel/cardLabelText.js';
import { useUiStore } from '../../stores/uiStore.js';
import type { CardShape } from './cardShapeTypes.js';

/**
 * The look shared by every card: a coloured header naming the kind of card, then its fields.
 * A card shows its values; double-clicking it (tldraw's editing state) turns them into form
 * fields that write straight to the shape, so every keystroke is a normal, synced edit.
 */

const ink = '#1d1d1d';

export function CardShell(props: {
  shape: CardShape;
  /** Whether the card is being edited, as its card component read it (read once per card). */
  editing: boolean;
  kindLabel: string;
  accent: string;
  badge?: string | undefined;
  children: ReactNode;
}) {
  const { shape, editing, kindLabel, accent, badge, children } = props;
  // Kind and badge words follow the reader's language; an indicator's badge is its territory
  // and year, as typed, so it is left alone.
  const language = useUiStore((s) => s.language);
  const shownBadge = badge && shape.type !== 'indicator' ? cardText(badge, language) : badge;
  return (
    <ShapeBox
      shape={shape}
      editing={editing}
      className="card-shell"
      // The only per-kind value: the rest of the look is in cardView.css, shared by every card.
      style={{ '--card-accent': accent } as CSSProperties}
    >
      <div className="card-shell-header">
        <strong>{cardText(kindLabel, language)}</strong>
        {shownBadge ? <span>{shownBadge}</span> : null}
      </div>
      <div className="card-shell-fields">{children}</div>
    </ShapeBox>
  );
}

/**
 * A card's or theme's box at the shape's size, in the board's ink and font. It takes pointer
 * events only while edited, so that otherwise tldraw selects and drags the shape.
 */
export function ShapeBox(props: {
  shape: CardShape;
  /** Passed down rather than read again here: each subscription costs on a 2,000-card board. */
  editing: boolean;
  /** Classes for the box's look (cardView.css): a class costs a board far less than inline styles. */
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { shape, editing: isEditing, className, style, children } = props;
  // This person's search leaves the card out: faded on their screen only (search/boardSearch.css),
  // never in the document.
  const dimmed = useDimmedBySearch(shape.id);
  const fields = useRef<HTMLDivElement>(null);
  // Double-click turns the values into fields: the caret goes straight into the first one, so
  // typing starts at once (and the person's text selection no longer lands on the canvas).
  // Done a frame later: the double-click's own handling gives the focus back to the canvas
  // container after this render.
  useEffect(() => {
    if (!isEditing) return;
    const frame = requestAnimationFrame(() => {
      const first = fields.current?.querySelector<HTMLElement>('input, textarea, select');
      first?.focus({ preventScroll: true });
      if (first instanceof HTMLInputElement || first instanceof HTMLTextAreaElement) {
        const end = first.value.length;
        if (first.type !== 'date' && first.type !== 'number') first.setSelectionRange(end, end);
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [isEditing]);
  return (
    // Only the size is inline: every other property comes from classes (cardView.css), because
    // React sets inline styles one property at a time on each of a board's thousands of cards.
    <HTMLContainer
      className={[
        'card-box',
        isEditing ? 'card-box-editing' : '',
        className ?? '',
        dimmed ? 'card-search-dimmed' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      style={{ width: shape.props.w, height: shape.props.h, ...style }}
    >
      <div ref={fields} className="card-box-contents">
        {children}
      </div>
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
  const { value, editing, placeholder } = props;
  // A card at rest shows its value without reading the language: only its placeholder and its
  // form need it, and a board mounts thousands of resting fields at once.
  if (editing) return <TextFieldInput {...props} />;
  if (value === '') return placeholder ? <Placeholder text={placeholder} /> : null;
  return <span className="card-text">{value}</span>;
}

function Placeholder({ text }: { text: string }) {
  const language = useUiStore((s) => s.language);
  return <span className="card-placeholder">{cardText(text, language)}</span>;
}

function TextFieldInput(props: {
  label: string;
  value: string;
  multiline?: boolean;
  onChange: (value: string) => void;
}) {
  const { value, multiline, onChange } = props;
  const language = useUiStore((s) => s.language);
  const label = cardText(props.label, language);
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
  const { value, editing } = props;
  if (!editing) return value === null ? null : <span>{value.toLocaleString('fr-FR')}</span>;
  return <NumberFieldInput {...props} />;
}

function NumberFieldInput(props: {
  label: string;
  value: number | null;
  integer?: boolean;
  onChange: (value: number | null) => void;
}) {
  const { value, integer, onChange } = props;
  const language = useUiStore((s) => s.language);
  const label = cardText(props.label, language);
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
  const { value, onChange } = props;
  const language = useUiStore((s) => s.language);
  const label = cardText(props.label, language);
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
  // Shown only while editing: a resting card does not even subscribe to the language.
  return props.editing ? <ChoiceFieldInput {...props} /> : null;
}

function ChoiceFieldInput<V extends string>(props: {
  label: string;
  value: V;
  options: readonly V[];
  optionLabel: (value: V) => string;
  onChange: (value: V) => void;
}) {
  const { value, options, optionLabel, onChange } = props;
  const language = useUiStore((s) => s.language);
  const label = cardText(props.label, language);
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
            {cardText(optionLabel(option), language)}
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
