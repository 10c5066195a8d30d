import { useEffect, useId, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import type { FindingDecision } from '@boussole/shared';
import { getWorkspace } from '../api/api.js';
import { FindingsReview } from './FindingsReview.js';
import { applyBoardDecisions, findBoardPersonalData, type BoardFinding } from './boardFindings.js';
import { usePersonalDataT } from './personalDataStrings.js';
import './personalData.css';
import type { DefaultDecision } from './reviewDecisions.js';
import { writeCardUpdates } from './writeCardUpdates.js';

type Scan =
  | { status: 'scanning' }
  | { status: 'failed' }
  | { status: 'ready'; findings: BoardFinding[] }
  | { status: 'applied'; replaced: number; cards: number; skipped: number };

/** The header's « Vérifier les données personnelles », which opens the check's panel. */
export function PersonalDataCheckButton({
  open,
  disabled,
  panelId,
  onToggle,
}: {
  open: boolean;
  disabled: boolean;
  panelId: string;
  onToggle(): void;
}) {
  const { t } = usePersonalDataT();
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    // Focus comes back here when the panel it was in closes (it is left on <body> then).
    if (wasOpen.current && !open && document.activeElement === document.body) {
      button.current?.focus();
    }
    wasOpen.current = open;
  }, [open]);
  return (
    <button
      ref={button}
      type="button"
      disabled={disabled}
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={onToggle}
    >
      {t('check.open')}
    </button>
  );
}

/**
 * « Vérifier les données personnelles » on a board: its cards' text run through the same
 * detector as imports, reviewed with the same screen, and the accepted replacements written
 * through the editor as one change. Checks the board when it opens. Offered to people who may
 * write the board only.
 */
export function PersonalDataCheckPanel({
  id,
  editor,
  workspaceId,
  onClose,
}: {
  id: string;
  editor: Editor;
  workspaceId: string | null | undefined;
  onClose(): void;
}) {
  const { t, language } = usePersonalDataT();
  const titleId = useId();
  const [scan, setScan] = useState<Scan>({ status: 'scanning' });
  const [decisions, setDecisions] = useState<Record<string, FindingDecision>>({});
  const [defaultDecision, setDefaultDecision] = useState<DefaultDecision>('accept');
  const places = useRef<Promise<string[]> | undefined>(undefined);
  const title = useRef<HTMLHeadingElement>(null);

  // The workspace's communes, asked once: « Saint-Aubin » is a place, not a person.
  function workspacePlaces(): Promise<string[]> {
    places.current ??= workspaceId
      ? getWorkspace(workspaceId)
          .then((w) => w.communes.map((c) => c.name))
          .catch(() => [])
      : Promise.resolve([]);
    return places.current;
  }

  async function check(): Promise<void> {
    setScan({ status: 'scanning' });
    setDecisions({});
    setDefaultDecision('accept');
    try {
      const communes = await workspacePlaces();
      const findings = findBoardPersonalData(editor.store.allRecords(), {
        places: communes,
        language,
      });
      setScan({ status: 'ready', findings });
    } catch {
      // Never shown nor logged: an error here could quote a card's text.
      setScan({ status: 'failed' });
    }
  }

  function apply(findings: BoardFinding[]): void {
    const result = applyBoardDecisions(
      editor.store.allRecords(),
      findings,
      decisions,
      defaultDecision,
    );
    writeCardUpdates(editor, result.updates);
    setScan({
      status: 'applied',
      replaced: result.replaced,
      cards: result.updates.length,
      skipped: result.skipped,
    });
  }

  // The card in view, selected (its side panel shows all its fields), as the report's links do.
  function locate(shapeId: BoardFinding['shapeId']): void {
    if (!editor.getShape(shapeId)) return;
    editor.select(shapeId);
    const bounds = editor.getSelectionPageBounds();
    if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1, animation: { duration: 0 } });
  }

  useEffect(() => {
    title.current?.focus();
    void check();
    // Checked once when the panel opens; « Vérifier à nouveau » checks again.
  }, []);

  return (
    <section
      id={id}
      className="personal-data-check"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="personal-data-check-head">
        <h2 id={titleId} ref={title} tabIndex={-1}>
          {t('check.title')}
        </h2>
        <button type="button" onClick={onClose}>
          {t('check.close')}
        </button>
      </div>
      <p className="muted">{t('check.intro')}</p>
      {scan.status === 'scanning' && <p role="status">{t('check.scanning')}</p>}
      {scan.status === 'failed' && <p role="alert">{t('check.error')}</p>}
      {scan.status === 'ready' && scan.findings.length === 0 && (
        <p role="status">{t('check.none')}</p>
      )}
      {scan.status === 'ready' && scan.findings.length > 0 && (
        <>
          <FindingsReview
            findings={scan.findings}
            decisions={decisions}
            defaultDecision={defaultDecision}
            onChange={(next, byDefault) => {
              setDecisions(next);
              setDefaultDecision(byDefault);
            }}
            onLocate={(finding) => {
              const onBoard = scan.findings.find((f) => f.id === finding.id);
              if (onBoard) locate(onBoard.shapeId);
            }}
          />
          <div className="personal-data-check-actions">
            <button type="button" className="primary" onClick={() => apply(scan.findings)}>
              {t('check.apply')}
            </button>
          </div>
        </>
      )}
      {scan.status === 'applied' && (
        <div role="status">
          <p>{t('check.applied', { count: scan.replaced, cards: scan.cards })}</p>
          {scan.skipped > 0 && <p>{t('check.stale', { count: scan.skipped })}</p>}
        </div>
      )}
      {scan.status !== 'scanning' && (
        <button type="button" onClick={() => void check()}>
          {t('check.rescan')}
        </button>
      )}
    </section>
  );
}
