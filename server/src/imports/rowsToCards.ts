import {
  applyReplacements,
  cardTextLimits,
  type FindingDecision,
  type ImportCardKind,
  type ImportCommitResult,
  type ImportSkippedRow,
  type IndicatorCardProps,
  type ObservationCardProps,
  type PersonalDataFinding,
} from '@boussole/shared';
import type { ParsedTable } from './parse/index.js';
import { yielder } from './eventLoop.js';
import {
  matchListValue,
  matchSource,
  parseDay,
  parseFrenchNumber,
  parseYear,
} from './valueMatching.js';

/**
 * The reviewed rows of an import as card props: each mapped cell with the person's decisions
 * on its findings applied, then matched to the card's fields. A row that cannot become a
 * valid card is skipped with its reason — never cut or corrected silently.
 */

export type ObservationProps = Omit<ObservationCardProps, 'w' | 'h'>;
export type IndicatorProps = Omit<IndicatorCardProps, 'w' | 'h'>;

export type CardDraft =
  | { kind: 'observation'; line: number; group: string | undefined; props: ObservationProps }
  | { kind: 'indicator'; line: number; group: string | undefined; props: IndicatorProps };

export interface RowsToCardsInput {
  table: ParsedTable;
  kind: ImportCardKind;
  findings: readonly PersonalDataFinding[];
  mapping: Readonly<Record<string, number>>;
  constants: Readonly<Record<string, string>>;
  decisions: Readonly<Record<string, FindingDecision>>;
  defaultDecision: 'accept' | 'reject';
  groupBy: number | null;
  workspace: { publics: readonly string[]; communes: readonly string[] };
  /** Called after each chunk of rows with how many are done. */
  onProgress?: (done: number) => void;
}

export interface DecisionCounts {
  accepted: number;
  edited: number;
  rejected: number;
}

export interface RowsToCardsResult {
  cards: CardDraft[];
  skippedRows: ImportSkippedRow[];
  unmatched: ImportCommitResult['unmatched'];
  decisions: DecisionCounts;
}

/** Unmatched values listed back to the person; beyond this, the list says nothing new. */
const MAX_UNMATCHED = 200;

const thousands = (n: number) => n.toLocaleString('fr-FR');

/** How each finding is settled, and the replacements to apply in each cell (line:column). */
function replacementsByCell(
  findings: readonly PersonalDataFinding[],
  decisions: Readonly<Record<string, FindingDecision>>,
  defaultDecision: 'accept' | 'reject',
): {
  byCell: Map<string, { start: number; end: number; replacement: string }[]>;
  counts: DecisionCounts;
} {
  const byCell = new Map<string, { start: number; end: number; replacement: string }[]>();
  const counts: DecisionCounts = { accepted: 0, edited: 0, rejected: 0 };
  for (const finding of findings) {
    const decision: FindingDecision = decisions[finding.id] ?? { action: defaultDecision };
    if (decision.action === 'reject') {
      counts.rejected++;
      continue;
    }
    const replacement = decision.action === 'edit' ? decision.replacement : finding.replacement;
    if (decision.action === 'edit') counts.edited++;
    else counts.accepted++;
    const key = `${finding.line}:${finding.column}`;
    const list = byCell.get(key) ?? [];
    list.push({ start: finding.start, end: finding.end, replacement });
    byCell.set(key, list);
  }
  return { byCell, counts };
}

/** Values not understood, counted per row once the row is kept (a skipped row adds none). */
class Unmatched {
  private readonly counts = new Map<string, { field: string; value: string; rows: number }>();
  private pending: { field: string; value: string }[] = [];

  add(field: string, value: string): void {
    this.pending.push({ field, value });
  }

  /** The current row became a card: its unmatched values count. */
  keepRow(): void {
    for (const { field, value } of this.pending) {
      const key = `${field}\u0000${value}`;
      const known = this.counts.get(key);
      if (known) known.rows++;
      else if (this.counts.size < MAX_UNMATCHED) this.counts.set(key, { field, value, rows: 1 });
    }
    this.pending = [];
  }

  dropRow(): void {
    this.pending = [];
  }

  list(): ImportCommitResult['unmatched'] {
    return [...this.counts.values()];
  }
}

class TooLong extends Error {
  constructor(
    readonly field: string,
    readonly length: number,
    readonly max: number,
  ) {
    super(`${field} too long`);
  }
}

/** French names of the fields, for skipped rows' reasons. */
const fieldNames: Record<string, string> = {
  verbatim: 'verbatim',
  source: 'source',
  public: 'public',
  commune: 'commune',
  date: 'date',
  label: 'libellé',
  value: 'valeur',
  unit: 'unité',
  territory: 'territoire',
  year: 'année',
};

function limited(field: string, value: string, max: number): string {
  if (value.length > max) throw new TooLong(field, value.length, max);
  return value;
}

export async function rowsToCards(input: RowsToCardsInput): Promise<RowsToCardsResult> {
  const { table, mapping, constants, workspace } = input;
  const { byCell, counts } = replacementsByCell(
    input.findings,
    input.decisions,
    input.defaultDecision,
  );
  const unmatched = new Unmatched();
  const cards: CardDraft[] = [];
  const skippedRows: ImportSkippedRow[] = [];

  const pause = yielder();
  for (let r = 0; r < table.rows.length; r++) {
    const paused = pause();
    if (paused) {
      input.onProgress?.(r);
      await paused;
    }
    const row = table.rows[r]!;
    const cellText = (column: number): string => {
      const cell = row.cells[column] ?? '';
      const replacements = byCell.get(`${row.line}:${column}`);
      return replacements ? applyReplacements(cell, replacements) : cell;
    };
    /** The field's mapped cell, or its constant when unmapped; trimmed. */
    const field = (name: string): string => {
      const column = mapping[name];
      return (column === undefined ? (constants[name] ?? '') : cellText(column)).trim();
    };
    const group = input.groupBy === null ? undefined : cellText(input.groupBy).trim();
    unmatched.dropRow();
    try {
      if (input.kind === 'observation') {
        const verbatim = field('verbatim');
        if (!verbatim) {
          skippedRows.push({ line: row.line, reason: 'verbatim vide' });
          continue;
        }
        cards.push({
          kind: 'observation',
          line: row.line,
          group,
          props: {
            verbatim: limited('verbatim', verbatim, cardTextLimits.long),
            source: observationSource(field('source'), constants['source'], unmatched),
            public: listValue('public', field('public'), workspace.publics, unmatched),
            commune: listValue('commune', field('commune'), workspace.communes, unmatched),
            date: day(field('date'), unmatched),
          },
        });
        unmatched.keepRow();
      } else {
        const label = field('label');
        if (!label) {
          skippedRows.push({ line: row.line, reason: 'libellé vide' });
          continue;
        }
        cards.push({
          kind: 'indicator',
          line: row.line,
          group,
          props: {
            label: limited('label', label, cardTextLimits.short),
            value: numberOrNull('value', field('value'), parseFrenchNumber, unmatched),
            unit: limited('unit', field('unit'), cardTextLimits.short),
            territory: limited('territory', field('territory'), cardTextLimits.short),
            year: numberOrNull('year', field('year'), parseYear, unmatched),
            source: limited('source', field('source'), cardTextLimits.short),
          },
        });
        unmatched.keepRow();
      }
    } catch (error) {
      if (!(error instanceof TooLong)) throw error;
      skippedRows.push({
        line: row.line,
        reason: `${fieldNames[error.field] ?? error.field} trop long (${thousands(error.length)} caractères, ${thousands(error.max)} au plus)`,
      });
    }
  }
  input.onProgress?.(table.rows.length);
  return { cards, skippedRows, unmatched: unmatched.list(), decisions: counts };
}

function observationSource(
  value: string,
  constant: string | undefined,
  unmatched: Unmatched,
): ObservationProps['source'] {
  const fallback = (constant && matchSource(constant)) || 'questionnaire';
  if (!value) return fallback;
  const source = matchSource(value);
  if (source) return source;
  unmatched.add('source', value);
  return fallback;
}

function listValue(
  field: string,
  value: string,
  list: readonly string[],
  unmatched: Unmatched,
): string {
  if (!value) return '';
  const matched = matchListValue(value, list);
  if (matched) return matched;
  limited(field, value, cardTextLimits.short);
  unmatched.add(field, value);
  return value;
}

function day(value: string, unmatched: Unmatched): string {
  if (!value) return '';
  const parsed = parseDay(value);
  if (parsed) return parsed;
  unmatched.add('date', value);
  return '';
}

function numberOrNull(
  field: string,
  value: string,
  parse: (value: string) => number | null,
  unmatched: Unmatched,
): number | null {
  if (!value) return null;
  const n = parse(value);
  if (n === null) unmatched.add(field, value);
  return n;
}
