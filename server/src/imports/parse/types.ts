import type { ImportDelimiter, ImportEncoding, ImportFormat } from '@boussole/shared';

export interface ReadOptions {
  /** Forced by the person; detected otherwise. Ignored for spreadsheets. */
  encoding?: ImportEncoding;
  delimiter?: ImportDelimiter;
}

export interface TableRow {
  line: number;
  cells: string[];
}

export interface UnreadableLine {
  line: number;
  reason: string;
}

export interface ParsedTable {
  format: ImportFormat;
  encoding: ImportEncoding | null;
  delimiter: ImportDelimiter | null;
  /** Column names, trimmed; an empty one becomes « Colonne N », a repeated one « nom (2) ». */
  header: string[];
  /** Data rows, each with exactly header.length cells (padded with ''); `line` is 1-based in the file/sheet. */
  rows: TableRow[];
  /** Lines that could not be read as a row, with a French reason. */
  unreadable: UnreadableLine[];
}

export type ImportFileErrorCode =
  'empty-file' | 'binary-file' | 'unsupported-format' | 'no-rows' | 'unreadable-file';

/** A file that cannot be imported at all; `message` is French and names no cell content. */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/**
 * What each format's reader hands to the table builder: every record as it stands in the file
 * (header included, blank ones too), before any header or width rule is applied.
 */
export interface RawRecords {
  records: TableRow[];
  unreadable: UnreadableLine[];
}
