import { lazy, Suspense } from 'react';
import { SessionProvider } from '../api/session.js';
import { useT } from '../i18n/useT.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { InvitationPage, SetupPage } from './AuthPages.js';
import { HomePage } from './HomePage.js';
import { WorkspacePage } from '../workspace/WorkspacePage.js';
import { ProfileBar } from './ProfileBar.js';
import { navigate, useRoute, type Route } from '../ui/router.js';
import './app.css';

// tldraw is large: the home page loads without it.
const BoardPage = lazy(() => import('../board/BoardPage.js'));
// So is the report's editor (ProseMirror): it loads only with a report.
const ReportPage = lazy(() => import('../report/ReportPage.js'));
// The import page is only for facilitators, now and then.
const ImportPage = lazy(() => import('../imports/ImportPage.js'));

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const route = useRoute();
  const t = useT();
  return (
    <div className={route.name === 'board' ? 'shell shell-board' : 'shell'}>
      <header className="topbar">
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          Boussole
        </a>
        <span className="tagline">{t('app.tagline')}</span>
        <ProfileBar />
      </header>
      <ErrorBoundary resetKey={JSON.stringify(route)}>
        <Page route={route} />
      </ErrorBoundary>
    </div>
  );
}

function Page({ route }: { route: Route }) {
  const t = useT();
  return (
    <>
      {route.name === 'home' && <HomePage />}
      {route.name === 'setup' && <SetupPage />}
      {route.name === 'invitation' && <InvitationPage />}
      {route.name === 'workspace' && <WorkspacePage workspaceId={route.workspaceId} />}
      {route.name === 'import' && (
        <Suspense fallback={<p className="loading">…</p>}>
          <ImportPage workspaceId={route.workspaceId} boardId={route.boardId} />
        </Suspense>
      )}
      {route.name === 'board' && (
        <Suspense fallback={<p className="loading">{t('board.loading')}</p>}>
          <BoardPage boardId={route.boardId} />
        </Suspense>
      )}
      {route.name === 'report' && (
        <Suspense fallback={<p className="loading">{t('report.loading')}</p>}>
          <ReportPage reportId={route.reportId} />
        </Suspense>
      )}
      {route.name === 'not-found' && <p className="loading">404</p>}
    </>
  );
}
