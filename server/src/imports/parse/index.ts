import type { ImportDelimiter, ImportFormat } from '@boussole/shared';
import { spreadsheetFormat } from './container.js';
import { detectDelimiter } from './delimiter.js';
import { readDelimited } from './delimited.js';
import { decodeText, detectEncoding } from './encoding.js';
import { readOds } from './ods.js';
import { sniffContainer } from './sniff.js';
import { buildTable } from './table.js';
import { ImportFileError, type ParsedTable, type ReadOptions } from './types.js';
import { readXlsx } from './xlsx.js';

/**
 * Reading an uploaded survey or indicator file into rows of text (issue #13). The format comes
 * from the bytes, never the file name: a zip archive is an XLSX or ODS workbook, anything else
 * must be CSV/TSV text (see sniff.ts for what is refused and how it is told).
 */

export { ImportFileError };
export type { ImportFileErrorCode, ParsedTable, ReadOptions } from './types.js';

export async function readTable(
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<ParsedTable> {
  try {
    return sniffContainer(bytes) === 'zip'
      ? await readSpreadsheet(bytes)
      : await readText(bytes, options);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    // A library's own message may quote the file's content: it is never passed on.
    throw new ImportFileError('unreadable-file', 'Le fichier ne peut pas être lu.');
  }
}

async function readSpreadsheet(bytes: Uint8Array): Promise<ParsedTable> {
  const format: ImportFormat = spreadsheetFormat(bytes);
  const records = format === 'xlsx' ? await readXlsx(bytes) : await readOds(bytes);
  const table = await buildTable(records, 'widest');
  return { format, encoding: null, delimiter: null, ...table };
}

async function readText(bytes: Uint8Array, options: ReadOptions): Promise<ParsedTable> {
  const encoding = options.encoding ?? detectEncoding(bytes);
  const text = decodeText(bytes, encoding);
  if (text.trim() === '') throw new ImportFileError('empty-file', 'Le fichier est vide.');
  refuseMarkup(text);
  const { declared, body } = separatorLine(text);
  const delimiter = options.delimiter ?? declared ?? detectDelimiter(body);
  const table = await buildTable(await readDelimited(body, delimiter), 'header');
  return { format: delimiter === '\t' ? 'tsv' : 'csv', encoding, delimiter, ...table };
}

const separators: Record<string, ImportDelimiter> = { ',': ',', ';': ';', '\t': '\t' };

/**
 * Excel honours a first line `sep=;` naming the separator, and some tools write one. It is
 * taken as the delimiter and blanked (not removed: line numbers stay those of the file).
 */
function separatorLine(text: string): { declared: ImportDelimiter | null; body: string } {
  const match = /^sep=(.)[ \t]*(?=\r?\n|$)/i.exec(text);
  const declared = match ? separators[match[1]!] : undefined;
  if (!match || !declared) return { declared: null, body: text };
  return { declared, body: text.slice(match[0].length) };
}

/** A web page or an XML file (a flat ODS, say) would otherwise be read as one odd column. */
function refuseMarkup(text: string): void {
  if (/^\s*<(\?xml|!doctype|html)/i.test(text))
    throw new ImportFileError(
      'unsupported-format',
      'Ce fichier est une page web ou un fichier XML, pas un tableau. Importez un fichier CSV, TSV, XLSX ou ODS.',
    );
}
