import { useEffect, useState } from 'react';
import { roleLabels, type WorkspaceSummary } from '@boussole/shared';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { listWorkspaces } from '../api/api.js';
import { NewWorkspaceForm } from '../workspace/NewWorkspaceForm.js';
import { formatDay } from '../ui/formatDay.js';
import { SignInPage } from './AuthPages.js';
import { ErrorAlert } from '../ui/forms.js';
import { InstanceAccounts } from './InstanceAccounts.js';
import { navigate, workspacePath } from '../ui/router.js';
import { useSession } from '../api/session.js';

/** Signed out: sign in. Signed in: one's workspaces, a new one, or the demo on a fresh install. */
export function HomePage() {
  const t = useT();
  const session = useSession();
  if (session === undefined) return <p className="loading">…</p>;
  if (session === null) return <SignInPage />;
  if (session.principal.kind === 'guest')
    return <GoTo path={workspacePath(session.principal.workspaceId)} />;
  const { canCreateWorkspaces, isAdmin } = session.principal;
  return (
    <Workspaces title={t('ws.list')} canCreate={canCreateWorkspaces} instanceAdmin={isAdmin} />
  );
}

/** A guest has one workspace: the home page is theirs. */
function GoTo({ path }: { path: string }) {
  useEffect(() => navigate(path), [path]);
  return null;
}

/**
 * `canCreate`: the instance-level right to create workspaces (the demo creates one too);
 * instance administrators also see the accounts they grant it to.
 */
function Workspaces({
  title,
  canCreate,
  instanceAdmin,
}: {
  title: string;
  canCreate: boolean;
  instanceAdmin: boolean;
}) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [workspaces, setWorkspaces] = useState<WorkspaceSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [demoLoading, setDemoLoading] = useState(false);

  useEffect(() => {
    listWorkspaces()
      .then(setWorkspaces)
      .catch(() => setError(t('home.loadError')));
  }, [t]);

  async function onLoadDemo() {
    setDemoLoading(true);
    setError(undefined);
    try {
      // tldraw and the demo data load only when someone asks for the demo.
      const { loadDemoWorkspace } = await import('../demo/loadDemoWorkspace.js');
      const id = await loadDemoWorkspace();
      navigate(workspacePath(id));
    } catch (e) {
      setError(`${t('home.demo.error')} ${e instanceof Error ? e.message : String(e)}`);
      setDemoLoading(false);
    }
  }

  return (
    <main className="home">
      <h1>{title}</h1>
      <ErrorAlert error={error} />
      {workspaces && workspaces.length === 0 && (
        <section className="demo-offer" aria-labelledby="demo-offer-title">
          <h2 id="demo-offer-title">{t('home.demo.offer')}</h2>
          <p>{t('home.demo.about')}</p>
          {canCreate ? (
            <button type="button" onClick={() => void onLoadDemo()} disabled={demoLoading}>
              {demoLoading ? t('home.demo.loading') : t('home.demo.load')}
            </button>
          ) : (
            <p className="muted">{t('home.demo.noRight')}</p>
          )}
          {!demoLoading && <p className="muted">{t('ws.none')}</p>}
        </section>
      )}
      {workspaces && workspaces.length > 0 && (
        <ul className="board-list">
          {workspaces.map((w) => (
            <li key={w.id}>
              <a
                href={workspacePath(w.id)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(workspacePath(w.id));
                }}
              >
                {w.name}
              </a>{' '}
              <span className="muted">
                {t(`ws.kind.${w.kind}`)} · {formatDay(w.periodStart, language)} →{' '}
                {formatDay(w.periodEnd, language)} · {roleLabels[w.role][language]}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!canCreate && <p className="muted">{t('ws.noCreationRight')}</p>}
      {canCreate && <NewWorkspaceForm onError={setError} />}
      {instanceAdmin && <InstanceAccounts />}
    </main>
  );
}
