import { zipSync, type Zippable } from 'fflate';

/** One file of an office package, in the order it must appear in the archive. */
export interface ZipPart {
  path: string;
  content: string | Uint8Array;
  /** Stored without compression: ODF requires it for its leading `mimetype` entry. */
  stored?: boolean;
}

const encoder = new TextEncoder();

/** ZIP timestamps are MS-DOS dates, which only cover 1980–2107; fflate throws outside. */
function dosSafeDate(date: Date): Date {
  const year = date.getFullYear();
  return year >= 1980 && year <= 2099 ? date : new Date(1980, 0, 1);
}

/**
 * Zips the parts in the given order (fflate keeps the insertion order of the object's keys, and
 * none of our paths looks like an array index, which JavaScript would move first). Text is
 * written as UTF-8, the encoding every part declares.
 */
export function zipParts(parts: ZipPart[], date: Date): Uint8Array {
  const files: Zippable = {};
  for (const part of parts) {
    const bytes = typeof part.content === 'string' ? encoder.encode(part.content) : part.content;
    files[part.path] = part.stored ? [bytes, { level: 0 }] : bytes;
  }
  return zipSync(files, { level: 6, mtime: dosSafeDate(date) });
}
