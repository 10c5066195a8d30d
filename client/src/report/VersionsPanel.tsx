import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { reportExportFormats, type PmNode, type VersionSummary } from '@boussole/shared';
import {
  getVersion,
  listVersions,
  reportExportUrl,
  restoreVersion,
  saveVersion,
} from '../api/api.js';
import { InputField } from '../ui/fields.js';
import { ErrorAlert, errorText } from '../ui/forms.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { blocksOf, diffBlocks, type DiffLine } from './versionDiff.js';

/**
 * Named versions: save one ("Version validée COPIL du 17/09/2026"), open it read-only, compare
 * it with the current text, restore it (a new change everyone receives), export it.
 */
export function VersionsPanel(props: {
  reportId: string;
  editor: Editor;
  canSave: boolean;
  canRestore: boolean;
}) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [comparison, setComparison] = useState<{ name: string; lines: DiffLine[] }>();

  const reload = useCallback(() => {
    listVersions(props.reportId)
      .then(setVersions)
      .catch((e: unknown) => setError(errorText(e)));
  }, [props.reportId]);
  useEffect(reload, [reload]);

  async function onSave(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await saveVersion(props.reportId, name);
      setName('');
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function compare(version: VersionSummary) {
    try {
      const { content } = await getVersion(props.reportId, version.id);
      const current = props.editor.getJSON() as PmNode;
      setComparison({
        name: version.name,
        lines: diffBlocks(blocksOf(content as PmNode), blocksOf(current)),
      });
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function restore(version: VersionSummary) {
    if (!window.confirm(t('versions.restoreConfirm').replace('{name}', version.name))) return;
    try {
      await restoreVersion(props.reportId, version.id);
      setComparison(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  return (
    <section className="versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('versions.title')}</h2>
      <ErrorAlert error={error} />
      {props.canSave && (
        <form onSubmit={(e) => void onSave(e)} aria-label={t('versions.save')}>
          <InputField
            label={t('versions.name')}
            value={name}
            required
            maxLength={200}
            placeholder={t('versions.placeholder')}
            onChange={setName}
          />
          <button type="submit">{t('versions.save')}</button>
        </form>
      )}
      {versions.length === 0 && <p className="muted">{t('versions.none')}</p>}
      <ul className="version-list">
        {versions.map((v) => (
          <li key={v.id}>
            <strong>{v.name}</strong>
            <span className="muted">
              {' '}
              — {v.authorName}, {new Date(v.createdAt).toLocaleString(locale)}
            </span>
            <div className="version-actions">
              <a
                href={reportExportUrl(props.reportId, 'html', { versionId: v.id, inline: true })}
                target="_blank"
                rel="noreferrer"
              >
                {t('versions.open')}
              </a>
              <button type="button" onClick={() => void compare(v)}>
                {t('versions.compare')}
              </button>
              {props.canRestore && (
                <button type="button" onClick={() => void restore(v)}>
                  {t('versions.restore')}
                </button>
              )}
              {reportExportFormats.map((format) => (
                <a key={format} href={reportExportUrl(props.reportId, format, { versionId: v.id })}>
                  {format.toUpperCase()}
                </a>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {comparison && (
        <div className="version-diff" aria-label={t('versions.diffTitle')} role="region">
          <h3>
            {t('versions.diffTitle')} — {comparison.name}
          </h3>
          {comparison.lines.every((l) => l.kind === 'same') && (
            <p className="muted">{t('versions.noDifference')}</p>
          )}
          <ul>
            {comparison.lines
              .filter((line) => line.kind !== 'same')
              .map((line, i) =>
                line.kind === 'changed' ? (
                  <li key={i} className="diff-changed">
                    {line.parts.map((part, j) =>
                      part.kind === 'added' ? (
                        <ins key={j} className="diff-added">
                          {part.text}
                        </ins>
                      ) : part.kind === 'removed' ? (
                        <del key={j} className="diff-removed">
                          {part.text}
                        </del>
                      ) : (
                        <span key={j}>{part.text}</span>
                      ),
                    )}
                  </li>
                ) : line.kind === 'added' ? (
                  <li key={i}>
                    <ins className="diff-added">{line.text}</ins>
                  </li>
                ) : (
                  <li key={i}>
                    <del className="diff-removed">{line.text}</del>
                  </li>
                ),
              )}
          </ul>
          <button type="button" onClick={() => setComparison(undefined)}>
            {t('versions.closeDiff')}
          </button>
        </div>
      )}
    </section>
  );
}
