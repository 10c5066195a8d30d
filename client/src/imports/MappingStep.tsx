import { useId } from 'react';
import {
  indicatorImportFields,
  observationImportFields,
  observationSources,
  requiredImportField,
  type ImportCardKind,
  type ImportField,
  type ImportPreview,
  type WorkspaceDetail,
} from '@boussole/shared';
import { Field } from '../ui/fields.js';
import { ErrorAlert } from '../ui/forms.js';
import { labelKey, useImportT, type ImportT } from './importMessages.js';
import { fieldsOf, requiredFieldMapped, type FieldMapping, type FieldSource } from './mapping.js';
import type { DryRun } from './useDryRun.js';

function sourceValue(source: FieldSource | undefined): string {
  if (!source || source.from === 'none') return 'none';
  return source.from === 'constant' ? 'constant' : `column:${source.column}`;
}

function parseSource(value: string, previous: FieldSource | undefined): FieldSource {
  if (value === 'none') return { from: 'none' };
  if (value === 'constant') {
    return { from: 'constant', value: previous?.from === 'constant' ? previous.value : '' };
  }
  return { from: 'column', column: Number(value.slice('column:'.length)) };
}

/** Values a fixed value may take from the workspace's own lists, offered as suggestions. */
function suggestions(field: ImportField, workspace: WorkspaceDetail): readonly string[] {
  if (field === 'public') return workspace.publics;
  if (field === 'commune' || field === 'territory') return workspace.communes.map((c) => c.name);
  if (field === 'source') return observationSources;
  return [];
}

/**
 * Step 3: each card field from a column, a fixed value or nothing; optional grouping; and
 * the server's dry run of it — cards to create, rows skipped, values it does not know.
 */
export function MappingStep(props: {
  preview: ImportPreview;
  workspace: WorkspaceDetail;
  kind: ImportCardKind;
  mapping: FieldMapping;
  groupBy: number | null;
  dryRun: DryRun;
  onChange(mapping: FieldMapping, groupBy: number | null): void;
  onNext(): void;
}) {
  const t = useImportT();
  const id = useId();
  const { preview, mapping, groupBy, dryRun, kind } = props;
  const columnLabel = (index: number) =>
    t('mapping.column', { name: preview.columns.find((c) => c.index === index)?.name ?? '' });
  const ready = requiredFieldMapped(kind, mapping);
  const required = t(labelKey.field(requiredImportField[kind]));

  return (
    <section className="import-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('step.mapping')}
      </h2>
      <p className="muted">{t('mapping.intro')}</p>
      <div className="import-mapping">
        {fieldsOf(kind).map((field) => {
          const source = mapping[field];
          const list = suggestions(field, props.workspace);
          return (
            <div key={field}>
              <Field label={t(labelKey.field(field))}>
                <select
                  value={sourceValue(source)}
                  onChange={(e) =>
                    props.onChange(
                      { ...mapping, [field]: parseSource(e.target.value, source) },
                      groupBy,
                    )
                  }
                >
                  <option value="none">{t('mapping.none')}</option>
                  <option value="constant">{t('mapping.constant')}</option>
                  {preview.columns.map((c) => (
                    <option key={c.index} value={`column:${c.index}`}>
                      {columnLabel(c.index)}
                    </option>
                  ))}
                </select>
              </Field>
              {source?.from === 'constant' && (
                <Field label={t('mapping.constantValue', { field: t(labelKey.field(field)) })}>
                  <input
                    value={source.value}
                    maxLength={200}
                    list={list.length > 0 ? `${id}-${field}-list` : undefined}
                    onChange={(e) =>
                      props.onChange(
                        { ...mapping, [field]: { from: 'constant', value: e.target.value } },
                        groupBy,
                      )
                    }
                  />
                  {list.length > 0 && (
                    <datalist id={`${id}-${field}-list`}>
                      {list.map((value) => (
                        <option key={value} value={value} />
                      ))}
                    </datalist>
                  )}
                </Field>
              )}
            </div>
          );
        })}
        <Field label={t('mapping.groupBy')}>
          <select
            value={groupBy === null ? '' : String(groupBy)}
            onChange={(e) =>
              props.onChange(mapping, e.target.value === '' ? null : Number(e.target.value))
            }
          >
            <option value="">{t('mapping.noGroup')}</option>
            {preview.columns.map((c) => (
              <option key={c.index} value={String(c.index)}>
                {columnLabel(c.index)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {!ready && (
        <p role="alert" className="error">
          {t('mapping.required', { field: required })}
        </p>
      )}
      {ready && <DryRunResult dryRun={dryRun} t={t} />}
      <div className="import-actions">
        <button
          type="button"
          className="primary"
          onClick={props.onNext}
          disabled={!ready || dryRun.pending || !dryRun.result || dryRun.result.created === 0}
        >
          {t('mapping.next')}
        </button>
      </div>
    </section>
  );
}

function DryRunResult({ dryRun, t }: { dryRun: DryRun; t: ImportT }) {
  const { result } = dryRun;
  return (
    <div className="import-result" aria-live="polite" aria-busy={dryRun.pending}>
      <ErrorAlert error={dryRun.error} />
      {dryRun.pending && !result && <p>{t('mapping.checking')}</p>}
      {result && (
        <>
          <p data-testid="import-dry-run">
            <strong>{t('mapping.willCreate', { n: result.created })}</strong> ·{' '}
            {t('mapping.willSkip', { n: result.skipped })}
            {result.themes > 0 && <> · {t('mapping.themes', { n: result.themes })}</>}
            {dryRun.pending && <span className="muted"> — {t('mapping.checking')}</span>}
          </p>
          {result.skippedRows.length > 0 && (
            <details>
              <summary>{t('mapping.skippedRows')}</summary>
              <ul>
                {result.skippedRows.map((row) => (
                  <li key={row.line}>
                    {t('preview.line')} {row.line} : {row.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {result.unmatched.length > 0 && (
            <details open>
              <summary>{t('mapping.unmatched')}</summary>
              <ul>
                {result.unmatched.map((u) => (
                  <li key={`${u.field}:${u.value}`}>
                    {fieldName(u.field, t)} : « {u.value} » (
                    {t('mapping.unmatchedRows', { n: u.rows })})
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}

const allFields: readonly string[] = [...observationImportFields, ...indicatorImportFields];

/** The server names fields by their key; people read their label. */
function fieldName(field: string, t: ImportT): string {
  return allFields.includes(field) ? t(labelKey.field(field as ImportField)) : field;
}
