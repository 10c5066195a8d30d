/**
 * Bounds on what one import may hold. Spreadsheets compress well (LibreOffice writes a million
 * empty rows in a few bytes), so every size is checked before memory is spent on it.
 */

/** Largest uncompressed size of one entry of an XLSX/ODS archive. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** Largest uncompressed size of a whole XLSX/ODS archive. */
export const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;
/** Most data rows in one table. */
export const MAX_ROWS = 100_000;
/**
 * Most cells in one table, counting the header: 100,000 rows of 10 columns. Memory goes with
 * cells (exceljs spends about a kilobyte on each), and LibreOffice's repeat counts let a few
 * bytes ask for millions.
 */
export const MAX_CELLS = 1_000_000;
/** Most columns in one table. */
export const MAX_COLUMNS = 1_000;
/** Long loops hand the event loop back this often (in rows), so the server keeps answering. */
export const ROWS_PER_YIELD = 1_000;

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
