import { extractZip, listZip } from './zip.js';
import { ImportFileError } from './types.js';

/**
 * What a zip archive holds, from its entries rather than its name: an OpenDocument spreadsheet
 * declares itself in its `mimetype` entry, an Excel workbook has `xl/workbook.xml`.
 */
export type SpreadsheetFormat = 'xlsx' | 'ods';

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** Other office documents people may pick by mistake, to say what they sent. */
const otherDocuments: { test: (names: Set<string>, mimetype: string) => boolean; what: string }[] =
  [
    {
      test: (_, mimetype) => mimetype.startsWith('application/vnd.oasis.opendocument.text'),
      what: 'c’est un document texte OpenDocument (.odt)',
    },
    {
      test: (_, mimetype) => mimetype.startsWith('application/vnd.oasis.opendocument.presentation'),
      what: 'c’est une présentation OpenDocument (.odp)',
    },
    { test: (names) => names.has('word/document.xml'), what: 'c’est un document Word (.docx)' },
    {
      test: (names) => names.has('ppt/presentation.xml'),
      what: 'c’est une présentation PowerPoint (.pptx)',
    },
  ];

export function spreadsheetFormat(bytes: Uint8Array): SpreadsheetFormat {
  const names = new Set(listZip(bytes).map((entry) => entry.name));
  const mimetype = names.has('mimetype')
    ? new TextDecoder().decode(extractZip(bytes, (name) => name === 'mimetype').mimetype).trim()
    : '';
  if (mimetype.startsWith(ODS_MIMETYPE)) return 'ods';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  const known = otherDocuments.find(({ test }) => test(names, mimetype));
  throw new ImportFileError(
    'unsupported-format',
    `Ce fichier compressé n’est ni un classeur Excel (.xlsx) ni un classeur LibreOffice (.ods)${
      known ? ` : ${known.what}` : ''
    }. Importez un fichier CSV, TSV, XLSX ou ODS.`,
  );
}
