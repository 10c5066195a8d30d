import { useState } from 'react';
import type { PurgePreview } from '@boussole/shared';
import { deleteVersion, getPurgePreview, purgeHistory } from '../api/api.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { ErrorAlert, errorText } from '../ui/forms.js';

/**
 * "Purger l'historique" of one document: first the named versions that still hold what the
 * purge removes (each can be deleted), then the purge itself, confirmed.
 */
export function PurgeHistoryButton({ docId, title }: { docId: string; title: string }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [preview, setPreview] = useState<PurgePreview>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const open = () => {
    setDone(undefined);
    setError(undefined);
    getPurgePreview(docId)
      .then(setPreview)
      .catch((e: unknown) => setError(errorText(e)));
  };

  const purge = async () => {
    setBusy(true);
    try {
      const result = await purgeHistory(docId);
      setPreview(undefined);
      setDone(
        result.versionsKept > 0
          ? t('purge.doneWithVersions').replace('{n}', String(result.versionsKept))
          : t('purge.done'),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  return (
    <span className="purge">
      <button
        type="button"
        className="secondary"
        onClick={open}
        aria-label={`${t('purge.open')} — ${title}`}
      >
        {t('purge.open')}
      </button>
      <ErrorAlert error={error} />
      {done && (
        <span role="status" className="notice">
          {done}
        </span>
      )}
      {preview && (
        <div
          role="dialog"
          aria-modal="false"
          aria-labelledby={`purge-${docId}`}
          className="purge-dialog"
        >
          <h3 id={`purge-${docId}`}>
            {t('purge.title')} — {preview.title}
          </h3>
          <p>{t('purge.about')}</p>
          {preview.versions.length > 0 ? (
            <>
              <p>
                <strong>{t('purge.versions')}</strong>
              </p>
              <ul>
                {preview.versions.map((v) => (
                  <li key={v.id}>
                    {v.name} — {v.authorName}, {new Date(v.createdAt).toLocaleDateString(locale)}{' '}
                    <button
                      type="button"
                      onClick={() =>
                        void deleteVersion(docId, v.id)
                          .then(open)
                          .catch((e: unknown) => setError(errorText(e)))
                      }
                    >
                      {t('purge.deleteVersion')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t('purge.noVersions')}</p>
          )}
          <button type="button" className="danger" disabled={busy} onClick={() => void purge()}>
            {t('purge.confirm')}
          </button>{' '}
          <button type="button" onClick={() => setPreview(undefined)}>
            {t('purge.cancel')}
          </button>
        </div>
      )}
    </span>
  );
}
