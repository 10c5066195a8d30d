import { MAX_CELLS, MAX_COLUMNS, MAX_ROWS, ROWS_PER_YIELD, yieldToEventLoop } from './limits.js';
import { ImportFileError, type RawRecords, type TableRow, type UnreadableLine } from './types.js';

/**
 * From a format's records to the table: the first non-blank record is the header, blank records
 * are dropped, and every row gets exactly one cell per column.
 *
 * Width: a text file's header says how many fields a row has. A row with more (not counting
 * trailing empty fields, which exports often add) is set aside with its line; a shorter one is
 * padded. A spreadsheet has no such thing as a wrong field count, so its table is as wide as
 * its furthest non-empty cell. Either way, columns that are empty everywhere at the right end
 * are dropped.
 */
export type WidthRule = 'header' | 'widest';

export interface Table {
  header: string[];
  rows: TableRow[];
  unreadable: UnreadableLine[];
}

export const noRowsError = () =>
  new ImportFileError('no-rows', 'Le tableau ne contient aucune ligne de données.');

export async function buildTable(raw: RawRecords, widthRule: WidthRule): Promise<Table> {
  const unreadable = [...raw.unreadable];
  const headerAt = raw.records.findIndex((record) => !isBlank(record.cells));
  if (headerAt === -1) throw noRowsError();
  const headerCells = raw.records[headerAt]!.cells;
  const fieldLimit = widthRule === 'header' ? headerCells.length : Infinity;

  const kept: TableRow[] = [];
  let width = filledLength(headerCells);
  for (let i = headerAt + 1; i < raw.records.length; i++) {
    if (i % ROWS_PER_YIELD === 0) await yieldToEventLoop();
    const record = raw.records[i]!;
    if (isBlank(record.cells)) continue;
    const filled = filledLength(record.cells);
    if (filled > fieldLimit) {
      unreadable.push({
        line: record.line,
        reason: `ligne ${record.line} : ${filled} champs au lieu de ${fieldLimit}`,
      });
      continue;
    }
    if (kept.length >= MAX_ROWS) throw tooManyRows();
    kept.push(record);
    width = Math.max(width, filled);
  }
  if (width > MAX_COLUMNS) throw tooManyColumns();
  if (kept.length === 0 && unreadable.length === 0) throw noRowsError();

  return {
    header: columnNames(headerCells, width),
    rows: kept.map(({ line, cells }) => ({ line, cells: fitted(cells, width) })),
    unreadable: unreadable.sort((a, b) => a.line - b.line),
  };
}

export function tooManyRows(): ImportFileError {
  return new ImportFileError(
    'unreadable-file',
    `Le tableau a plus de ${MAX_ROWS.toLocaleString('fr-FR')} lignes : découpez-le en plusieurs fichiers.`,
  );
}

export function tooManyCells(): ImportFileError {
  return new ImportFileError(
    'unreadable-file',
    `Le tableau a plus de ${MAX_CELLS.toLocaleString('fr-FR')} cellules : découpez-le en plusieurs fichiers.`,
  );
}

export function tooManyColumns(): ImportFileError {
  return new ImportFileError(
    'unreadable-file',
    `Le tableau a plus de ${MAX_COLUMNS.toLocaleString('fr-FR')} colonnes : ce n’est sans doute pas un export d’enquête.`,
  );
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Number of cells up to the last one that is not blank. */
function filledLength(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.trim() === '') n--;
  return n;
}

function fitted(cells: string[], width: number): string[] {
  if (cells.length === width) return cells;
  if (cells.length > width) return cells.slice(0, width);
  return [...cells, ...Array<string>(width - cells.length).fill('')];
}

/** Trimmed names; an empty one is « Colonne N », a repeated one « nom (2) », « nom (3) »… */
export function columnNames(headerCells: readonly string[], width: number): string[] {
  const taken = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    const base = (headerCells[i] ?? '').replace(/\s+/g, ' ').trim() || `Colonne ${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLocaleLowerCase('fr')); n++) name = `${base} (${n})`;
    taken.add(name.toLocaleLowerCase('fr'));
    names.push(name);
  }
  return names;
}
