import { describe, expect, it } from 'vitest';
import {
  countDecisions,
  decideKind,
  decideOne,
  decisionOf,
  groupByKind,
  replacementOf,
  type DecidableFinding,
} from './reviewDecisions.js';

const findings: DecidableFinding[] = [
  { id: 'p1', kind: 'person', replacement: '[Personne A]' },
  { id: 'e1', kind: 'email', replacement: '[courriel]' },
  { id: 'p2', kind: 'person', replacement: '[Personne B]' },
  { id: 't1', kind: 'phone', replacement: '[téléphone]' },
];

describe('review decisions', () => {
  it('takes the person’s decision, else the default', () => {
    const decisions = { p1: { action: 'reject' as const } };
    expect(decisionOf('p1', decisions, 'accept')).toEqual({ action: 'reject' });
    expect(decisionOf('p2', decisions, 'accept')).toEqual({ action: 'accept' });
    expect(decisionOf('p2', decisions, 'reject')).toEqual({ action: 'reject' });
    // An id that only exists on Object.prototype is not a decision.
    expect(decisionOf('toString', decisions, 'accept')).toEqual({ action: 'accept' });
  });

  it('replaces by the proposal, by the edited text, or not at all', () => {
    const p1 = findings[0]!;
    expect(replacementOf(p1, { action: 'accept' })).toBe('[Personne A]');
    expect(replacementOf(p1, { action: 'edit', replacement: 'Mme X' })).toBe('Mme X');
    expect(replacementOf(p1, { action: 'reject' })).toBeNull();
  });

  it('decides a whole kind at once and leaves the others as they were', () => {
    const start = {
      e1: { action: 'reject' as const },
      p1: { action: 'edit' as const, replacement: 'X' },
    };
    const next = decideKind(findings, 'person', 'reject', start);
    expect(next).toEqual({
      e1: { action: 'reject' },
      p1: { action: 'reject' },
      p2: { action: 'reject' },
    });
    expect(start.p1).toEqual({ action: 'edit', replacement: 'X' });
    expect(decideOne(next, 't1', { action: 'accept' }).t1).toEqual({ action: 'accept' });
  });

  it('counts per kind and overall: decided, replaced, kept', () => {
    const decisions = {
      p1: { action: 'reject' as const },
      e1: { action: 'edit' as const, replacement: '[contact]' },
    };
    const counts = countDecisions(findings, decisions, 'accept');
    expect(counts.all).toEqual({ total: 4, decided: 2, replaced: 3, kept: 1 });
    expect(counts.byKind.person).toEqual({ total: 2, decided: 1, replaced: 1, kept: 1 });
    expect(counts.byKind.email).toEqual({ total: 1, decided: 1, replaced: 1, kept: 0 });
    expect(counts.byKind.phone).toEqual({ total: 1, decided: 0, replaced: 1, kept: 0 });
    expect(counts.byKind.iban).toBeUndefined();
    expect(countDecisions(findings, {}, 'reject').all).toEqual({
      total: 4,
      decided: 0,
      replaced: 0,
      kept: 4,
    });
  });

  it('groups by kind in the detector’s order of kinds, keeping each group’s order', () => {
    expect(groupByKind(findings).map((g) => [g.kind, g.findings.map((f) => f.id)])).toEqual([
      ['person', ['p1', 'p2']],
      ['email', ['e1']],
      ['phone', ['t1']],
    ]);
  });
});
