import { booleanText, dateText, normalizedLineBreaks, numberText } from './cellText.js';
import { MAX_CELLS, MAX_COLUMNS, MAX_ROWS, ROWS_PER_YIELD, yieldToEventLoop } from './limits.js';
import { tooManyCells, tooManyColumns, tooManyRows } from './table.js';
import type { RawRecords, TableRow } from './types.js';
import { parseAttributes, xmlEvents } from './xmlEvents.js';
import { damagedArchive, extractZip } from './zip.js';

/**
 * An OpenDocument spreadsheet's first sheet that has data, read from its content.xml as a
 * stream of tags (xmlEvents.ts), stopping at the end of that sheet.
 * LibreOffice writes runs of identical cells or rows once with a repeat count, and pads sheets
 * with empty runs up to its limits (1,048,576 rows, 16,384 columns): empty runs only move the
 * position, never allocate; a non-empty run is expanded within MAX_COLUMNS / MAX_ROWS.
 */

/** Tag events between two yields when no row ends (a sheet of one huge cell, say). */
const EVENTS_PER_YIELD = 50_000;

interface Cell {
  covered: boolean;
  attributes: Map<string, string>;
  paragraphs: string[];
  /** The paragraph being read, or null between paragraphs. */
  paragraph: string | null;
}

interface Row {
  cells: string[];
  column: number;
  repeat: number;
}

export async function readOds(bytes: Uint8Array): Promise<RawRecords> {
  const content = extractZip(bytes, (name) => name === 'content.xml')['content.xml'];
  if (!content) throw damagedArchive();
  const xml = new TextDecoder().decode(content);

  let sheet: TableRow[] | null = null;
  let line = 1;
  let row: Row | null = null;
  let cell: Cell | null = null;
  /** Depth inside something whose text is not the cell's (a comment, a note, a sub-table). */
  let skipped = 0;
  let rowsRead = 0;
  let events = 0;
  let cellsKept = 0;

  const endRow = () => {
    if (!sheet || !row) return;
    if (row.cells.length > 0) {
      // The header and MAX_ROWS data rows, and one more to tell that there are too many.
      if (sheet.length + Math.min(row.repeat, MAX_ROWS + 2) > MAX_ROWS + 1) throw tooManyRows();
      cellsKept += row.cells.length * row.repeat;
      if (cellsKept > MAX_CELLS) throw tooManyCells();
      for (let n = 0; n < row.repeat; n++) sheet.push({ line: line + n, cells: [...row.cells] });
    }
    line += row.repeat;
    row = null;
  };

  const endCell = () => {
    if (!row || !cell) return;
    const times = repeatCount(cell.attributes.get('number-columns-repeated'));
    // Cells hidden under a merged one are empty, as in XLSX.
    const text = cell.covered ? '' : cellText(cell);
    if (text.trim() !== '') {
      if (row.column + times > MAX_COLUMNS) throw tooManyColumns();
      while (row.cells.length < row.column) row.cells.push('');
      for (let n = 0; n < times; n++) row.cells.push(text);
    }
    row.column += times;
    cell = null;
  };

  for (const event of xmlEvents(xml)) {
    if (++events % EVENTS_PER_YIELD === 0) await yieldToEventLoop();
    if (skipped > 0) {
      if (event.type === 'open' && !event.empty) skipped++;
      else if (event.type === 'close') skipped--;
      continue;
    }
    if (event.type === 'text') {
      // ODF: runs of white space in a paragraph are one space; <text:s/> writes the others.
      if (cell && cell.paragraph !== null) cell.paragraph += event.text.replace(/[ \t\r\n]+/g, ' ');
      continue;
    }
    const { name } = event;
    if (event.type === 'close') {
      if (name === 'p' || name === 'h') {
        if (cell && cell.paragraph !== null) cell.paragraphs.push(cell.paragraph);
        if (cell) cell.paragraph = null;
      } else if (name === 'table-cell' || name === 'covered-table-cell') endCell();
      else if (name === 'table-row') {
        endRow();
        if (++rowsRead % ROWS_PER_YIELD === 0) await yieldToEventLoop();
      } else if (name === 'table' && sheet) {
        if (sheet.length > 0) return { records: sheet, unreadable: [] };
        sheet = null;
      }
      continue;
    }
    if (cell) {
      if (name === 'annotation' || name === 'note' || name === 'table') {
        if (!event.empty) skipped = 1;
      } else if (name === 'p' || name === 'h') {
        if (event.empty) cell.paragraphs.push('');
        else cell.paragraph = '';
      } else if (cell.paragraph !== null) {
        if (name === 's')
          cell.paragraph += ' '.repeat(
            Math.min(repeatCount(parseAttributes(event.attributes).get('c')), 1000),
          );
        else if (name === 'tab') cell.paragraph += '\t';
        else if (name === 'line-break') cell.paragraph += '\n';
      }
    } else if (name === 'table' && !sheet) {
      sheet = [];
      line = 1;
      if (event.empty) sheet = null;
    } else if (name === 'table-row' && sheet) {
      const repeat = repeatCount(parseAttributes(event.attributes).get('number-rows-repeated'));
      row = { cells: [], column: 0, repeat };
      if (event.empty) endRow();
    } else if ((name === 'table-cell' || name === 'covered-table-cell') && row) {
      cell = {
        covered: name === 'covered-table-cell',
        attributes: parseAttributes(event.attributes),
        paragraphs: [],
        paragraph: null,
      };
      if (event.empty) endCell();
    }
  }
  return { records: [], unreadable: [] };
}

function repeatCount(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? n : 1;
}

/** Typed values from their value attribute, not their display; text from its paragraphs. */
function cellText({ attributes, paragraphs }: Cell): string {
  switch (attributes.get('value-type')) {
    case 'float':
    case 'percentage':
    case 'currency':
      return numberText(Number(attributes.get('value')));
    case 'date': {
      const [, day, time] =
        /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(attributes.get('date-value') ?? '') ?? [];
      return day ? dateText(new Date(`${day}T${time ?? '00:00'}:00Z`)) : '';
    }
    case 'boolean':
      return booleanText(attributes.get('boolean-value') === 'true');
    default:
      return normalizedLineBreaks(paragraphs.join('\n'));
  }
}
