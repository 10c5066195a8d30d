import { useState } from 'react';
import { useValue, type Editor, type TLShape } from 'tldraw';
import { cardKindLabels, cardPropsSchemas, isCardKind, type CardKind } from '@boussole/shared';
import { cardFields, parseFieldValue, type FieldSpec } from './cardFields.js';

type Props = Record<string, unknown>;

/**
 * Edits the selected ABS card field by field: the same properties as in-place editing, with
 * room for long verbatims and for links between cards. Every change is validated with the
 * shared schema before it reaches the board.
 */
export function CardSidePanel({ editor }: { editor: Editor }) {
  const shape = useValue('selected card', () => editor.getOnlySelectedShape(), [editor]);
  const hypotheses = useValue(
    'hypotheses on the page',
    () =>
      editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'hypothesis')
        .map((s) => ({ id: s.id, statement: String((s.props as Props).statement ?? '') })),
    [editor],
  );
  const [error, setError] = useState<string | undefined>();
  if (!shape || !isCardKind(shape.type)) return null;
  const kind: CardKind = shape.type;
  const props = shape.props as Props;

  function save(key: string, value: unknown) {
    if (!shape) return;
    const next = { ...props, [key]: value };
    const parsed = cardPropsSchemas[kind].safeParse(next);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'valeur invalide');
      return;
    }
    setError(undefined);
    editor.updateShape({ id: shape.id, type: shape.type, props: { [key]: value } } as TLShape);
  }

  return (
    <aside className="card-panel" aria-label={`Carte ${cardKindLabels[kind]}`}>
      <h2>{cardKindLabels[kind]}</h2>
      {cardFields[kind].map((field) => (
        <Field
          key={`${shape.id}-${field.key}`}
          field={field}
          value={props[field.key]}
          hypotheses={hypotheses}
          onChange={(value) => save(field.key, value)}
        />
      ))}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </aside>
  );
}

function Field({
  field,
  value,
  hypotheses,
  onChange,
}: {
  field: FieldSpec;
  value: unknown;
  hypotheses: { id: string; statement: string }[];
  onChange: (value: unknown) => void;
}) {
  const id = `card-field-${field.key}`;
  if (field.input === 'hypotheses') {
    const linked = new Set(Array.isArray(value) ? (value as string[]) : []);
    return (
      <fieldset>
        <legend>{field.label}</legend>
        {hypotheses.length === 0 && <p className="muted">Aucune hypothèse sur ce tableau.</p>}
        {hypotheses.map((h) => (
          <label key={h.id} className="check">
            <input
              type="checkbox"
              checked={linked.has(h.id)}
              onChange={(e) => {
                const next = new Set(linked);
                if (e.target.checked) next.add(h.id);
                else next.delete(h.id);
                onChange([...next]);
              }}
            />
            {h.statement || '(hypothèse sans énoncé)'}
          </label>
        ))}
      </fieldset>
    );
  }
  const text = value === null || value === undefined ? '' : String(value);
  return (
    <label htmlFor={id}>
      {field.label}
      {field.input === 'textarea' ? (
        <textarea id={id} rows={5} value={text} onChange={(e) => onChange(e.target.value)} />
      ) : field.input === 'select' ? (
        <select id={id} value={text} onChange={(e) => onChange(e.target.value)}>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={field.input === 'date' ? 'date' : 'text'}
          inputMode={field.input === 'number' ? 'decimal' : undefined}
          value={text}
          onChange={(e) => onChange(parseFieldValue(field, e.target.value))}
        />
      )}
    </label>
  );
}
