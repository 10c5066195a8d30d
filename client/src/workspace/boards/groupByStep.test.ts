import { describe, expect, it } from 'vitest';
import type { BoardOverview } from '@boussole/shared';
import { cardCountsText } from './boardsMessages.js';
import { groupByStep } from './groupByStep.js';

const board = (id: string, step: BoardOverview['step'], extra: Partial<BoardOverview> = {}) =>
  ({
    id,
    title: id,
    template: 'blank',
    createdAt: `2026-01-0${id.length}T00:00:00Z`,
    step,
    archived: false,
    cardCounts: {},
    changedAt: '2026-01-01T00:00:00Z',
    present: [],
    ...extra,
  }) satisfies BoardOverview;

describe('groupByStep', () => {
  it('lists every step in the ABS order, « autres » only when used, archived apart', () => {
    const { groups, archived } = groupByStep([
      board('a', 'analyse'),
      board('bb', 'representations'),
      board('ccc', 'analyse', { archived: true }),
    ]);
    expect(groups.map((g) => g.step)).toEqual([
      'representations',
      'hypotheses',
      'enquete',
      'analyse',
      'preconisations',
      'rapport',
    ]);
    expect(groups.find((g) => g.step === 'analyse')?.boards.map((b) => b.id)).toEqual(['a']);
    expect(archived.map((b) => b.id)).toEqual(['ccc']);
    expect(groupByStep([board('d', 'autres')]).groups.at(-1)?.step).toBe('autres');
  });
});

describe('cardCountsText', () => {
  it('counts kinds in the ABS order, French plural from 2', () => {
    expect(cardCountsText({ theme: 3, observation: 72 }, 'fr')).toBe('72 observations · 3 thèmes');
    expect(cardCountsText({ hypothesis: 1, recommendation: 0 }, 'fr')).toBe('1 hypothèse');
    expect(cardCountsText({ hypothesis: 1 }, 'en')).toBe('1 hypothesis');
    expect(cardCountsText({}, 'fr')).toBe('');
  });
});
