import ExcelJS from 'exceljs';
import type { Unzipped } from 'fflate';
import { booleanText, dateText, normalizedLineBreaks, numberText } from './cellText.js';
import { MAX_CELLS, MAX_COLUMNS, ROWS_PER_YIELD, yieldToEventLoop } from './limits.js';
import { tooManyCells, tooManyColumns } from './table.js';
import { type RawRecords, type TableRow } from './types.js';
import { damagedArchive, extractZip, rebuiltZip } from './zip.js';

/**
 * An Excel workbook's first worksheet that has data, read with exceljs. exceljs is given the
 * archive rebuilt from size-checked entries (zip.ts), never the upload itself. Formulas give
 * their cached result; merged cells other than the top-left one are empty, as in ODS.
 */
export async function readXlsx(bytes: Uint8Array): Promise<RawRecords> {
  const entries = extractZip(bytes, (name) => !name.endsWith('/'));
  if (declaredCells(entries) > MAX_CELLS) throw tooManyCells();
  const safe = rebuiltZip(entries);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer"; JSZip reads a Node Buffer.
    const input = Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength);
    await workbook.xlsx.load(input as unknown as ArrayBuffer);
  } catch {
    throw damagedArchive();
  }
  for (const worksheet of workbook.worksheets) {
    const records = await sheetRecords(worksheet);
    if (records.some((record) => record.cells.some((cell) => cell.trim() !== '')))
      return { records, unreadable: [] };
  }
  return { records: [], unreadable: [] };
}

async function sheetRecords(worksheet: ExcelJS.Worksheet): Promise<TableRow[]> {
  const rows: { line: number; row: ExcelJS.Row }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, line) => rows.push({ line, row }));
  const records: TableRow[] = [];
  for (const [i, { line, row }] of rows.entries()) {
    if (i % ROWS_PER_YIELD === ROWS_PER_YIELD - 1) await yieldToEventLoop();
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell);
      if (text === '') return;
      if (column > MAX_COLUMNS) throw tooManyColumns();
      while (cells.length < column - 1) cells.push('');
      cells[column - 1] = text;
    });
    records.push({ line, cells });
  }
  return records;
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  return normalizedLineBreaks(valueText(cell.value));
}

/** Any exceljs value as text; rich text and hyperlinks may nest, so this recurses. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return booleanText(value);
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText))
    return value.richText.map((run: { text?: unknown }) => valueText(run.text)).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value ? valueText(value.result) : '';
  if ('hyperlink' in value && 'text' in value) return valueText(value.text);
  // { error: '#N/A' } and anything unknown: nothing a person wrote.
  return '';
}

const worksheetEntry = /^xl\/worksheets\/[^/]+\.xml$/;
const LT = 0x3c;
const COLON = 0x3a;
const C = 0x63;
/** Bytes that may follow an element name: space, tab, CR, LF, `/`, `>`. */
const AFTER_NAME = new Set([0x20, 0x09, 0x0d, 0x0a, 0x2f, 0x3e]);

/**
 * The cells the worksheets declare (`<c …>` elements, prefixed or not), counted in their bytes
 * before exceljs spends memory on them. Text that looks like one only makes the count larger.
 */
function declaredCells(entries: Unzipped): number {
  let cells = 0;
  for (const [name, xml] of Object.entries(entries)) {
    if (!worksheetEntry.test(name)) continue;
    for (let i = xml.indexOf(C, 1); i !== -1; i = xml.indexOf(C, i + 1)) {
      const before = xml[i - 1];
      if ((before === LT || before === COLON) && AFTER_NAME.has(xml[i + 1] ?? 0)) cells++;
    }
  }
  return cells;
}
