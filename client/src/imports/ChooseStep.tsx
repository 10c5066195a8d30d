import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { importCardKinds, type BoardSummary, type ImportCardKind } from '@boussole/shared';
import { Field, Select } from '../ui/fields.js';
import { labelKey, useImportT } from './importMessages.js';
import { ProgressBar } from './ProgressBar.js';
import type { UploadProgress } from '../api/imports.js';
import { useUiStore } from '../stores/uiStore.js';
import { fileSize } from './fileSize.js';

/** What the browser may pick; the server decides from the bytes anyway. */
const ACCEPTED = '.csv,.tsv,.txt,.xlsx,.ods';

export interface ChooseValues {
  boardId: string;
  kind: ImportCardKind;
  file: File | undefined;
}

/** Step 1: the board the cards go to, what the rows are, and the file (picked or dropped). */
export function ChooseStep(props: {
  boards: readonly BoardSummary[];
  values: ChooseValues;
  onChange(values: ChooseValues): void;
  onSubmit(): void;
  /** Bytes sent so far while uploading; `undefined` when idle. */
  upload: UploadProgress | undefined;
}) {
  const t = useImportT();
  const language = useUiStore((s) => s.language);
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const { values, onChange, upload } = props;

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onChange({ ...values, file });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (values.file && !upload) props.onSubmit();
  }

  return (
    <form className="import-panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('step.choose')}
      </h2>
      <Field label={t('choose.board')}>
        <Select
          value={values.boardId}
          options={props.boards.map((b) => b.id)}
          optionLabel={(boardId) => props.boards.find((b) => b.id === boardId)?.title ?? boardId}
          onChange={(boardId) => onChange({ ...values, boardId })}
        />
      </Field>
      <fieldset>
        <legend>{t('choose.kind')}</legend>
        {importCardKinds.map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name={`${id}-kind`}
              value={kind}
              checked={values.kind === kind}
              onChange={() => onChange({ ...values, kind })}
            />
            {t(labelKey.kind(kind))}
          </label>
        ))}
      </fieldset>
      <div
        className={dragging ? 'import-drop dragging' : 'import-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Field label={t('choose.file')}>
          <input
            type="file"
            accept={ACCEPTED}
            onChange={(e) => onChange({ ...values, file: e.target.files?.[0] })}
          />
        </Field>
        <p className="muted">{t('choose.drop')}</p>
        {values.file && (
          <p>
            {t('choose.chosen', {
              name: values.file.name,
              size: fileSize(values.file.size, language),
            })}
          </p>
        )}
      </div>
      {upload && (
        <>
          <p role="status">
            {upload.loaded < upload.total ? t('choose.uploading') : t('choose.reading')}
          </p>
          <ProgressBar
            label={t('choose.progress')}
            done={upload.loaded}
            total={upload.total}
            text={`${fileSize(upload.loaded, language)} / ${fileSize(upload.total, language)}`}
          />
        </>
      )}
      <div className="import-actions">
        <button
          type="submit"
          className="primary"
          disabled={!values.file || !values.boardId || upload !== undefined}
        >
          {t('choose.submit')}
        </button>
      </div>
    </form>
  );
}
