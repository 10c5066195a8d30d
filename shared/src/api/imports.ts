import { z } from 'zod';

/**
 * The import API (issue #13): a survey or indicator file is uploaded, previewed with the
 * personal data found in it, then committed as cards on a board once a person has reviewed
 * every finding. Client and server agree on these shapes; the server parses requests with them.
 *
 * POST   /api/workspaces/:workspaceId/imports   multipart field `file` (+ optional query
 *                                               `encoding`, `delimiter`)  → 201 ImportPreview
 * GET    /api/imports/:importId                 → ImportStatus (progress while committing)
 * POST   /api/imports/:importId/commit          ImportCommitRequest → ImportCommitResult
 * DELETE /api/imports/:importId                 → 204
 */

export const importFormats = ['csv', 'tsv', 'xlsx', 'ods'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Text encodings a person may force when the detected one is wrong. */
export const importEncodings = ['utf-8', 'windows-1252', 'iso-8859-15'] as const;
export type ImportEncoding = (typeof importEncodings)[number];
export const importEncodingSchema = z.enum(importEncodings);

/** Field separators a person may force (tab for TSV). */
export const importDelimiters = [',', ';', '\t'] as const;
export type ImportDelimiter = (typeof importDelimiters)[number];
export const importDelimiterSchema = z.enum(importDelimiters);

/** Query of the upload: overrides of what the server would otherwise detect. */
export const importUploadQuerySchema = z.object({
  encoding: importEncodingSchema.optional(),
  delimiter: importDelimiterSchema.optional(),
});
export type ImportUploadQuery = z.infer<typeof importUploadQuerySchema>;

/** Kinds of personal data the detector finds (shared/src/personalData). */
export const personalDataKinds = [
  'person',
  'email',
  'phone',
  'address',
  'birthDate',
  'nir',
  'iban',
  'benefitNumber',
] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];
export const personalDataKindSchema = z.enum(personalDataKinds);

/** One column of the file: its header and a few distinct non-empty values. */
export const importColumnSchema = z.object({
  index: z.number().int().nonnegative(),
  name: z.string(),
  samples: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof importColumnSchema>;

/** A row left out, and why (in French, for the person importing). `line` is 1-based in the file. */
export const importSkippedRowSchema = z.object({ line: z.number().int(), reason: z.string() });
export type ImportSkippedRow = z.infer<typeof importSkippedRowSchema>;

/**
 * One piece of personal data found in a cell. `start`/`end` are UTF-16 offsets in that cell's
 * text; `before`/`after` are up to 40 characters of context so the review can show it in place.
 */
export const personalDataFindingSchema = z.object({
  id: z.string(),
  line: z.number().int(),
  column: z.number().int().nonnegative(),
  kind: personalDataKindSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  replacement: z.string(),
  before: z.string(),
  after: z.string(),
});
export type PersonalDataFinding = z.infer<typeof personalDataFindingSchema>;

export const importPreviewSchema = z.object({
  id: z.string(),
  format: z.enum(importFormats),
  /** null for spreadsheets, whose text is never in a legacy encoding. */
  encoding: importEncodingSchema.nullable(),
  delimiter: importDelimiterSchema.nullable(),
  rowCount: z.number().int().nonnegative(),
  columns: z.array(importColumnSchema),
  /** The first rows (at most 20), cells in column order, for the preview table. */
  rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
  /** Rows the reader could not use (unreadable line, wrong number of fields…). */
  skipped: z.array(importSkippedRowSchema),
  personalData: z.array(personalDataFindingSchema),
  /** ISO time after which the import is forgotten by the server. */
  expiresAt: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importStatusSchema = z.object({
  id: z.string(),
  status: z.enum(['ready', 'committing', 'committed']),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  expiresAt: z.string(),
});
export type ImportStatus = z.infer<typeof importStatusSchema>;

/** What the rows become. */
export const importCardKinds = ['observation', 'indicator'] as const;
export type ImportCardKind = (typeof importCardKinds)[number];

export const observationImportFields = ['verbatim', 'source', 'public', 'commune', 'date'] as const;
export const indicatorImportFields = [
  'label',
  'value',
  'unit',
  'territory',
  'year',
  'source',
] as const;
export type ObservationImportField = (typeof observationImportFields)[number];
export type IndicatorImportField = (typeof indicatorImportFields)[number];
export type ImportField = ObservationImportField | IndicatorImportField;

/** The field that must be mapped to a column for a row to become a card. */
export const requiredImportField: Record<ImportCardKind, ImportField> = {
  observation: 'verbatim',
  indicator: 'label',
};

const columnIndex = z.number().int().nonnegative().max(10_000);
const constantValue = z.string().max(200);

/** A decision on one finding: keep the proposed replacement, write another, or keep the text. */
export const findingDecisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept') }),
  z.object({ action: z.literal('reject') }),
  z.object({ action: z.literal('edit'), replacement: z.string().max(200) }),
]);
export type FindingDecision = z.infer<typeof findingDecisionSchema>;

export const importCommitRequestSchema = z.object({
  boardId: z.string().min(1).max(128),
  kind: z.enum(importCardKinds),
  /** Field → column index. A field absent here takes its constant, or stays empty. */
  mapping: z.record(z.string(), columnIndex),
  /** Field → the same value for every card (e.g. source = "questionnaire"). */
  constants: z.record(z.string(), constantValue).default({}),
  /**
   * Decisions on findings, by finding id; findings not listed take `defaultDecision`
   * ("accept all" is `{ defaultDecision: 'accept', decisions: {} }`).
   */
  decisions: z.record(z.string(), findingDecisionSchema).default({}),
  defaultDecision: z.enum(['accept', 'reject']),
  /** Lay the cards out in one theme per distinct value of this column. */
  groupBy: columnIndex.nullable().default(null),
  /** Compute the result (skipped rows, unmatched values) without creating anything. */
  dryRun: z.boolean().default(false),
});
export type ImportCommitRequest = z.input<typeof importCommitRequestSchema>;

export const importCommitResultSchema = z.object({
  boardId: z.string(),
  dryRun: z.boolean(),
  created: z.number().int(),
  skipped: z.number().int(),
  skippedRows: z.array(importSkippedRowSchema),
  /**
   * Values kept as written but not found in the workspace's lists (public, commune) or not
   * understood (source, date, value, year), each with how many rows carry it.
   */
  unmatched: z.array(z.object({ field: z.string(), value: z.string(), rows: z.number().int() })),
  /** Themes created by `groupBy`. */
  themes: z.number().int(),
  /**
   * The first card created, so the page can open the board on the imported block (which
   * lands beside what the board already holds); null for a dry run or when nothing was made.
   */
  firstCardId: z.string().nullable(),
});
export type ImportCommitResult = z.infer<typeof importCommitResultSchema>;
