import { useEffect, useState } from 'react';
import type { LinkPreview } from '@boussole/shared';
import { previewLink, redeemLink } from '../../api/api.js';
import { useRefreshSession } from '../../api/session.js';
import { useUiStore } from '../../stores/uiStore.js';
import { InputField } from '../../ui/fields.js';
import { ErrorAlert, useFormAction } from '../../ui/forms.js';
import { navigate, takeFragmentToken, workspacePath } from '../../ui/router.js';
import {
  communesText,
  noticeParagraphs,
  refusalText,
  roleSentence,
  useInvitationT,
} from './invitationMessages.js';
import './invitation.css';

type PreviewState =
  | { state: 'loading' }
  | { state: 'ready'; preview: LinkPreview }
  | { state: 'refused'; error: unknown };

/**
 * /invitation#<token>: before giving any name, the guest reads which ABS the link opens, the
 * role it gives and how contributions and names are used (the workspace's information notice,
 * RGPD art. 13); then chooses the name others will see, a suggested pseudonym one click away.
 * A link that cannot be used says why, and offers no form.
 */
export function InvitationPage() {
  const t = useInvitationT();
  const language = useUiStore((s) => s.language);
  const refreshSession = useRefreshSession();
  // An object, so that the same link opened again is read again.
  const [link, setLink] = useState(() => ({ token: takeFragmentToken() }));
  const { token } = link;
  const [preview, setPreview] = useState<PreviewState>({ state: 'loading' });
  const [displayName, setDisplayName] = useState('');

  // The page drops the token from its address; another link pasted into this tab then only
  // changes the fragment, which reloads nothing: read that one instead.
  useEffect(() => {
    const onHashChange = () => {
      const next = takeFragmentToken();
      if (!next) return;
      setPreview({ state: 'loading' });
      setLink({ token: next });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    if (!link.token) return;
    let current = true;
    previewLink(link.token)
      .then((p) => {
        if (current) setPreview({ state: 'ready', preview: p });
      })
      .catch((error: unknown) => {
        if (current) setPreview({ state: 'refused', error });
      });
    return () => {
      current = false;
    };
  }, [link]);

  const { error, onSubmit } = useFormAction(async () => {
    const { workspaceId } = await redeemLink({ token, displayName });
    await refreshSession();
    navigate(workspacePath(workspaceId));
  });

  return (
    <main className="home invitation">
      <h1>{t('title')}</h1>
      {!token ? (
        <p role="alert" className="error">
          {t('noToken')}
        </p>
      ) : preview.state === 'loading' ? (
        <p role="status" className="muted">
          {t('loading')}
        </p>
      ) : preview.state === 'refused' ? (
        <p role="alert" className="error">
          {refusalText(preview.error, language)}
        </p>
      ) : (
        <>
          <InvitationSummary preview={preview.preview} />
          <form className="card-form" onSubmit={onSubmit} aria-label={t('title')}>
            <ErrorAlert error={error} />
            <InputField
              label={t('name.label')}
              aria-describedby="invitation-name-hint"
              autoComplete="nickname"
              required
              maxLength={80}
              value={displayName}
              onChange={setDisplayName}
            />
            <p id="invitation-name-hint" className="muted invitation-hint">
              {t('name.hint')}
            </p>
            <button
              type="button"
              className="invitation-suggest"
              onClick={() => setDisplayName(preview.preview.suggestedName)}
            >
              {t('name.suggest', { name: preview.preview.suggestedName })}
            </button>
            <button type="submit">{t('submit')}</button>
          </form>
        </>
      )}
    </main>
  );
}

/** Which ABS, which instance and role, and the notice: everything read before joining. */
function InvitationSummary({ preview }: { preview: LinkPreview }) {
  const t = useInvitationT();
  const language = useUiStore((s) => s.language);
  const communes = communesText(preview.workspace.communes, language);
  return (
    <>
      <div className="invitation-what">
        <p>
          {communes
            ? t('workspace.one', { name: preview.workspace.name, communes })
            : t('workspace.none', { name: preview.workspace.name })}
        </p>
        <p className="invitation-role">{roleSentence(language, preview.role, preview.instance)}</p>
      </div>
      <section className="invitation-notice" aria-labelledby="invitation-notice-title">
        <h2 id="invitation-notice-title">{t('notice.title')}</h2>
        {/* The administrators' text as plain paragraphs: never HTML, whatever they typed. */}
        {noticeParagraphs(preview.notice).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </section>
    </>
  );
}
