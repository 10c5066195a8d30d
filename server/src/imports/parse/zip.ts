import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { MAX_ARCHIVE_BYTES, MAX_ENTRY_BYTES } from './limits.js';
import { ImportFileError } from './types.js';

/**
 * Zip archives (XLSX, ODS) read with their sizes bounded, against zip bombs. Entries are listed
 * from the central directory and refused when one would inflate past MAX_ENTRY_BYTES or all of
 * them past MAX_ARCHIVE_BYTES. fflate inflates into a buffer of the declared size and stops
 * there, so a lying size only truncates the entry (then fails to parse); it never allocates more.
 */

const MAX_ENTRIES = 10_000;

export interface ZipEntry {
  name: string;
  /** Uncompressed size, as the central directory declares it. */
  size: number;
}

export function damagedArchive(): ImportFileError {
  return new ImportFileError(
    'unreadable-file',
    'Le classeur est endommagé : il ne peut pas être lu.',
  );
}

function tooLarge(): ImportFileError {
  const mib = Math.round(MAX_ENTRY_BYTES / (1024 * 1024));
  return new ImportFileError(
    'unreadable-file',
    `Le fichier est trop volumineux une fois décompressé (plus de ${mib} Mio).`,
  );
}

/** Every entry of the archive, sizes checked; nothing is inflated. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let total = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        entries.push({ name: file.name, size: file.originalSize });
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    throw damagedArchive();
  }
  if (entries.length > MAX_ENTRIES) throw damagedArchive();
  if (entries.some((entry) => entry.size > MAX_ENTRY_BYTES) || total > MAX_ARCHIVE_BYTES)
    throw tooLarge();
  return entries;
}

/** The entries whose name `wanted` accepts, inflated (call listZip first: it checks sizes). */
export function extractZip(bytes: Uint8Array, wanted: (name: string) => boolean): Unzipped {
  try {
    return unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch {
    throw damagedArchive();
  }
}

/**
 * An archive rebuilt from bounded entries, stored uncompressed: what a library that trusts the
 * archive (exceljs, through JSZip) may then read without risk.
 */
export function rebuiltZip(entries: Unzipped): Uint8Array {
  return zipSync(entries, { level: 0 });
}
