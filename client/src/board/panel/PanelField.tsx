import { useId } from 'react';
import { parseFieldValue, type FieldSpec } from './cardFields.js';
import type { PanelText } from './panelText.js';
import type { WorkspaceVocabulary } from './useWorkspaceVocabulary.js';
import { matchVocabulary } from './vocabulary.js';

/** One property of the selected card, as the input that suits it. */
export function PanelField({
  field,
  value,
  vocabulary,
  text: t,
  onChange,
}: {
  field: FieldSpec;
  value: unknown;
  vocabulary: WorkspaceVocabulary;
  text: PanelText;
  onChange: (value: unknown) => void;
}) {
  const id = `card-field-${field.key}`;
  const listId = useId();
  const flagId = useId();
  const text = value === null || value === undefined ? '' : String(value);
  if (field.input === 'vocabulary') {
    const list = vocabulary[field.list];
    // Free entry stays possible; it is flagged only when the workspace has a list to follow.
    const offList = list.length > 0 && matchVocabulary(text, list).kind === 'offList';
    // The flag sits outside the label, so the field's name stays its label alone.
    return (
      <div className="vocabulary-field">
        <label htmlFor={id}>
          {field.label}
          <input
            id={id}
            type="text"
            list={listId}
            value={text}
            aria-invalid={offList || undefined}
            aria-describedby={offList ? flagId : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={listId}>
            {list.map((entry) => (
              <option key={entry} value={entry} />
            ))}
          </datalist>
        </label>
        {offList && (
          <small id={flagId} className="field-flag" data-testid={`${field.key}-off-list`}>
            <span aria-hidden="true">⚠ </span>
            {t.offList}
          </small>
        )}
      </div>
    );
  }
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
