import { useEffect, useId, useRef, useState } from 'react';
import type {
  ImportCardKind,
  ImportCommitRequest,
  ImportCommitResult,
  ImportStatus,
} from '@boussole/shared';
import { commitImport, getImportStatus } from '../api/imports.js';
import { ErrorAlert, errorText } from '../ui/forms.js';
import { useImportT } from './importMessages.js';
import { ProgressBar } from './ProgressBar.js';

/** How often the page asks how far the server is while it writes the cards. */
const POLL_MS = 300;

/**
 * Step 5: « Créer N cartes ». The commit request runs while the page polls the import's status
 * for a progress bar; once done, the count created and a way to the board.
 */
export function CreateStep(props: {
  importId: string;
  request: ImportCommitRequest;
  expected: number;
  kind: ImportCardKind;
  boardTitle: string;
  /** True while the server writes the cards, false again if it failed. */
  onCommitting(running: boolean): void;
  onCreated(result: ImportCommitResult): void;
  onOpenBoard(): void;
  onAnother(): void;
}) {
  const t = useImportT();
  const id = useId();
  const [progress, setProgress] = useState<ImportStatus['progress']>();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ImportCommitResult>();
  const [error, setError] = useState<string>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  async function pollWhile(committing: { done: boolean }) {
    while (!committing.done && mounted.current) {
      try {
        const status = await getImportStatus(props.importId);
        if (!committing.done && mounted.current) setProgress(status.progress);
      } catch {
        // A missed poll only delays the bar; the commit's own answer decides.
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async function create() {
    setRunning(true);
    setError(undefined);
    setProgress({ done: 0, total: props.expected });
    props.onCommitting(true);
    const committing = { done: false };
    void pollWhile(committing);
    try {
      const created = await commitImport(props.importId, { ...props.request, dryRun: false });
      committing.done = true;
      if (!mounted.current) return;
      setProgress({ done: created.created, total: created.created });
      setResult(created);
      props.onCreated(created);
    } catch (e) {
      committing.done = true;
      if (mounted.current) {
        setError(errorText(e));
        props.onCommitting(false);
      }
    } finally {
      if (mounted.current) setRunning(false);
    }
  }

  const done = result
    ? t(props.kind === 'observation' ? 'create.done.observation' : 'create.done.indicator', {
        n: result.created,
        board: props.boardTitle,
      })
    : undefined;

  return (
    <section className="import-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('step.create')}
      </h2>
      {!result && <p>{t('create.summary', { n: props.expected, board: props.boardTitle })}</p>}
      {progress && (running || result) && (
        <ProgressBar
          label={t('create.progress')}
          done={progress.done}
          total={progress.total}
          // The server counts its own steps (reading, writing): a share reads better.
          text={`${Math.floor((100 * progress.done) / Math.max(progress.total, 1))} %`}
        />
      )}
      <ErrorAlert error={error} />
      <div role="status">{done && <p className="import-result">{done}</p>}</div>
      <div className="import-actions">
        {!result && (
          <button
            type="button"
            className="primary"
            disabled={running || props.expected === 0}
            onClick={() => void create()}
          >
            {t('create.submit', { n: props.expected })}
          </button>
        )}
        {result && (
          <>
            <button type="button" className="primary" onClick={props.onOpenBoard}>
              {t('create.open')}
            </button>
            <button type="button" onClick={props.onAnother}>
              {t('create.another')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
