import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '@boussole/shared';
import type { MessageKey } from '../i18n/messages.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { getAuditLog, workspaceExportUrl } from '../api/api.js';
import { ErrorAlert, errorText } from '../ui/forms.js';

/**
 * What only a workspace's administrators see: the RGPD archive and the audit log (and, beside
 * each document, PurgeHistoryButton). The server refuses all of it to anyone else; this only
 * hides it.
 */

const knownActions = new Set([
  'workspace.created',
  'workspace.updated',
  'workspace.exported',
  'member.added',
  'member.changed',
  'member.removed',
  'link.created',
  'link.revoked',
  'document.history-purged',
  'document.version-deleted',
  'report.created',
  'report.version-saved',
  'report.version-restored',
]);

function actionLabel(t: ReturnType<typeof useT>, action: string): string {
  return knownActions.has(action) ? t(`audit.${action}` as MessageKey) : action;
}

/** The few details worth a line in the log: who or what the change was about. */
function detailText(details: Record<string, unknown>): string {
  const parts = ['displayName', 'email', 'role', 'title', 'version', 'name']
    .map((key) => details[key])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  return parts.join(' · ');
}

/** Fetches the archive and hands it to the browser as a file named by the server. */
async function downloadExport(workspaceId: string): Promise<void> {
  const response = await fetch(workspaceExportUrl(workspaceId));
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { message?: string } | undefined;
    throw new Error(body?.message ?? `HTTP ${response.status}`);
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    'boussole-export.zip';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Some browsers read the object URL after the click returns: free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportAndAuditSection({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [error, setError] = useState<string>();

  const reload = useCallback(() => {
    getAuditLog(workspaceId)
      .then(setEntries)
      .catch((e: unknown) => setError(errorText(e)));
  }, [workspaceId]);
  useEffect(reload, [reload]);

  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  return (
    <section aria-labelledby="rgpd-title">
      <h2 id="rgpd-title">{t('ws.rgpd')}</h2>
      <p className="muted">{t('ws.exportAbout')}</p>
      <p>
        <a
          className="button"
          href={workspaceExportUrl(workspaceId)}
          download
          onClick={(event) => {
            // Downloaded here rather than by the browser, so that the log below can show the
            // export once it is done; the link itself still works without script.
            event.preventDefault();
            downloadExport(workspaceId)
              .then(reload)
              .catch((e: unknown) => setError(errorText(e)));
          }}
        >
          {t('ws.export')}
        </a>
      </p>
      <h3>{t('ws.audit')}</h3>
      <ErrorAlert error={error} />
      {entries && entries.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="audit-log">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{new Date(entry.at).toLocaleString(locale)}</td>
                <td>{entry.actorName}</td>
                <td>
                  {actionLabel(t, entry.action)}
                  {detailText(entry.details) && (
                    <span className="muted"> — {detailText(entry.details)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
