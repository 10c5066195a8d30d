import type { FindingDecision, ImportColumn, PersonalDataFinding } from '@boussole/shared';
import type { ReviewFinding } from '../personalData/FindingsReview.js';

/**
 * The review step's bookkeeping, pure: which findings will reach cards (those in mapped
 * columns), how each is shown, and which decisions the commit carries. Counting and deciding
 * per kind belong to the review component (personalData/reviewDecisions).
 */

/** A finding as the review component shows it. */
export type ImportReviewFinding = ReviewFinding;

export type DefaultDecision = 'accept' | 'reject';

export interface SplitFindings {
  /** In columns that become card text: the person must review these. */
  imported: ImportReviewFinding[];
  /** In columns left out: shown for information, never imported. */
  notImported: ImportReviewFinding[];
}

export function splitFindings(
  findings: readonly PersonalDataFinding[],
  columns: readonly ImportColumn[],
  mapped: ReadonlySet<number>,
  where: (line: number, column: string) => string,
): SplitFindings {
  const names = new Map(columns.map((c) => [c.index, c.name]));
  const split: SplitFindings = { imported: [], notImported: [] };
  for (const finding of findings) {
    const shown: ImportReviewFinding = {
      id: finding.id,
      kind: finding.kind,
      text: finding.text,
      replacement: finding.replacement,
      before: finding.before,
      after: finding.after,
      where: where(finding.line, names.get(finding.column) ?? String(finding.column + 1)),
    };
    (mapped.has(finding.column) ? split.imported : split.notImported).push(shown);
  }
  return split;
}

/**
 * Only the decisions on findings that will be imported, and only those that differ from the
 * default: the request stays small on a file with thousands of findings.
 */
export function decisionsToSend(
  findings: readonly { id: string }[],
  decisions: Readonly<Record<string, FindingDecision>>,
  defaultDecision: DefaultDecision,
): Record<string, FindingDecision> {
  const sent: Record<string, FindingDecision> = {};
  for (const finding of findings) {
    const decision = decisions[finding.id];
    if (decision && decision.action !== defaultDecision) sent[finding.id] = decision;
  }
  return sent;
}
