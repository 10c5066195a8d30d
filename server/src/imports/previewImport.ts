import {
  findPersonalData,
  Pseudonymiser,
  type ImportColumn,
  type ImportPreview,
  type PersonalDataFinding,
} from '@boussole/shared';
import { yielder } from './eventLoop.js';
import type { ParsedTable } from './parse/index.js';

/**
 * What the person sees before anything is created: the file's columns with a few values, its
 * first rows, the lines the reader could not use, and every piece of personal data found in
 * it with the replacement proposed.
 */

const PREVIEW_ROWS = 20;
const SAMPLES_PER_COLUMN = 5;
/** A sample is a hint of what a column holds, not the whole answer. */
const SAMPLE_CHARS = 120;
const CONTEXT_CHARS = 40;

/**
 * Runs the detector on every non-empty cell, with one Pseudonymiser for the whole import (the
 * same person gets the same letter in every row). Finding ids are stable within the import.
 */
export async function findPersonalDataInTable(
  table: ParsedTable,
  places: readonly string[],
): Promise<PersonalDataFinding[]> {
  const pseudonymiser = new Pseudonymiser();
  const findings: PersonalDataFinding[] = [];
  const pause = yielder();
  for (let r = 0; r < table.rows.length; r++) {
    await pause();
    const row = table.rows[r]!;
    row.cells.forEach((cell, column) => {
      if (!cell.trim()) return;
      for (const match of findPersonalData(cell, { places })) {
        findings.push({
          id: `f${findings.length + 1}`,
          line: row.line,
          column,
          kind: match.kind,
          start: match.start,
          end: match.end,
          text: match.text,
          replacement: pseudonymiser.replacementFor(match),
          before: cell.slice(Math.max(0, match.start - CONTEXT_CHARS), match.start),
          after: cell.slice(match.end, match.end + CONTEXT_CHARS),
        });
      }
    });
  }
  return findings;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Each column with up to five distinct non-empty values, in the order they come. */
export function columnsOf(table: ParsedTable): ImportColumn[] {
  return table.header.map((name, index) => {
    const samples = new Set<string>();
    for (const row of table.rows) {
      const value = row.cells[index]?.trim();
      if (value) samples.add(clip(value, SAMPLE_CHARS));
      if (samples.size >= SAMPLES_PER_COLUMN) break;
    }
    return { index, name, samples: [...samples] };
  });
}

export function previewOf(
  id: string,
  table: ParsedTable,
  findings: PersonalDataFinding[],
  expiresAt: number,
): ImportPreview {
  return {
    id,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    rowCount: table.rows.length,
    columns: columnsOf(table),
    rows: table.rows.slice(0, PREVIEW_ROWS).map((row) => ({ line: row.line, cells: row.cells })),
    skipped: table.unreadable.map(({ line, reason }) => ({ line, reason })),
    personalData: findings,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}
