import type { ImportDelimiter } from '@boussole/shared';
import { parse, type CsvError } from 'csv-parse';
import { MAX_CELLS, MAX_ROWS, yieldToEventLoop } from './limits.js';
import { tooManyCells, tooManyRows } from './table.js';
import type { RawRecords, TableRow, UnreadableLine } from './types.js';

/**
 * Records of a CSV/TSV text, with the physical line each starts on. csv-parse does the quoting
 * (CRLF, quoted multi-line fields, "" escapes) and is lenient with stray quotes; what it cannot
 * read is reported by line instead of failing the whole file:
 * - a quote never closed would swallow the rest of the file into one field, so its line is set
 *   aside and reading resumes on the next line;
 * - any other record csv-parse rejects is set aside the same way.
 * Line endings are made `\n` first, in multi-line fields too, so that csv-parse counts lines
 * right (it miscounts mixed CRLF) and verbatims get one kind of line break.
 */

/** Bytes handed to csv-parse between two yields to the event loop. */
const CHUNK_BYTES = 64 * 1024;
/** Readings of the text, each resuming after a quote never closed. */
const MAX_PASSES = 20;
/** The header, MAX_ROWS rows, and room for blank records (lines of spaces, say). */
const MAX_RECORDS = 2 * MAX_ROWS;

export async function readDelimited(text: string, delimiter: ImportDelimiter): Promise<RawRecords> {
  const normalized = text.replace(/\r\n?/g, '\n');
  const result: RawRecords = { records: [], unreadable: [] };
  let rest = normalized;
  let lineOffset = 0;
  for (let passes = 1; ; passes++) {
    const pass = await parsePass(rest, delimiter, lineOffset);
    for (const record of pass.records) result.records.push(record);
    for (const line of pass.unreadable) result.unreadable.push(line);
    if (result.records.length > MAX_RECORDS) throw tooManyRows();
    if (pass.cells > MAX_CELLS) throw tooManyCells();
    if (pass.unclosedQuoteLine === null) break;
    // Each pass reads the rest of the file again: a bound keeps a hostile file linear.
    if (passes === MAX_PASSES) {
      result.unreadable[result.unreadable.length - 1]!.reason +=
        ' ; la suite du fichier n’est pas lue';
      break;
    }
    const resumeIndex = indexAfterLine(rest, pass.unclosedQuoteLine - lineOffset);
    if (resumeIndex === null) break;
    rest = rest.slice(resumeIndex);
    lineOffset = pass.unclosedQuoteLine;
  }
  return result;
}

interface Pass {
  records: TableRow[];
  unreadable: UnreadableLine[];
  /** Line (in the whole file) of a record whose quote never closed: the rest needs another pass. */
  unclosedQuoteLine: number | null;
  /** Fields read in this pass (kept or not). */
  cells: number;
}

/** What csv-parse tells of the text read so far, with each record or error. */
interface Progress {
  /** Line the record (or the failed one) ends on. */
  lines?: unknown;
  /** Blank lines skipped so far. */
  empty_lines?: unknown;
}

async function parsePass(text: string, delimiter: string, lineOffset: number): Promise<Pass> {
  const pass: Pass = { records: [], unreadable: [], unclosedQuoteLine: null, cells: 0 };
  // A record starts on the line after the previous one ended, past the blank lines skipped.
  let previousEnd = 0;
  let previousEmpty = 0;
  const startOf = (progress: Progress): number => {
    const empty = Number(progress.empty_lines ?? previousEmpty);
    const start = previousEnd + 1 + (empty - previousEmpty);
    previousEnd = Number(progress.lines ?? start);
    previousEmpty = empty;
    return lineOffset + start;
  };
  const parser = parse({
    delimiter,
    record_delimiter: '\n',
    quote: '"',
    escape: '"',
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
    // Records are collected here, in order with errors, rather than read from the stream.
    on_record: (record: string[], progress: Progress) => {
      const line = startOf(progress);
      // Past the limits, records are no longer kept: readDelimited refuses the file.
      pass.cells += record.length;
      if (pass.records.length <= MAX_RECORDS && pass.cells <= MAX_CELLS)
        pass.records.push({ line, cells: record });
      return null;
    },
    on_skip: (error: CsvError | undefined) => {
      const line = startOf((error ?? {}) as Progress);
      if (error?.code === 'CSV_QUOTE_NOT_CLOSED') {
        pass.unclosedQuoteLine = line;
        pass.unreadable.push({
          line,
          reason: `ligne ${line} : un guillemet ouvert n’est jamais refermé`,
        });
      } else {
        pass.unreadable.push({
          line,
          reason: `ligne ${line} : ligne illisible (guillemets mal placés)`,
        });
      }
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  parser.resume();
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    parser.write(bytes.subarray(at, at + CHUNK_BYTES));
    await yieldToEventLoop();
  }
  parser.end();
  await finished;
  return pass;
}

/** Index just after line `line` (1-based) of `text`, or null when there is no further line. */
function indexAfterLine(text: string, line: number): number | null {
  let index = -1;
  for (let n = 0; n < line; n++) {
    index = text.indexOf('\n', index + 1);
    if (index === -1) return null;
  }
  return index + 1;
}
