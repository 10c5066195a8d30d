import { useEffect, useState, type FormEvent } from 'react';
import {
  roleLabels,
  workspaceKinds,
  type WorkspaceKind,
  type WorkspaceSummary,
} from '@boussole/shared';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { createWorkspace, listWorkspaces } from '../api/api.js';
import { parseCommunes, parseList } from './workspaceForm.js';
import { formatDay } from '../ui/formatDay.js';
import { SignInPage } from './AuthPages.js';
import { ErrorAlert } from '../ui/forms.js';
import { Field, InputField } from '../ui/fields.js';
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
  const [name, setName] = useState('');
  const [kind, setKind] = useState<WorkspaceKind>('communale');
  const year = new Date().getFullYear();
  const [periodStart, setPeriodStart] = useState(`${year}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(`${year}-12-31`);
  const [communesText, setCommunesText] = useState('');
  const [topicsText, setTopicsText] = useState('');
  const [publicsText, setPublicsText] = useState('');

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

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    const { communes, badLines } = parseCommunes(communesText);
    if (badLines.length > 0) {
      setError(t('ws.communesBad').replace('{lines}', badLines.join(', ')));
      return;
    }
    try {
      const { id } = await createWorkspace({
        name,
        kind,
        periodStart,
        periodEnd,
        communes,
        topics: parseList(topicsText),
        publics: parseList(publicsText),
      });
      navigate(workspacePath(id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
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
      {canCreate && (
        <form className="new-board" onSubmit={(e) => void onCreate(e)} aria-label={t('ws.new')}>
          <h2>{t('ws.new')}</h2>
          <InputField
            label={t('ws.name')}
            name="name"
            value={name}
            required
            maxLength={200}
            onChange={setName}
          />
          <Field label={t('ws.kind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as WorkspaceKind)}>
              {workspaceKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`ws.kind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <InputField
            label={t('ws.periodStart')}
            type="date"
            required
            value={periodStart}
            onChange={setPeriodStart}
          />
          <InputField
            label={t('ws.periodEnd')}
            type="date"
            required
            value={periodEnd}
            onChange={setPeriodEnd}
          />
          <Field label={t('ws.communesInput')} className="wide">
            <textarea
              name="communes"
              rows={4}
              value={communesText}
              placeholder={'99001 Saint-Aubin-sur-Arvière\n99002 Les Granges'}
              onChange={(e) => setCommunesText(e.target.value)}
            />
          </Field>
          <InputField
            label={t('ws.topicsInput')}
            name="topics"
            value={topicsText}
            placeholder="logement, insertion, mobilité"
            onChange={setTopicsText}
          />
          <InputField
            label={t('ws.publicsInput')}
            name="publics"
            value={publicsText}
            placeholder="jeunes 16-25 ans, personnes âgées"
            onChange={setPublicsText}
          />
          <button type="submit">{t('ws.create')}</button>
        </form>
      )}
      {instanceAdmin && <InstanceAccounts />}
    </main>
  );
}
