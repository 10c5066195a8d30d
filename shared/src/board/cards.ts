import { z } from 'zod';
import { cardRefListSchema } from './cardLinks.js';

/**
 * The cards of an ABS board, declared once. The client derives its tldraw shape validators
 * from these schemas and the server will validate board content with them, so both always
 * agree on what a valid card is. Every card schema is strict: an unknown property is an error,
 * as it is for tldraw's own validators.
 */

/** Card kinds. Each one is also the tldraw shape type of that card on the board. */
export const cardKinds = [
  'observation',
  'hypothesis',
  'indicator',
  'theme',
  'recommendation',
] as const;
export type CardKind = (typeof cardKinds)[number];

export const observationSources = [
  'entretien',
  'questionnaire',
  'atelier',
  'permanence',
  'micro-trottoir',
] as const;
export type ObservationSource = (typeof observationSources)[number];

export const hypothesisStatuses = ['a_verifier', 'confirmee', 'infirmee', 'nuancee'] as const;
export type HypothesisStatus = (typeof hypothesisStatuses)[number];

export const recommendationPriorities = ['haute', 'moyenne', 'basse'] as const;
export type RecommendationPriority = (typeof recommendationPriorities)[number];

/** Limits generous enough for a long verbatim, small enough to keep one card from bloating a board. */
export const cardTextLimits = { short: 200, statement: 1_000, long: 5_000 } as const;

function text(field: string, max: number) {
  return z
    .string({ error: `${field}: expected text` })
    .max(max, `${field}: at most ${max} characters`);
}

function oneOf<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: `${field}: expected one of ${values.join(', ')}` });
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March: a real day survives the round trip unchanged.
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A day as `yyyy-mm-dd`, or the empty string while the date is unknown. */
export const isoDayOrEmptySchema = z
  .string({ error: 'date: expected text' })
  .refine((value) => value === '' || isCalendarDate(value), {
    error: 'date: expected a real day as yyyy-mm-dd, or empty',
  });

/** The id of another card on the same board (a tldraw shape id such as `shape:H1`). */
export const cardIdSchema = z
  .string({ error: 'card id: expected text' })
  .regex(
    /^shape:[A-Za-z0-9_-]{1,128}$/,
    'card id: expected "shape:" followed by 1–128 letters, digits, "-" or "_"',
  );

/** Size of a card on the board, in page units. tldraw needs it for every box-like shape. */
export const cardGeometrySchema = z.strictObject({
  w: z
    .number({ error: 'w: expected a number' })
    .positive('w: must be positive')
    .max(100_000, 'w: too large'),
  h: z
    .number({ error: 'h: expected a number' })
    .positive('h: must be positive')
    .max(100_000, 'h: too large'),
});

/** One field finding: a quote or an answer, where it comes from and whom it concerns. */
export const observationSchema = z.strictObject({
  verbatim: text('verbatim', cardTextLimits.long),
  source: oneOf('source', observationSources),
  public: text('public', cardTextLimits.short),
  commune: text('commune', cardTextLimits.short),
  date: isoDayOrEmptySchema,
});

/** A working hypothesis the field survey confirms, refutes or qualifies. */
export const hypothesisSchema = z.strictObject({
  statement: text('statement', cardTextLimits.statement),
  topic: text('topic', cardTextLimits.short),
  public: text('public', cardTextLimits.short),
  status: oneOf('status', hypothesisStatuses),
  /**
   * Its evidence: observations, indicators and themes, on any board of the workspace
   * (cardLinks.ts). Optional for whoever builds a hypothesis (an import, a template); stored
   * cards always have it, the migration to version 2 adds it to older ones.
   */
  evidenceIds: cardRefListSchema('evidenceIds', { one: 'card', many: 'cards' }).optional(),
});

/** A territorial statistic used as evidence. `value` and `year` are null until known. */
export const indicatorSchema = z.strictObject({
  label: text('label', cardTextLimits.short),
  value: z.number({ error: 'value: expected a number or null' }).nullable(),
  unit: text('unit', cardTextLimits.short),
  territory: text('territory', cardTextLimits.short),
  year: z
    .number({ error: 'year: expected a year or null' })
    .int('year: expected a whole year')
    .min(1900, 'year: expected 1900–2100')
    .max(2100, 'year: expected 1900–2100')
    .nullable(),
  source: text('source', cardTextLimits.short),
});

/**
 * A cluster of observations that say the same thing. Only its label is stored: which
 * observations belong to it is read from the board (they are its children), never copied.
 */
export const themeSchema = z.strictObject({
  label: text('label', cardTextLimits.short),
});

/** What the ABS proposes, who should carry it, how urgent it is and which hypotheses it answers. */
export const recommendationSchema = z.strictObject({
  title: text('title', cardTextLimits.short),
  description: text('description', cardTextLimits.long),
  leadOrganisation: text('leadOrganisation', cardTextLimits.short),
  priority: oneOf('priority', recommendationPriorities),
  /** Hypotheses on this board (`shape:H1`) or on another board of the workspace (cardLinks.ts). */
  hypothesisIds: cardRefListSchema('hypothesisIds', { one: 'hypothesis', many: 'hypotheses' }),
});

export const observationCardPropsSchema = observationSchema.extend(cardGeometrySchema.shape);
export const hypothesisCardPropsSchema = hypothesisSchema.extend(cardGeometrySchema.shape);
export const indicatorCardPropsSchema = indicatorSchema.extend(cardGeometrySchema.shape);
export const themeCardPropsSchema = themeSchema.extend(cardGeometrySchema.shape);
export const recommendationCardPropsSchema = recommendationSchema.extend(cardGeometrySchema.shape);

/** The props schema of each card kind, i.e. of each custom tldraw shape type. */
export const cardPropsSchemas = {
  observation: observationCardPropsSchema,
  hypothesis: hypothesisCardPropsSchema,
  indicator: indicatorCardPropsSchema,
  theme: themeCardPropsSchema,
  recommendation: recommendationCardPropsSchema,
} as const satisfies Record<CardKind, z.ZodObject>;

export type CardGeometry = z.infer<typeof cardGeometrySchema>;
export type Observation = z.infer<typeof observationSchema>;
export type Hypothesis = z.infer<typeof hypothesisSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type ObservationCardProps = z.infer<typeof observationCardPropsSchema>;
export type HypothesisCardProps = z.infer<typeof hypothesisCardPropsSchema>;
export type IndicatorCardProps = z.infer<typeof indicatorCardPropsSchema>;
export type ThemeCardProps = z.infer<typeof themeCardPropsSchema>;
export type RecommendationCardProps = z.infer<typeof recommendationCardPropsSchema>;
export type CardProps<K extends CardKind> = z.infer<(typeof cardPropsSchemas)[K]>;

export function isCardKind(value: string): value is CardKind {
  return (cardKinds as readonly string[]).includes(value);
}
