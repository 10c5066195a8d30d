import { memo, useCallback, useId, useRef, useState } from 'react';
import {
  personalDataKindLabels,
  type FindingDecision,
  type PersonalDataKind,
} from '@boussole/shared';
import { usePersonalDataT, type Translate } from './personalDataStrings.js';
import {
  CONTEXT_CHARS,
  countDecisions,
  decideKind,
  decideOne,
  decisionOf,
  groupByKind,
} from './reviewDecisions.js';
import './personalData.css';

export interface ReviewFinding {
  id: string;
  kind: PersonalDataKind;
  text: string;
  replacement: string;
  before: string;
  after: string;
  /** where it is, for people: « ligne 12 · verbatim », « Observation O012 » */
  where: string;
}

export interface FindingsReviewProps {
  findings: ReviewFinding[];
  decisions: Record<string, FindingDecision>;
  defaultDecision: 'accept' | 'reject';
  onChange(decisions: Record<string, FindingDecision>, defaultDecision: 'accept' | 'reject'): void;
  /** Shows where a finding is (the board check selects its card); no button without it. */
  onLocate?(finding: ReviewFinding): void;
}

/** A side of context as long as the most it may hold was probably cut: it says so with « … ». */
const clipped = (context: string) => context.length >= CONTEXT_CHARS;

/** Findings rendered per kind before « Afficher … de plus »: 500 findings stay responsive. */
const PAGE = 25;

/**
 * The review of personal data found in text, shared by the import page and the board check:
 * each finding in its context, highlighted, with its proposed replacement to accept, edit or
 * reject, one by one or for a whole kind. Findings nobody decided follow the default decision.
 */
export function FindingsReview({
  findings,
  decisions,
  defaultDecision,
  onChange,
  onLocate,
}: FindingsReviewProps) {
  const { t, language } = usePersonalDataT();
  const baseId = useId();
  const [shown, setShown] = useState<Partial<Record<PersonalDataKind, number>>>({});
  // Rows keep one callback for their whole life (so that they re-render only when their own
  // decision changes) and read the latest decisions through this ref.
  const latest = useRef({ decisions, defaultDecision, onChange, onLocate });
  latest.current = { decisions, defaultDecision, onChange, onLocate };
  const decide = useCallback((id: string, decision: FindingDecision) => {
    const { decisions: current, defaultDecision: byDefault, onChange: report } = latest.current;
    report(decideOne(current, id, decision), byDefault);
  }, []);
  const locate = useCallback((finding: ReviewFinding) => latest.current.onLocate?.(finding), []);

  const counts = countDecisions(findings, decisions, defaultDecision);
  const groups = groupByKind(findings);

  return (
    <div className="findings-review">
      <p className="findings-summary" aria-live="polite">
        {t('review.summary', { total: counts.all.total, decided: counts.all.decided })}
      </p>
      <fieldset className="findings-default">
        <legend>{t('review.default.legend')}</legend>
        {(['accept', 'reject'] as const).map((action) => (
          <label key={action}>
            <input
              type="radio"
              name={`${baseId}-default`}
              checked={defaultDecision === action}
              onChange={() => onChange(decisions, action)}
            />
            {t(action === 'accept' ? 'review.default.accept' : 'review.default.reject')}
          </label>
        ))}
      </fieldset>
      {groups.map(({ kind, findings: ofKind }) => {
        const label = personalDataKindLabels[kind][language];
        const kindCounts = counts.byKind[kind]!;
        const limit = shown[kind] ?? PAGE;
        const left = ofKind.length - limit;
        return (
          <fieldset key={kind} className="findings-kind" data-kind={kind}>
            <legend>
              {label} ({kindCounts.total})
            </legend>
            <div className="findings-kind-bar">
              <span className="muted">
                {t('review.kind.count', {
                  total: kindCounts.total,
                  replaced: kindCounts.replaced,
                  kept: kindCounts.kept,
                })}
              </span>
              <button
                type="button"
                aria-label={`${t('review.kind.acceptAll')} (${label})`}
                onClick={() =>
                  onChange(decideKind(findings, kind, 'accept', decisions), defaultDecision)
                }
              >
                {t('review.kind.acceptAll')}
              </button>
              <button
                type="button"
                aria-label={`${t('review.kind.rejectAll')} (${label})`}
                onClick={() =>
                  onChange(decideKind(findings, kind, 'reject', decisions), defaultDecision)
                }
              >
                {t('review.kind.rejectAll')}
              </button>
            </div>
            <ul className="findings-list">
              {ofKind.slice(0, limit).map((finding) => (
                <FindingRow
                  key={finding.id}
                  name={`${baseId}-${finding.id}`}
                  finding={finding}
                  decision={decisionOf(finding.id, decisions, defaultDecision)}
                  decided={Object.hasOwn(decisions, finding.id)}
                  onDecide={decide}
                  onLocate={onLocate ? locate : undefined}
                  t={t}
                />
              ))}
            </ul>
            {left > 0 && (
              <button
                type="button"
                className="findings-more"
                onClick={() => setShown((was) => ({ ...was, [kind]: limit + PAGE }))}
              >
                {t('review.more', { count: Math.min(PAGE, left), left })}
              </button>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

interface FindingRowProps {
  name: string;
  finding: ReviewFinding;
  decision: FindingDecision;
  decided: boolean;
  onDecide(id: string, decision: FindingDecision): void;
  onLocate: ((finding: ReviewFinding) => void) | undefined;
  t: Translate;
}

const FindingRow = memo(
  function FindingRow({
    name,
    finding,
    decision,
    decided,
    onDecide,
    onLocate,
    t,
  }: FindingRowProps) {
    const edited = decision.action === 'edit' ? decision.replacement : finding.replacement;
    return (
      <li className="finding" data-finding-id={finding.id} data-decision={decision.action}>
        <fieldset>
          <legend>
            {finding.where} — « {finding.text} »
            {!decided && <span className="muted"> ({t('review.item.undecided')})</span>}
          </legend>
          <p className="finding-context">
            {clipped(finding.before) ? `…${finding.before}` : finding.before}
            <mark>{finding.text}</mark>
            {clipped(finding.after) ? `${finding.after}…` : finding.after}
          </p>
          <div className="finding-choices">
            <label>
              <input
                type="radio"
                name={name}
                checked={decision.action === 'accept'}
                onChange={() => onDecide(finding.id, { action: 'accept' })}
              />
              {t('review.item.accept', { replacement: finding.replacement })}
            </label>
            <label>
              <input
                type="radio"
                name={name}
                checked={decision.action === 'edit'}
                onChange={() => onDecide(finding.id, { action: 'edit', replacement: edited })}
              />
              {t('review.item.edit')}
            </label>
            <input
              type="text"
              className="finding-edit"
              aria-label={`${t('review.item.editInput')} (« ${finding.text} »)`}
              maxLength={200}
              value={edited}
              onChange={(e) =>
                onDecide(finding.id, { action: 'edit', replacement: e.target.value })
              }
            />
            <label>
              <input
                type="radio"
                name={name}
                checked={decision.action === 'reject'}
                onChange={() => onDecide(finding.id, { action: 'reject' })}
              />
              {t('review.item.reject')}
            </label>
            {onLocate && (
              <button type="button" className="finding-locate" onClick={() => onLocate(finding)}>
                {t('review.item.locate')}
              </button>
            )}
          </div>
        </fieldset>
      </li>
    );
  },
  (a, b) =>
    a.finding === b.finding &&
    a.decided === b.decided &&
    a.t === b.t &&
    a.name === b.name &&
    a.onDecide === b.onDecide &&
    a.onLocate === b.onLocate &&
    sameDecision(a.decision, b.decision),
);

function sameDecision(a: FindingDecision, b: FindingDecision): boolean {
  if (a.action !== b.action) return false;
  return a.action !== 'edit' || a.replacement === (b as { replacement: string }).replacement;
}
