import { useCallback, useEffect, useState } from 'react';
import { canAdministerWorkspace, roleLabels, type WorkspaceDetail } from '@boussole/shared';
import { getWorkspace } from '../api/api.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { formatDay } from '../ui/formatDay.js';
import { ErrorAlert, errorText } from '../ui/forms.js';
import { BoardsSection } from './boards/BoardsSection.js';
import { LinksSection } from './LinksSection.js';
import { MembersSection } from './MembersSection.js';
import { ExportAndAuditSection } from './ExportAndAuditSection.js';
import { NoticeSection } from './NoticeSection.js';

/**
 * One ABS's home: what it is, its boards grouped by the ABS's steps with the report as the last
 * one, who takes part where; members and links for admins.
 */
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
    <main className="home workspace themed">
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

      <MembersSection workspace={workspace} onChanged={reload} onError={setError} />

      {admin && <LinksSection workspaceId={workspace.id} onError={setError} />}
      {admin && <NoticeSection workspaceId={workspace.id} />}
      {admin && <ExportAndAuditSection workspaceId={workspace.id} />}
    </main>
  );
}
