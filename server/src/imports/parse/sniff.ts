import { ImportFileError } from './types.js';

/**
 * What a file is, judged by its bytes and never by its name: a zip archive (XLSX, ODS or
 * something else), or text. Anything else is refused here with a message saying what it is.
 */
export type Container = 'zip' | 'text';

const NOT_A_TABLE = 'Ce fichier n’est pas un tableau';
const WHAT_WE_READ = 'Importez un fichier CSV, TSV, XLSX ou ODS.';

/** Well-known binary formats, so the message can say what the person actually sent. */
const signatures: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'c’est un document PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'c’est une image PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'c’est une image JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'c’est une image GIF' },
  { bytes: [0x1f, 0x8b], what: 'c’est une archive compressée (gzip)' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'c’est une archive compressée (7z)' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'c’est une archive compressée (RAR)' },
];

/** Legacy Excel (.xls) and other OLE2 compound files. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An empty zip has only its end-of-central-directory record. */
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

/** How much of the file the text checks look at. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of control characters above which "text" is really binary. */
const MAX_CONTROL_SHARE = 0.1;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function isWhitespaceByte(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c || b === 0x0b;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function onlyWhitespace(bytes: Uint8Array): boolean {
  const from = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  for (let i = from; i < bytes.length; i++) if (!isWhitespaceByte(bytes[i]!)) return false;
  return true;
}

export function sniffContainer(bytes: Uint8Array): Container {
  if (onlyWhitespace(bytes)) throw new ImportFileError('empty-file', 'Le fichier est vide.');
  if (startsWith(bytes, ZIP)) return 'zip';
  if (startsWith(bytes, EMPTY_ZIP))
    throw new ImportFileError('unsupported-format', `L’archive est vide. ${WHAT_WE_READ}`);
  if (startsWith(bytes, OLE2))
    throw new ImportFileError(
      'unsupported-format',
      'C’est un classeur Excel à l’ancien format (.xls) : enregistrez-le au format .xlsx ou .csv, puis importez-le.',
    );
  // Excel's « Texte Unicode » export: UTF-16, which the encodings a person may choose do not cover.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    throw new ImportFileError(
      'unsupported-format',
      'Ce fichier est en UTF-16 (« Texte Unicode » d’Excel) : enregistrez-le au format « CSV UTF-8 », puis importez-le.',
    );
  for (const { bytes: prefix, what } of signatures)
    if (startsWith(bytes, prefix))
      throw new ImportFileError('binary-file', `${NOT_A_TABLE} : ${what}. ${WHAT_WE_READ}`);
  if (looksBinary(bytes.subarray(0, SAMPLE_BYTES)))
    throw new ImportFileError(
      'binary-file',
      `${NOT_A_TABLE} : il contient des données binaires. ${WHAT_WE_READ}`,
    );
  return 'text';
}

/** A NUL byte never appears in the text encodings we read; other controls only rarely. */
function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < 0x20 && !isWhitespaceByte(b)) || b === 0x7f) controls++;
  }
  return controls > sample.length * MAX_CONTROL_SHARE;
}
