import { useEffect, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { reportExportFormats, type ReportDetail } from '@boussole/shared';
import { ApiRequestError, getReport, reportExportUrl } from '../api/api.js';
import { navigate, workspacePath } from '../ui/router.js';
import { ConnectionPill } from '../collab/ConnectionPill.js';
import type { CollabSession } from '../collab/collabSession.js';
import { useCollabSession } from '../collab/useCollabSession.js';
import { useT } from '../i18n/useT.js';
import { colourFor } from './collaborationCarets.js';
import { reportExtensions } from './reportExtensions.js';
import { BoardsProvider } from './excerpts/BoardsContext.js';
import { CommentHighlights } from './comments/commentHighlights.js';
import { CommentsPanel } from './comments/CommentsPanel.js';
import { ReportToolbar } from './ReportToolbar.js';
import { VersionsPanel } from './VersionsPanel.js';
import './report.css';

/**
 * The workspace's report, co-written live: the rights come first (a reader or a reviewer gets
 * a read-only text, which the server enforces anyway), then the document opens like a board.
 */
export default function ReportPage({ reportId }: { reportId: string }) {
  const t = useT();
  const [report, setReport] = useState<ReportDetail>();
  const [refusal, setRefusal] = useState<string>();

  useEffect(() => {
    setReport(undefined);
    setRefusal(undefined);
    getReport(reportId)
      .then(setReport)
      .catch((error: unknown) => {
        const status = error instanceof ApiRequestError ? error.status : 0;
        setRefusal(
          status === 401
            ? t('report.signIn')
            : status === 403
              ? t('report.forbidden')
              : status === 404
                ? t('report.notFound')
                : String(error instanceof Error ? error.message : error),
        );
      });
  }, [reportId, t]);

  if (refusal) {
    return (
      <main className="home">
        <p role="alert" className="error">
          {refusal}
        </p>
      </main>
    );
  }
  if (!report) return <p className="loading">{t('report.loading')}</p>;
  return <ReportEditor report={report} />;
}

function ReportEditor({ report }: { report: ReportDetail }) {
  const t = useT();
  const session = useCollabSession(report.id);
  // The comité de relecture's threads live in their own document, which reviewers may write.
  const comments = useCollabSession(report.commentsId);
  if (!session || !comments) return <p className="loading">{t('report.loading')}</p>;
  return <ReportWorkspace report={report} session={session} comments={comments} />;
}

function ReportWorkspace(props: {
  report: ReportDetail;
  session: CollabSession;
  comments: CollabSession;
}) {
  const { report, session, comments } = props;
  const t = useT();
  useEffect(() => {
    session.awareness.setLocalStateField('user', {
      // The server's identity, as it stamps it: the state is then relayed without re-encoding.
      id: report.access.identity.id,
      name: report.access.identity.name,
      color: colourFor(report.access.identity.id),
    });
  }, [session, report.access.identity]);

  const editor = useEditor(
    {
      editable: report.access.canWrite,
      extensions: reportExtensions(session, [
        CommentHighlights.configure({ comments: comments.doc }),
      ]),
      editorProps: {
        attributes: {
          class: 'report-text',
          lang: 'fr',
          'aria-label': t('report.editorLabel'),
        },
      },
    },
    [session, comments],
  );

  return (
    <BoardsProvider workspaceId={report.workspaceId}>
      <main className="report-page">
        <div className="report-head">
          <a
            href={workspacePath(report.workspaceId)}
            onClick={(e) => {
              e.preventDefault();
              navigate(workspacePath(report.workspaceId));
            }}
          >
            ← {t('board.workspace')}
          </a>
          <h1>{report.title}</h1>
          <ConnectionPill session={session} />
        </div>
        {!report.access.canWrite && (
          <p className="notice" role="note">
            {report.access.canComment ? t('report.reviewOnly') : t('report.readOnly')}
          </p>
        )}
        <div className="report-exports" aria-label={t('report.exports')}>
          {t('report.exports')} :{' '}
          {reportExportFormats.map((format) => (
            <a key={format} href={reportExportUrl(report.id, format)}>
              {format.toUpperCase()}
            </a>
          ))}
          <a
            href={reportExportUrl(report.id, 'html', { inline: true })}
            target="_blank"
            rel="noreferrer"
          >
            {t('report.print')}
          </a>
        </div>
        {editor && report.access.canWrite && <ReportToolbar editor={editor} />}
        <div className="report-layout">
          <EditorContent editor={editor} className="report-editor" />
          {editor && (
            <aside className="report-side">
              <CommentsPanel
                editor={editor}
                comments={comments.doc}
                identity={report.access.identity}
                canComment={report.access.canComment}
              />
              <VersionsPanel
                reportId={report.id}
                editor={editor}
                canSave={report.access.canSaveVersion}
                canRestore={report.access.canWrite}
              />
            </aside>
          )}
        </div>
      </main>
    </BoardsProvider>
  );
}
