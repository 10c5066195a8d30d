import { boardColumns, type BoardRow, type CellValue } from './boardTable.js';

/**
 * A board's table as the CSV that Excel in French opens by a double click: UTF-8 with a byte
 * order mark (without it Excel reads the bytes as Windows-1252 and breaks every accent), `;`
 * between fields (the French list separator: a comma is the decimal mark), CRLF between
 * records, quoting as RFC 4180 says, and decimal commas.
 */

const separator = ';';
const recordEnd = '\r\n';
const byteOrderMark = '\uFEFF';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): such a
 * text gets a leading apostrophe, which Excel and LibreOffice take as "this is text".
 */
const formulaStart = /^[=+\-@\t\r]/;

/** A number as Excel FR reads it: `12,8`, not `12.8` (which it would take for text or a date). */
function frenchNumber(value: number): string {
  return String(value).replace('.', ',');
}

function quoted(field: string): string {
  return /[;"\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** One cell: numbers with a decimal comma, text defused and quoted when needed. */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return frenchNumber(value);
  return quoted(formulaStart.test(value) ? `'${value}` : value);
}

/** The whole file: header row, then one record per card. */
export function boardCsv(rows: readonly BoardRow[]): Uint8Array {
  const lines = [
    boardColumns.map(({ header }) => csvField(header)).join(separator),
    ...rows.map((row) => boardColumns.map(({ key }) => csvField(row[key])).join(separator)),
  ];
  return new TextEncoder().encode(byteOrderMark + lines.join(recordEnd) + recordEnd);
}
