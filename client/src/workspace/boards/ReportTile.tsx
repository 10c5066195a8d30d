import { useState } from 'react';
import { canAdministerWorkspace, canCreateBoards, type WorkspaceDetail } from '@boussole/shared';
import { createReport } from '../../api/api.js';
import { useT } from '../../i18n/useT.js';
import { errorText } from '../../ui/forms.js';
import { Menu } from '../../ui/Menu.js';
import { navigate, reportPath } from '../../ui/router.js';
import { SettingsDialog } from './BoardDialogs.js';
import { useBoardsT } from './boardsMessages.js';

/** The « rapport » step's own document: the report, or the button that starts it. */
export function ReportTile(props: { workspace: WorkspaceDetail; onError(e: string): void }) {
  const t = useT();
  const bt = useBoardsT();
  const [settings, setSettings] = useState(false);
  const { workspace } = props;
  const report = workspace.report;
  const open = (id: string) => navigate(reportPath(id));
  if (!report) {
    return (
      <div className="report-tile">
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
      </div>
    );
  }
  return (
    <div className="report-tile board-tile">
      <div className="tile-head">
        <a
          className="tile-title"
          href={reportPath(report.id)}
          onClick={(e) => {
            e.preventDefault();
            open(report.id);
          }}
        >
          {report.title}
        </a>
        {canAdministerWorkspace(workspace.role) && (
          <Menu
            label={bt('menu.label', { title: report.title })}
            items={[{ label: bt('menu.settings'), onSelect: () => setSettings(true) }]}
          />
        )}
      </div>
      <p className="tile-template">{t('ws.report')}</p>
      {settings && (
        <SettingsDialog docId={report.id} title={report.title} onClose={() => setSettings(false)} />
      )}
    </div>
  );
}
