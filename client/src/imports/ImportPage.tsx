import { useEffect, useMemo, useRef, useState } from 'react';
import {
  canCreateBoards,
  type FindingDecision,
  type ImportCommitResult,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportPreview,
  type WorkspaceDetail,
} from '@boussole/shared';
import { getWorkspace } from '../api/api.js';
import {
  cancelImport,
  cancelImportOnLeave,
  uploadImport,
  type UploadProgress,
} from '../api/imports.js';
import { ErrorAlert, errorText } from '../ui/forms.js';
import { boardPath, navigate, workspacePath } from '../ui/router.js';
import { ChooseStep, type ChooseValues } from './ChooseStep.js';
import { CreateStep } from './CreateStep.js';
import { useImportT, type ImportMessageKey } from './importMessages.js';
import {
  commitRequest,
  guessMapping,
  mappedColumns,
  requiredFieldMapped,
  type FieldMapping,
} from './mapping.js';
import { MappingStep } from './MappingStep.js';
import { PreviewStep } from './PreviewStep.js';
import { decisionsToSend, splitFindings, type DefaultDecision } from './review.js';
import { ReviewStep } from './ReviewStep.js';
import { useDryRun } from './useDryRun.js';
import './import.css';

const steps = ['choose', 'preview', 'mapping', 'review', 'create'] as const;
type Step = (typeof steps)[number];

/**
 * Importing a survey or indicator file into a board (issue #13), one step at a time: file,
 * preview, mapping with the server's dry run, review of personal data, creation with progress.
 * Nothing exists on the board before the last step; cancelling or leaving forgets the upload.
 */
export default function ImportPage({
  workspaceId,
  boardId,
}: {
  workspaceId: string;
  boardId?: string;
}) {
  const t = useImportT();
  const [workspace, setWorkspace] = useState<WorkspaceDetail>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    getWorkspace(workspaceId)
      .then(setWorkspace)
      .catch((e: unknown) => setLoadError(errorText(e)));
  }, [workspaceId]);

  const back = (
    <a
      href={workspacePath(workspaceId)}
      onClick={(e) => {
        e.preventDefault();
        navigate(workspacePath(workspaceId));
      }}
    >
      ← {t('import.back')}
    </a>
  );
  let body;
  if (loadError) body = <ErrorAlert error={loadError} />;
  else if (!workspace) body = <p className="loading">{t('import.loading')}</p>;
  else if (!canCreateBoards(workspace.role)) {
    body = (
      <p role="alert" className="notice">
        {t('import.forbidden')}
      </p>
    );
  } else if (workspace.boards.length === 0) body = <p className="notice">{t('import.noBoard')}</p>;
  else body = <ImportFlow workspace={workspace} boardId={boardId} />;

  return (
    <main className="home import-page">
      <p>{back}</p>
      <h1>{t('import.title')}</h1>
      {workspace && <p className="muted">{workspace.name}</p>}
      <p>{t('import.intro')}</p>
      {body}
    </main>
  );
}

function ImportFlow({ workspace, boardId }: { workspace: WorkspaceDetail; boardId?: string }) {
  const t = useImportT();
  const [step, setStep] = useState<Step>('choose');
  const [choice, setChoice] = useState<ChooseValues>({
    boardId: workspace.boards.some((b) => b.id === boardId)
      ? (boardId ?? '')
      : (workspace.boards[0]?.id ?? ''),
    kind: 'observation',
    file: undefined,
  });
  const [upload, setUpload] = useState<UploadProgress>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [mapping, setMapping] = useState<FieldMapping>({});
  const [groupBy, setGroupBy] = useState<number | null>(null);
  const [decisions, setDecisions] = useState<Record<string, FindingDecision>>({});
  const [defaultDecision, setDefaultDecision] = useState<DefaultDecision>('accept');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [committed, setCommitted] = useState<ImportCommitResult>();

  const [committing, setCommitting] = useState(false);
  // The import to forget when the page goes away, unless its cards were created or are being
  // created (the server finishes a commit it has started).
  const pending = useRef<string | undefined>(undefined);
  pending.current = preview && !committing && !committed ? preview.id : undefined;
  useEffect(() => {
    const leave = () => {
      if (pending.current) cancelImportOnLeave(pending.current);
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, []);

  // Each new step takes the focus to its heading, so keyboard and screen reader users follow.
  const container = useRef<HTMLDivElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    container.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [step]);

  const board = workspace.boards.find((b) => b.id === choice.boardId);
  const mapped = useMemo(() => mappedColumns(mapping), [mapping]);
  const findings = useMemo(
    () =>
      splitFindings(preview?.personalData ?? [], preview?.columns ?? [], mapped, (line, column) =>
        t('review.where', { line, column }),
      ),
    [preview, mapped, t],
  );
  const request = (dryRun: boolean) =>
    commitRequest({
      boardId: choice.boardId,
      kind: choice.kind,
      mapping,
      groupBy,
      decisions: decisionsToSend(findings.imported, decisions, defaultDecision),
      defaultDecision,
      dryRun,
    });
  // The dry run does not depend on decisions: leaving them out spares a request per click.
  const dryRunRequest =
    preview && requiredFieldMapped(choice.kind, mapping)
      ? { ...request(true), decisions: {}, defaultDecision: 'accept' as const }
      : undefined;
  const dryRun = useDryRun(preview?.id ?? '', step === 'choose' ? undefined : dryRunRequest);

  async function send(options: { encoding?: ImportEncoding; delimiter?: ImportDelimiter } = {}) {
    const file = choice.file;
    if (!file) return;
    setError(undefined);
    setNotice(undefined);
    setUpload({ loaded: 0, total: file.size });
    try {
      const previous = preview?.id;
      const read = await uploadImport(workspace.id, file, { ...options, onProgress: setUpload });
      if (previous) void cancelImport(previous).catch(() => undefined);
      setPreview(read);
      setMapping(guessMapping(choice.kind, read.columns));
      setGroupBy(null);
      setDecisions({});
      setDefaultDecision('accept');
      setStep('preview');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setUpload(undefined);
    }
  }

  async function cancel() {
    const id = preview?.id;
    reset();
    if (id) {
      try {
        await cancelImport(id);
        setNotice(t('import.cancelled'));
      } catch (e) {
        setError(errorText(e));
      }
    }
  }

  function reset() {
    setPreview(undefined);
    setCommitted(undefined);
    setCommitting(false);
    setChoice((c) => ({ ...c, file: undefined }));
    setStep('choose');
  }

  const reachable = (s: Step) =>
    !committing &&
    (s === 'choose' || (preview !== undefined && steps.indexOf(s) < steps.indexOf(step)));

  return (
    <div ref={container}>
      <nav aria-label={t('import.steps')}>
        <ol className="import-steps">
          {steps.map((s) => (
            <li key={s} aria-current={s === step ? 'step' : undefined}>
              {s !== step && reachable(s) ? (
                <button type="button" className="link-button" onClick={() => setStep(s)}>
                  {t(`step.${s}` as ImportMessageKey)}
                </button>
              ) : (
                t(`step.${s}` as ImportMessageKey)
              )}
            </li>
          ))}
        </ol>
      </nav>
      <ErrorAlert error={error} />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {step === 'choose' && (
        <ChooseStep
          boards={workspace.boards}
          values={choice}
          onChange={setChoice}
          onSubmit={() => void send()}
          upload={upload}
        />
      )}
      {step === 'preview' && preview && (
        <PreviewStep
          key={preview.id}
          preview={preview}
          busy={upload !== undefined}
          onReread={(options) => void send(options)}
          onNext={() => setStep('mapping')}
        />
      )}
      {step === 'mapping' && preview && (
        <MappingStep
          preview={preview}
          workspace={workspace}
          kind={choice.kind}
          mapping={mapping}
          groupBy={groupBy}
          dryRun={dryRun}
          onChange={(m, g) => {
            setMapping(m);
            setGroupBy(g);
          }}
          onNext={() => setStep('review')}
        />
      )}
      {step === 'review' && preview && (
        <ReviewStep
          findings={findings}
          decisions={decisions}
          defaultDecision={defaultDecision}
          onChange={(d, byDefault) => {
            setDecisions(d);
            setDefaultDecision(byDefault);
          }}
          onNext={() => setStep('create')}
        />
      )}
      {step === 'create' && preview && (
        <CreateStep
          importId={preview.id}
          request={request(false)}
          expected={dryRun.result?.created ?? 0}
          kind={choice.kind}
          boardTitle={board?.title ?? ''}
          onCommitting={setCommitting}
          onCreated={setCommitted}
          onOpenBoard={() =>
            // On the imported block: the board page selects and shows a card named after `#`.
            navigate(
              boardPath(choice.boardId) +
                (committed?.firstCardId ? `#${encodeURIComponent(committed.firstCardId)}` : ''),
            )
          }
          onAnother={reset}
        />
      )}
      {!committed && preview && !committing && (
        <div className="import-actions">
          <button type="button" onClick={() => void cancel()}>
            {t('import.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
