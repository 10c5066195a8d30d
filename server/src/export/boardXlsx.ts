import ExcelJS from 'exceljs';
import { boardColumns, type BoardColumn, type BoardRow, type CellValue } from './boardTable.js';

/**
 * A board's table as an Excel workbook: one sheet named after the board, a bold header row that
 * stays in view and carries filters, widths that fit each column, long text wrapped. Numbers
 * are numbers and days are real dates (shown dd/mm/yyyy, as French spreadsheets show them), so
 * sorting and filtering work without retyping. Text is always stored as text: a verbatim that
 * starts with "=" is never a formula.
 */

/** Excel refuses these characters in a sheet name, and names longer than 31 characters. */
const forbiddenInSheetName = /[[\]:*?/\\]/g;
const maxSheetNameLength = 31;

export function sheetNameFor(title: string): string {
  const cleaned = title.replace(forbiddenInSheetName, ' ').replace(/\s+/g, ' ').trim();
  let name = '';
  // Cut by whole characters, within Excel's limit counted in UTF-16 units.
  for (const character of cleaned) {
    if (name.length + character.length > maxSheetNameLength) break;
    name += character;
  }
  // Excel also refuses a name that starts or ends with an apostrophe, and "History".
  name = name.replace(/^'+|'+$/g, '').trim();
  return name && name.toLowerCase() !== 'history' ? name : 'Tableau';
}

/** `yyyy-mm-dd` as midnight UTC, the day Excel shows; anything else stays text. */
function calendarDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function cellValue(value: CellValue, type: BoardColumn['type']): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (type === 'date' && typeof value === 'string') return calendarDay(value) ?? value;
  return value;
}

export async function boardXlsx(rows: readonly BoardRow[], boardTitle: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Boussole';
  const sheet = workbook.addWorksheet(sheetNameFor(boardTitle), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = boardColumns.map((column) => ({
    key: column.key,
    header: column.header,
    width: column.width,
    style: {
      alignment: { vertical: 'top', wrapText: 'wrap' in column && column.wrap },
      ...(column.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : {}),
    },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of rows) {
    sheet.addRow(boardColumns.map(({ key, type }) => cellValue(row[key], type)));
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, rows.length + 1), column: boardColumns.length },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
