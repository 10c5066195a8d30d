import { useCallback, useEffect, useState } from 'react';
import { canAdministerWorkspace, roleLabels, type WorkspaceDetail } from '@boussole/shared';
import { getWorkspace } from '../api/api.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { formatDay } from '../ui/formatDay.js';
import { ErrorAlert, errorText } from '../ui/forms.js';
import { BoardsSection } from './BoardsSection.js';
import { LinksSection } from './LinksSection.js';
import { MembersSection } from './MembersSection.js';
import { ReportSection } from './ReportSection.js';
import { ExportAndAuditSection } from './ExportAndAuditSection.js';

/** One ABS: what it is, who takes part where, its boards; members and links for admins. */
export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [workspace, setWorkspace] = useState<WorkspaceDetail | undefined>();
  const [error, setError] = useState<string>();

  const reload = useCallback(() => {
    getWorkspace(workspaceId)
      .then(setWorkspace)
      .catch((e: unknown) => setError(errorText(e)));
  }, [workspaceId]);
  useEffect(reload, [reload]);

  if (error && !workspace) {
    return (
      <main className="home">
        <ErrorAlert error={error} />
      </main>
    );
  }
  if (!workspace) return <p className="loading">…</p>;
  const admin = canAdministerWorkspace(workspace.role);
  return (
    <main className="home workspace">
      <h1>{workspace.name}</h1>
      <p className="muted">
        {t(`ws.kind.${workspace.kind}`)} · {formatDay(workspace.periodStart, language)} →{' '}
        {formatDay(workspace.periodEnd, language)} · {t('ws.yourRole')} :{' '}
        <strong>{roleLabels[workspace.role][language]}</strong>
      </p>
      <ErrorAlert error={error} />
      {workspace.communes.length > 0 && (
        <p>
          <strong>{t('ws.communes')} :</strong>{' '}
          {workspace.communes.map((c) => `${c.name} (${c.inseeCode})`).join(', ')}
        </p>
      )}
      {workspace.topics.length > 0 && (
        <p>
          <strong>{t('ws.topics')} :</strong> {workspace.topics.join(', ')}
        </p>
      )}
      {workspace.publics.length > 0 && (
        <p>
          <strong>{t('ws.publics')} :</strong> {workspace.publics.join(', ')}
        </p>
      )}

      <BoardsSection workspace={workspace} onError={setError} />

      <ReportSection workspace={workspace} onError={setError} />

      <MembersSection workspace={workspace} onChanged={reload} onError={setError} />

      {admin && <LinksSection workspaceId={workspace.id} onError={setError} />}
      {admin && <ExportAndAuditSection workspaceId={workspace.id} />}
    </main>
  );
}
