import { useId, useState } from 'react';
import type { Editor, TLShapeId } from 'tldraw';
import './arrange.css';
import { columnFields, sortFields, type ColumnField, type SortField } from './arrangeOrder.js';
import { arrangeBoardInColumns, arrangeTheme, arrangeUnthemed } from './arrangeOnBoard.js';
import type { ArrangeText } from './arrangeText.js';

function SortSelect({
  value,
  onChange,
  text: t,
}: {
  value: SortField;
  onChange: (value: SortField) => void;
  text: ArrangeText;
}) {
  return (
    <select
      aria-label={t.sortBy}
      value={value}
      onChange={(event) => onChange(event.target.value as SortField)}
    >
      {sortFields.map((field) => (
        <option key={field} value={field}>
          {t.sortFields[field]}
        </option>
      ))}
    </select>
  );
}

/** « Ranger » a theme: its cards in its grid, sorted by the chosen field. */
export function ThemeArrange({
  editor,
  themeId,
  text: t,
}: {
  editor: Editor;
  themeId: TLShapeId;
  text: ArrangeText;
}) {
  const [field, setField] = useState<SortField>('commune');
  return (
    <div className="arrange-row" data-testid="theme-arrange">
      <button type="button" onClick={() => arrangeTheme(editor, themeId, field)}>
        {t.arrange}
      </button>
      <SortSelect value={field} onChange={setField} text={t} />
    </div>
  );
}

/** The board-level arrangements of the observations in no theme. */
export function BoardArrange({ editor, text: t }: { editor: Editor; text: ArrangeText }) {
  const [sortField, setSortField] = useState<SortField>('commune');
  const [columnField, setColumnField] = useState<ColumnField>('commune');
  const columnsId = useId();
  return (
    <details className="board-menu" data-testid="board-arrange">
      <summary>{t.boardActions}</summary>
      <div className="board-menu-content board-arrange">
        <div className="arrange-row">
          <SortSelect value={sortField} onChange={setSortField} text={t} />
          <button type="button" onClick={() => arrangeUnthemed(editor, sortField)}>
            {t.arrangeUnthemed}
          </button>
        </div>
        <div className="arrange-row">
          <label htmlFor={columnsId}>{t.columnsBy}</label>
          <select
            id={columnsId}
            value={columnField}
            onChange={(event) => setColumnField(event.target.value as ColumnField)}
          >
            {columnFields.map((field) => (
              <option key={field} value={field}>
                {t.columnFields[field]}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => arrangeBoardInColumns(editor, columnField)}>
            {t.arrangeColumns}
          </button>
        </div>
      </div>
    </details>
  );
}
