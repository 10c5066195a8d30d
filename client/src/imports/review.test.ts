import { describe, expect, it } from 'vitest';
import type { PersonalDataFinding } from '@boussole/shared';
import { decisionsToSend, splitFindings } from './review.js';

function finding(id: string, column: number, line = 2): PersonalDataFinding {
  return {
    id,
    line,
    column,
    kind: 'phone',
    start: 0,
    end: 14,
    text: '06 12 34 56 78',
    replacement: '[téléphone]',
    before: 'appelez le ',
    after: ' demain',
  };
}

describe('the review bookkeeping', () => {
  const columns = [
    { index: 0, name: 'Réponse', samples: [] },
    { index: 1, name: 'Contact', samples: [] },
  ];

  it('separates findings in imported columns from the others, each located', () => {
    const split = splitFindings(
      [finding('a', 0, 3), finding('b', 1, 4), finding('c', 0, 9)],
      columns,
      new Set([0]),
      (line, column) => `${line}/${column}`,
    );
    expect(split.imported.map((f) => [f.id, f.where])).toEqual([
      ['a', '3/Réponse'],
      ['c', '9/Réponse'],
    ]);
    expect(split.notImported.map((f) => [f.id, f.where])).toEqual([['b', '4/Contact']]);
    expect(split.imported[0]).toMatchObject({ replacement: '[téléphone]', before: 'appelez le ' });
  });

  it('sends only decisions on imported findings that differ from the default', () => {
    const decisions = {
      a: { action: 'accept' as const },
      b: { action: 'edit' as const, replacement: '[Mme X]' },
      c: { action: 'reject' as const },
      gone: { action: 'reject' as const },
    };
    expect(decisionsToSend([{ id: 'a' }, { id: 'b' }, { id: 'c' }], decisions, 'accept')).toEqual({
      b: { action: 'edit', replacement: '[Mme X]' },
      c: { action: 'reject' },
    });
  });
});
