import type { ImportDelimiter } from '@boussole/shared';

/**
 * Which of `,` `;` tab separates the fields, from the first records of the text: for each
 * candidate, the number of fields per record counted outside quotes. The right one gives the
 * same count (more than one field) on every record; French exports use `;` because `,` is the
 * decimal mark, so a comma that only appears inside numbers gives uneven counts and loses.
 */

const candidates: readonly ImportDelimiter[] = ['\t', ';', ','];
const SAMPLE_RECORDS = 50;
const SAMPLE_CHARS = 256 * 1024;

export function detectDelimiter(text: string): ImportDelimiter {
  const records = sampleRecords(text);
  let best: { delimiter: ImportDelimiter; score: number } | null = null;
  for (const delimiter of candidates) {
    const score = consistency(records.map((record) => fieldCount(record, delimiter)));
    if (score > 0 && (best === null || score > best.score)) best = { delimiter, score };
  }
  return best?.delimiter ?? ',';
}

/**
 * How well a candidate splits the sample: the share of records having the header's field count,
 * weighted so that a perfect split wins and, between two perfect ones, more fields win.
 * 0 when it never splits anything.
 */
function consistency(counts: number[]): number {
  const header = counts[0] ?? 1;
  if (header <= 1 && counts.every((n) => n <= 1)) return 0;
  const agreeing = counts.filter((n) => n === header).length / counts.length;
  return agreeing * 1000 + Math.min(header, 999);
}

/** Non-blank records, each split at newlines outside quotes. */
function sampleRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let inQuotes = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && records.length < SAMPLE_RECORDS; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes) {
      pushRecord(records, text.slice(start, i));
      start = i + 1;
    }
  }
  if (records.length < SAMPLE_RECORDS && end === text.length)
    pushRecord(records, text.slice(start));
  return records;
}

function pushRecord(records: string[], record: string): void {
  if (record.trim() !== '') records.push(record);
}

function fieldCount(record: string, delimiter: string): number {
  let count = 1;
  let inQuotes = false;
  for (const c of record) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) count++;
  }
  return count;
}
