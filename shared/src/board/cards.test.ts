import { describe, expect, it } from 'vitest';
import {
  cardKinds,
  cardPropsSchemas,
  hypothesisCardPropsSchema,
  hypothesisStatuses,
  indicatorCardPropsSchema,
  isCardKind,
  observationCardPropsSchema,
  observationSources,
  recommendationCardPropsSchema,
  recommendationPriorities,
  themeCardPropsSchema,
} from './cards.js';
import {
  cardKindLabels,
  hypothesisStatusDisplay,
  observationSourceLabels,
  recommendationPriorityDisplay,
} from './cardLabels.js';
import type { z } from 'zod';

const geometry = { w: 240, h: 160 };

const observation = {
  ...geometry,
  verbatim: "Pas de car à 6 h : j'ai dû refuser l'embauche.",
  source: 'entretien',
  public: 'jeunes 16-25 ans',
  commune: 'Rochebrune',
  date: '2026-04-02',
};
const hypothesis = {
  ...geometry,
  statement: 'Des jeunes renoncent à un emploi faute de transport.',
  topic: 'mobilité',
  public: 'jeunes 16-25 ans',
  status: 'a_verifier',
};
const indicator = {
  ...geometry,
  label: 'Part des 75 ans et plus',
  value: 12.8,
  unit: '%',
  territory: "Val d'Arvière",
  year: 2023,
  source: 'Fictif (type recensement)',
};
const theme = { ...geometry, label: 'Se déplacer sans voiture' };
const recommendation = {
  ...geometry,
  title: 'Adapter les horaires du car aux embauches',
  description: 'Un départ avant 6 h et un retour après 19 h.',
  leadOrganisation: 'Communauté de communes',
  priority: 'haute',
  hypothesisIds: ['shape:H1', 'shape:H7'],
};

/** The first issue's message, which is what a person or a log line will read. */
function firstError(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  expect(result.success, `expected ${JSON.stringify(value)} to be rejected`).toBe(false);
  return result.error?.issues[0]?.message ?? '';
}

describe('card schemas accept the cards of a real workshop', () => {
  it.each([
    ['observation', observationCardPropsSchema, observation],
    ['hypothesis', hypothesisCardPropsSchema, hypothesis],
    ['indicator', indicatorCardPropsSchema, indicator],
    ['theme', themeCardPropsSchema, theme],
    ['recommendation', recommendationCardPropsSchema, recommendation],
  ] as const)('%s', (_kind, schema, value) => {
    expect(schema.parse(value)).toEqual(value);
  });

  it('accepts every enum value and empty texts on a freshly placed card', () => {
    for (const source of observationSources) {
      expect(observationCardPropsSchema.safeParse({ ...observation, source }).success).toBe(true);
    }
    for (const status of hypothesisStatuses) {
      expect(hypothesisCardPropsSchema.safeParse({ ...hypothesis, status }).success).toBe(true);
    }
    for (const priority of recommendationPriorities) {
      expect(recommendationCardPropsSchema.safeParse({ ...recommendation, priority }).success).toBe(
        true,
      );
    }
    expect(
      observationCardPropsSchema.safeParse({ ...observation, verbatim: '', date: '' }).success,
    ).toBe(true);
    expect(
      indicatorCardPropsSchema.safeParse({ ...indicator, value: null, year: null }).success,
    ).toBe(true);
    expect(
      recommendationCardPropsSchema.safeParse({ ...recommendation, hypothesisIds: [] }).success,
    ).toBe(true);
  });

  it('accepts 29 February in a leap year', () => {
    expect(
      observationCardPropsSchema.safeParse({ ...observation, date: '2028-02-29' }).success,
    ).toBe(true);
  });
});

describe('card schemas reject bad values with an error naming the field', () => {
  it('observation', () => {
    expect(firstError(observationCardPropsSchema, { ...observation, source: 'sondage' })).toBe(
      'source: expected one of entretien, questionnaire, atelier, permanence, micro-trottoir',
    );
    expect(firstError(observationCardPropsSchema, { ...observation, date: '02/04/2026' })).toMatch(
      /^date: /,
    );
    expect(firstError(observationCardPropsSchema, { ...observation, date: '2026-02-30' })).toMatch(
      /real day/,
    );
    expect(firstError(observationCardPropsSchema, { ...observation, verbatim: 42 })).toBe(
      'verbatim: expected text',
    );
    expect(
      firstError(observationCardPropsSchema, { ...observation, verbatim: 'x'.repeat(5_001) }),
    ).toBe('verbatim: at most 5000 characters');
  });

  it('hypothesis', () => {
    expect(firstError(hypothesisCardPropsSchema, { ...hypothesis, status: 'Confirmée' })).toMatch(
      /^status: expected one of a_verifier, confirmee/,
    );
    const { topic: _topic, ...withoutTopic } = hypothesis;
    expect(firstError(hypothesisCardPropsSchema, withoutTopic)).toBe('topic: expected text');
  });

  it('indicator', () => {
    expect(firstError(indicatorCardPropsSchema, { ...indicator, value: '12,8' })).toBe(
      'value: expected a number or null',
    );
    expect(
      firstError(indicatorCardPropsSchema, { ...indicator, value: Number.POSITIVE_INFINITY }),
    ).toMatch(/^value/);
    expect(firstError(indicatorCardPropsSchema, { ...indicator, year: 2023.5 })).toBe(
      'year: expected a whole year',
    );
    expect(firstError(indicatorCardPropsSchema, { ...indicator, year: 23 })).toBe(
      'year: expected 1900–2100',
    );
  });

  it('theme', () => {
    expect(firstError(themeCardPropsSchema, { ...theme, label: null })).toBe(
      'label: expected text',
    );
  });

  it('recommendation', () => {
    expect(
      firstError(recommendationCardPropsSchema, { ...recommendation, priority: 'urgente' }),
    ).toMatch(/^priority: expected one of haute, moyenne, basse/);
    expect(
      firstError(recommendationCardPropsSchema, { ...recommendation, hypothesisIds: ['H1'] }),
    ).toMatch(/^card id: expected "shape:"/);
    expect(
      firstError(recommendationCardPropsSchema, {
        ...recommendation,
        hypothesisIds: ['shape:H1', 'shape:H1'],
      }),
    ).toBe('hypothesisIds: each hypothesis may be linked only once');
  });

  it('geometry and unknown properties, on every card kind', () => {
    for (const kind of cardKinds) {
      const schema = cardPropsSchemas[kind];
      const good = { observation, hypothesis, indicator, theme, recommendation }[kind];
      expect(firstError(schema, { ...good, w: 0 })).toBe('w: must be positive');
      expect(firstError(schema, { ...good, h: Number.NaN })).toBe('h: expected a number');
      const unknown = schema.safeParse({ ...good, colour: 'red' });
      expect(unknown.success).toBe(false);
      expect(unknown.error?.issues[0]).toMatchObject({
        code: 'unrecognized_keys',
        keys: ['colour'],
      });
    }
  });
});

describe('French labels', () => {
  it('names every status, source, priority and card kind', () => {
    expect(hypothesisStatuses.map((s) => hypothesisStatusDisplay[s].label)).toEqual([
      'À vérifier',
      'Confirmée',
      'Infirmée',
      'Nuancée',
    ]);
    for (const status of hypothesisStatuses) {
      expect(hypothesisStatusDisplay[status].color).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(new Set(hypothesisStatuses.map((s) => hypothesisStatusDisplay[s].color)).size).toBe(4);
    expect(observationSources.every((s) => observationSourceLabels[s].length > 0)).toBe(true);
    expect(
      recommendationPriorities.every((p) => recommendationPriorityDisplay[p].label.length > 0),
    ).toBe(true);
    expect(cardKinds.map((k) => cardKindLabels[k])).toContain('Préconisation');
  });

  it('isCardKind tells card shapes from tldraw shapes', () => {
    expect(isCardKind('hypothesis')).toBe(true);
    expect(isCardKind('geo')).toBe(false);
  });
});
