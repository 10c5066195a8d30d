/**
 * How spreadsheet values become text, the same way for XLSX and ODS: numbers as JavaScript
 * writes them ("12.8", "34"), dates as yyyy-mm-dd (a time alone as hh:mm), booleans as
 * Excel's French VRAI/FAUX, line breaks as `\n`.
 */

export function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

export function booleanText(value: boolean): string {
  return value ? 'VRAI' : 'FAUX';
}

/** A spreadsheet date, held as a UTC instant whose calendar fields are the cell's. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  // Serial numbers below 1 are times of day: their "date" is the epoch, 1899-12-30.
  if (iso.startsWith('1899-12-30') || iso.startsWith('1899-12-31')) return iso.slice(11, 16);
  return iso.slice(0, 10);
}

export function normalizedLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
