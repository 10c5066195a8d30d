import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { MAX_NOTICE_CHARS, type InformationNotice } from '@boussole/shared';
import { getNotice, setNotice } from '../api/api.js';
import { useUiStore } from '../stores/uiStore.js';
import { ErrorAlert, errorText } from '../ui/forms.js';
import { useNoticeT } from './noticeMessages.js';
import './notice.css';

/**
 * Administrators only: the information notice guests read on the invitation page before
 * joining (how contributions and names are used, RGPD art. 13). The server keeps the default
 * text until the workspace has its own, and refuses anyone else's change.
 */
export function NoticeSection({ workspaceId }: { workspaceId: string }) {
  const t = useNoticeT();
  const language = useUiStore((s) => s.language);
  const [notice, setCurrent] = useState<InformationNotice>();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<'saved' | 'reset'>();
  const [busy, setBusy] = useState(false);

  const show = useCallback((next: InformationNotice) => {
    setCurrent(next);
    setText(next.text);
  }, []);

  useEffect(() => {
    getNotice(workspaceId)
      .then(show)
      .catch((e: unknown) => setError(errorText(e)));
  }, [workspaceId, show]);

  async function save(next: string | null, done: 'saved' | 'reset') {
    setError(undefined);
    setSaved(undefined);
    setBusy(true);
    try {
      show(await setNotice(workspaceId, next));
      setSaved(done);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save(text, 'saved');
  }

  const when = notice?.updatedAt
    ? new Date(notice.updatedAt).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
      })
    : '';

  return (
    <section className="notice-section" aria-labelledby="notice-title">
      <h2 id="notice-title">{t('title')}</h2>
      <p className="muted">{t('about')}</p>
      <ErrorAlert error={error} />
      {notice && (
        <form onSubmit={onSubmit} aria-label={t('title')}>
          <label htmlFor="notice-text">{t('field')}</label>
          <p id="notice-status" className="muted" data-custom={notice.custom}>
            {notice.custom ? t('custom', { when }) : t('default')}
          </p>
          <textarea
            id="notice-text"
            aria-describedby="notice-status notice-hint"
            required
            maxLength={MAX_NOTICE_CHARS}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setSaved(undefined);
            }}
          />
          <p id="notice-hint" className="muted">
            {t('hint', { used: text.length, max: MAX_NOTICE_CHARS })}
          </p>
          <div className="notice-actions">
            <button type="submit" disabled={busy || !text.trim()}>
              {t('save')}
            </button>
            <button
              type="button"
              disabled={busy || !notice.custom}
              onClick={() => void save(null, 'reset')}
            >
              {t('reset')}
            </button>
          </div>
          <p role="status" className="muted">
            {saved ? t(saved === 'saved' ? 'saved' : 'resetDone') : ''}
          </p>
        </form>
      )}
    </section>
  );
}
