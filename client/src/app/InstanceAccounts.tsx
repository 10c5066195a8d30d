import { useEffect, useState } from 'react';
import type { AccountSummary } from '@boussole/shared';
import { useT } from '../i18n/useT.js';
import { listAccounts, setWorkspaceCreation } from '../api/api.js';
import { ErrorAlert, errorText } from '../ui/forms.js';

/**
 * For instance administrators: every staff account, and whether it may create workspaces.
 * Instance administrators always may (their box is checked and locked); the server checks
 * the right again on every creation.
 */
export function InstanceAccounts() {
  const t = useT();
  const [accounts, setAccounts] = useState<AccountSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();

  useEffect(() => {
    listAccounts()
      .then(setAccounts)
      .catch(() => setError(t('accounts.loadError')));
  }, [t]);

  async function toggle(account: AccountSummary, allowed: boolean) {
    setBusy(account.id);
    setError(undefined);
    try {
      await setWorkspaceCreation(account.id, allowed);
      setAccounts((list) =>
        list?.map((a) => (a.id === account.id ? { ...a, canCreateWorkspaces: allowed } : a)),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section className="instance-accounts" aria-labelledby="instance-accounts-title">
      <h2 id="instance-accounts-title">{t('accounts.title')}</h2>
      <p className="muted">{t('accounts.about')}</p>
      <ErrorAlert error={error} />
      {accounts && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('accounts.name')}</th>
              <th scope="col">{t('accounts.email')}</th>
              <th scope="col">{t('accounts.canCreate')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <td>
                  {account.displayName}
                  {account.isAdmin && (
                    <span className="muted"> ({t('accounts.instanceAdmin')})</span>
                  )}
                </td>
                <td>{account.email}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('accounts.canCreate')} : ${account.displayName}`}
                    checked={account.canCreateWorkspaces}
                    disabled={account.isAdmin || busy === account.id}
                    onChange={(e) => void toggle(account, e.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
