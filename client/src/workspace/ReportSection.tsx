import { canAdministerWorkspace, canCreateBoards, type WorkspaceDetail } from '@boussole/shared';
import { createReport } from '../api/api.js';
import { useT } from '../i18n/useT.js';
import { errorText } from '../ui/forms.js';
import { navigate, reportPath } from '../ui/router.js';
import { PurgeHistoryButton } from './PurgeHistoryButton.js';

export function ReportSection(props: { workspace: WorkspaceDetail; onError(e: string): void }) {
  const t = useT();
  const { workspace } = props;
  const open = (id: string) => navigate(reportPath(id));
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('ws.report')}</h2>
      {workspace.report ? (
        <p>
          <a
            href={reportPath(workspace.report.id)}
            onClick={(e) => {
              e.preventDefault();
              open(workspace.report!.id);
            }}
          >
            {workspace.report.title}
          </a>
          {canAdministerWorkspace(workspace.role) && (
            <PurgeHistoryButton docId={workspace.report.id} title={workspace.report.title} />
          )}
        </p>
      ) : (
        <>
          <p className="muted">{t('ws.noReport')}</p>
          {canCreateBoards(workspace.role) && (
            <button
              type="button"
              onClick={() =>
                void createReport(workspace.id)
                  .then((r) => open(r.id))
                  .catch((e: unknown) => props.onError(errorText(e)))
              }
            >
              {t('ws.createReport')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
