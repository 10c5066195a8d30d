import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.js';
import { getSetupStatus, setUp, signIn } from '../api/api.js';
import { navigate, takeFragmentToken } from '../ui/router.js';
import { ErrorAlert, useFormAction } from '../ui/forms.js';
import { InputField } from '../ui/fields.js';
import { useRefreshSession } from '../api/session.js';

/** Staff sign-in, shown on the home page to whoever is not signed in. */
export function SignInPage() {
  const t = useT();
  const refreshSession = useRefreshSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [setupNeeded, setSetupNeeded] = useState(false);

  useEffect(() => {
    void getSetupStatus()
      .then(setSetupNeeded)
      .catch(() => undefined);
  }, []);

  const { error, onSubmit } = useFormAction(async () => {
    await signIn({ email, password });
    await refreshSession();
  });

  return (
    <main className="home">
      <form className="card-form" onSubmit={onSubmit} aria-label={t('auth.title')}>
        <h1>{t('auth.title')}</h1>
        {setupNeeded && <p className="notice">{t('auth.setupHint')}</p>}
        <ErrorAlert error={error} />
        <InputField
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <InputField
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <button type="submit">{t('auth.submit')}</button>
        <p className="muted">{t('auth.guestHint')}</p>
      </form>
    </main>
  );
}

/** /setup#<token>: the first administrator, once. */
export function SetupPage() {
  const t = useT();
  const refreshSession = useRefreshSession();
  const [token] = useState(takeFragmentToken);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const { error, onSubmit } = useFormAction(async () => {
    await setUp({ token, email, displayName, password });
    await refreshSession();
    navigate('/');
  });

  return (
    <main className="home">
      <form className="card-form" onSubmit={onSubmit} aria-label={t('setup.title')}>
        <h1>{t('setup.title')}</h1>
        {!token && <p className="error">{t('setup.noToken')}</p>}
        <ErrorAlert error={error} />
        <DisplayNameField label={t('setup.name')} value={displayName} onChange={setDisplayName} />
        <InputField
          label={t('auth.email')}
          type="email"
          required
          value={email}
          onChange={setEmail}
        />
        <InputField
          label={`${t('auth.password')} (${t('setup.passwordHint')})`}
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={password}
          onChange={setPassword}
        />
        <button type="submit" disabled={!token}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}

// The invitation page reads the link's preview first: it lives in its own folder.
export { InvitationPage } from './invitation/InvitationPage.js';

/** The name others will see: the same bounds as a guest's (invitation/InvitationPage.tsx). */
function DisplayNameField(props: { label: string; value: string; onChange(value: string): void }) {
  return <InputField {...props} required maxLength={80} />;
}
