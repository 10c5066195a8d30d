import { useId, useState } from 'react';
import {
  importDelimiters,
  importEncodings,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportPreview,
} from '@boussole/shared';
import { Field, Select } from '../ui/fields.js';
import { labelKey, useImportT } from './importMessages.js';

/** How many rows the preview table shows (the server sends at most 20). */
const SHOWN_ROWS = 10;

/**
 * Step 2: what the server read — format, encoding and separator (which the person may force,
 * the file being read again), the first rows under their column names, the unreadable lines.
 */
export function PreviewStep(props: {
  preview: ImportPreview;
  busy: boolean;
  onReread(options: { encoding: ImportEncoding; delimiter: ImportDelimiter }): void;
  onNext(): void;
}) {
  const t = useImportT();
  const id = useId();
  const { preview } = props;
  const text = preview.encoding !== null;
  const [encoding, setEncoding] = useState<ImportEncoding>(preview.encoding ?? 'utf-8');
  const [delimiter, setDelimiter] = useState<ImportDelimiter>(preview.delimiter ?? ',');
  const changed = encoding !== preview.encoding || delimiter !== preview.delimiter;

  return (
    <section className="import-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('step.preview')}
      </h2>
      <p>
        <strong>{t('preview.format')} :</strong> {t(labelKey.format(preview.format))} ·{' '}
        <span data-testid="import-row-count">{t('preview.rows', { n: preview.rowCount })}</span>
      </p>
      {text && (
        <div className="import-row">
          <Field label={t('preview.encoding')}>
            <Select<ImportEncoding>
              value={encoding}
              options={importEncodings}
              optionLabel={(e) => t(labelKey.encoding(e))}
              onChange={setEncoding}
            />
          </Field>
          <Field label={t('preview.delimiter')}>
            <Select<ImportDelimiter>
              value={delimiter}
              options={importDelimiters}
              optionLabel={(d) => t(labelKey.delimiter(d))}
              onChange={setDelimiter}
            />
          </Field>
          <button
            type="button"
            disabled={!changed || props.busy}
            onClick={() => props.onReread({ encoding, delimiter })}
          >
            {t('preview.reread')}
          </button>
        </div>
      )}
      <div className="import-table-wrap" tabIndex={0} aria-labelledby={`${id}-caption`}>
        <table className="import-table">
          <caption id={`${id}-caption`} className="visually-hidden">
            {t('preview.firstRows')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('preview.line')}</th>
              {preview.columns.map((column) => (
                <th scope="col" key={column.index}>
                  {column.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
              <tr key={row.line}>
                <th scope="row">{row.line}</th>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.skipped.length === 0 ? (
        <p className="muted">{t('preview.noUnreadable')}</p>
      ) : (
        <details open>
          <summary>{t('preview.unreadable', { n: preview.skipped.length })}</summary>
          <ul>
            {preview.skipped.map((row) => (
              <li key={row.line}>
                {t('preview.line')} {row.line} : {row.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="import-actions">
        <button type="button" className="primary" onClick={props.onNext} disabled={props.busy}>
          {t('preview.next')}
        </button>
      </div>
    </section>
  );
}
