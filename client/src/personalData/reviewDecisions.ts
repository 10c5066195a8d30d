import { personalDataKinds, type FindingDecision, type PersonalDataKind } from '@boussole/shared';

/**
 * The review's bookkeeping, kept apart from its rendering: what was decided about each finding,
 * what text it becomes, and how many of each kind are replaced or kept. Decisions are only
 * stored for findings a person touched; the others follow the default decision.
 */

/** Characters of context on each side of a finding (the import API gives as many). */
export const CONTEXT_CHARS = 40;

export type DefaultDecision = 'accept' | 'reject';
export type Decisions = Record<string, FindingDecision>;

export interface DecidableFinding {
  id: string;
  kind: PersonalDataKind;
  replacement: string;
}

/** The decision that applies to a finding: the person's own, else the default. */
export function decisionOf(
  id: string,
  decisions: Decisions,
  defaultDecision: DefaultDecision,
): FindingDecision {
  return Object.hasOwn(decisions, id) ? decisions[id]! : { action: defaultDecision };
}

/** The text that takes the finding's place, or null when the original text is kept. */
export function replacementOf(finding: DecidableFinding, decision: FindingDecision): string | null {
  switch (decision.action) {
    case 'accept':
      return finding.replacement;
    case 'edit':
      return decision.replacement;
    case 'reject':
      return null;
  }
}

/** Every finding of `kind` accepted or rejected at once; other decisions are kept. */
export function decideKind(
  findings: readonly DecidableFinding[],
  kind: PersonalDataKind,
  action: DefaultDecision,
  decisions: Decisions,
): Decisions {
  const next = { ...decisions };
  for (const finding of findings) {
    if (finding.kind === kind) next[finding.id] = { action };
  }
  return next;
}

/** `decisions` with one finding's decision set. */
export function decideOne(decisions: Decisions, id: string, decision: FindingDecision): Decisions {
  return { ...decisions, [id]: decision };
}

export interface KindCounts {
  total: number;
  /** Findings a person decided explicitly (not left to the default). */
  decided: number;
  /** Findings whose text is replaced (accepted or edited). */
  replaced: number;
  /** Findings whose text is kept as it is. */
  kept: number;
}

/** The findings of each kind present, in the detector's order of kinds. */
export function groupByKind<F extends DecidableFinding>(
  findings: readonly F[],
): { kind: PersonalDataKind; findings: F[] }[] {
  const groups = new Map<PersonalDataKind, F[]>();
  for (const finding of findings) {
    const group = groups.get(finding.kind);
    if (group) group.push(finding);
    else groups.set(finding.kind, [finding]);
  }
  return personalDataKinds
    .filter((kind) => groups.has(kind))
    .map((kind) => ({ kind, findings: groups.get(kind)! }));
}

function emptyCounts(): KindCounts {
  return { total: 0, decided: 0, replaced: 0, kept: 0 };
}

/** Counts per kind present, and over all findings. */
export function countDecisions(
  findings: readonly DecidableFinding[],
  decisions: Decisions,
  defaultDecision: DefaultDecision,
): { byKind: Partial<Record<PersonalDataKind, KindCounts>>; all: KindCounts } {
  const byKind: Partial<Record<PersonalDataKind, KindCounts>> = {};
  const all = emptyCounts();
  for (const finding of findings) {
    const counts = (byKind[finding.kind] ??= emptyCounts());
    const decision = decisionOf(finding.id, decisions, defaultDecision);
    const decided = Object.hasOwn(decisions, finding.id) ? 1 : 0;
    const replaced = decision.action === 'reject' ? 0 : 1;
    for (const c of [counts, all]) {
      c.total += 1;
      c.decided += decided;
      c.replaced += replaced;
      c.kept += 1 - replaced;
    }
  }
  return { byKind, all };
}
