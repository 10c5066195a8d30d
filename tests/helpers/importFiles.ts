import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { commandAvailable } from './commands.js';

/**
 * Survey files as people export them (issue #13), written from tables in code: CSV/TSV in each
 * encoding and dialect, XLSX from exceljs, hand-made ODS, and XLSX/ODS converted by LibreOffice.
 */

export interface SurveyTable {
  header: string[];
  rows: string[][];
}

/**
 * One table holding what breaks naive readers: accents (é è à ç), typographic characters
 * (’ « » œ €), a multi-line field, a field with `;` `,` and `"` inside, an empty verbatim.
 * Dates are ISO and ages whole numbers, so spreadsheets that turn them into dates and numbers
 * give back the same text.
 */
export const surveyTable: SurveyTable = {
  header: ['Verbatim', 'Commune', 'Public', 'Date de l’entretien', 'Âge'],
  rows: [
    [
      '« On n’a plus de bus le dimanche », dit-elle ; le cœur n’y est plus.',
      'Saint-Étienne-de-Valoux',
      'Personnes âgées',
      '2024-03-05',
      '78',
    ],
    [
      'Le loyer est passé à 650 € : après ça, il reste très peu pour l’épicerie.',
      'Arvière',
      'Familles monoparentales',
      '2024-03-12',
      '34',
    ],
    [
      'Première ligne de la réponse.\nDeuxième ligne : à la fin du mois, ça coince.',
      'Bréçà',
      'Jeunes',
      '2024-04-02',
      '19',
    ],
    [
      'Il a dit "non", puis ; plus rien, même à l’accueil.',
      'Arvière',
      'Adultes',
      '2024-04-09',
      '45',
    ],
    ['', 'Cœuvres-et-Valsery', 'Adultes', '2024-05-21', '52'],
  ],
};

/** The same table with what ISO-8859-15 cannot encode (’) written as ASCII ('). */
export function latin9Table(table: SurveyTable): SurveyTable {
  const plain = (text: string) => text.replaceAll('’', "'");
  return { header: table.header.map(plain), rows: table.rows.map((row) => row.map(plain)) };
}

/** RFC 4180 text: fields quoted when they hold the delimiter, a quote or a line break. */
export function delimitedText(
  table: SurveyTable,
  { delimiter = ',', newline = '\n' }: { delimiter?: string; newline?: string } = {},
): string {
  const field = (value: string) =>
    value.includes(delimiter) || /["\r\n]/.test(value)
      ? `"${value.replaceAll('"', '""').replaceAll('\n', newline)}"`
      : value;
  const line = (cells: string[]) => cells.map(field).join(delimiter);
  return [table.header, ...table.rows].map(line).join(newline) + newline;
}

export function utf8Bytes(text: string, { bom = false } = {}): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

/** Windows-1252's printable characters at 0x80–0x9F; 0xA0–0xFF are Latin-1's. */
const windows1252High: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
  '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93,
  '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b,
  'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
}; // prettier-ignore

/** The eight places where ISO-8859-15 differs from Latin-1. */
const iso885915Changes: Record<string, number> = {
  '€': 0xa4, 'Š': 0xa6, 'š': 0xa8, 'Ž': 0xb4, 'ž': 0xb8, 'Œ': 0xbc, 'œ': 0xbd, 'Ÿ': 0xbe,
}; // prettier-ignore
const latin1Replaced = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);

function encodeSingleByte(
  text: string,
  special: Record<string, number>,
  latin1Available: (code: number) => boolean,
  name: string,
): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const byte =
      special[char] ?? (code < 0x80 || (code <= 0xff && latin1Available(code)) ? code : -1);
    if (byte < 0) throw new Error(`${name} cannot encode U+${code.toString(16).toUpperCase()}`);
    bytes.push(byte);
  }
  return Uint8Array.from(bytes);
}

export function windows1252Bytes(text: string): Uint8Array {
  return encodeSingleByte(text, windows1252High, (code) => code >= 0xa0, 'Windows-1252');
}

export function iso885915Bytes(text: string): Uint8Array {
  return encodeSingleByte(
    text,
    iso885915Changes,
    (code) => code >= 0xa0 && !latin1Replaced.has(code),
    'ISO-8859-15',
  );
}

/** An XLSX written by exceljs; `build` fills the workbook. */
export async function xlsxBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The survey table as a person would type it in Excel: the date a real date cell, the age a
 * number, the empty verbatim an empty cell.
 */
export function surveyXlsx(table: SurveyTable = surveyTable): Promise<Uint8Array> {
  return xlsxBytes((workbook) => {
    const sheet = workbook.addWorksheet('Enquête');
    sheet.addRow(table.header);
    for (const [verbatim, commune, audience, date, age] of table.rows) {
      const row = sheet.addRow([
        verbatim || null,
        commune,
        audience,
        new Date(`${date}T00:00:00Z`),
        Number(age),
      ]);
      row.getCell(4).numFmt = 'dd/mm/yyyy';
    }
  });
}

/** A zip archive; an entry named `mimetype` is stored uncompressed, as ODF requires. */
export function zipBytes(entries: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, content] of Object.entries(entries)) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    files[name] = [bytes, { level: name === 'mimetype' ? 0 : 6 }];
  }
  return zipSync(files);
}

/**
 * The archive with `name`'s uncompressed size rewritten in its local header and central
 * directory: a zip bomb's declaration, or a lie about one, without compressing anything.
 */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  // A local header is 30 bytes before its name, a central directory entry 46.
  bytes.writeUInt32LE(size, bytes.indexOf(name) - 30 + 22);
  bytes.writeUInt32LE(size, bytes.lastIndexOf(name) - 46 + 24);
  return new Uint8Array(bytes);
}

const odsNamespaces = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

/** An ODS whose spreadsheet body is `tablesXml` (one or more `<table:table>` elements). */
export function odsBytes(tablesXml: string): Uint8Array {
  return zipBytes({
    mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
    'META-INF/manifest.xml':
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odsNamespaces} office:version="1.3"><office:body><office:spreadsheet>${tablesXml}</office:spreadsheet></office:body></office:document-content>`,
  });
}

/** XML-escaped text for hand-written content.xml. */
export function xmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A `<table:table>` of string cells, one `<text:p>` per line of each cell. */
export function odsStringTable(name: string, rows: string[][]): string {
  const cell = (value: string) =>
    value === ''
      ? '<table:table-cell/>'
      : `<table:table-cell office:value-type="string">${value
          .split('\n')
          .map((line) => `<text:p>${xmlText(line)}</text:p>`)
          .join('')}</table:table-cell>`;
  const row = (cells: string[]) => `<table:table-row>${cells.map(cell).join('')}</table:table-row>`;
  return `<table:table table:name="${name}">${rows.map(row).join('')}</table:table>`;
}

const run = promisify(execFile);

/**
 * Whether LibreOffice can open spreadsheets: `soffice` may be there with Writer alone (what
 * the report's tests need), which cannot read a CSV. Absent, the tests skip loudly; in CI
 * (CI set) they fail, as with commandAvailable.
 */
export function libreOfficeCalcAvailable(): boolean {
  if (!commandAvailable('soffice', 'LibreOffice')) return false;
  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  const program = path.dirname(fs.realpathSync(soffice));
  if (fs.readdirSync(program).some((name) => /^(lib)?sclo\.(so|dylib|dll)$/.test(name)))
    return true;
  const message = `LibreOffice Calc is not installed (no sclo library beside ${soffice})`;
  if (process.env.CI)
    throw new Error(`${message}: required in CI (Debian: libreoffice-calc-nogui).`);
  process.stderr.write(`\n\n!!! SKIPPING LibreOffice Calc CHECKS: ${message}. !!!\n\n`);
  return false;
}

/**
 * Converts a file with LibreOffice headless into each format, one `soffice` call per format
 * (it takes one target format per call), sharing a private profile so that parallel runs
 * never collide. `infilter` is the import filter, e.g. `CSV:59,34,76,1` (`;`, `"`, UTF-8,
 * from line 1). Check `libreOfficeCalcAvailable()` first.
 */
export async function convertWithLibreOffice(
  fileName: string,
  bytes: Uint8Array,
  formats: string[],
  { infilter }: { infilter?: string } = {},
): Promise<Record<string, Uint8Array>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boussole-import-lo-'));
  try {
    const input = path.join(dir, fileName);
    fs.writeFileSync(input, bytes);
    const out: Record<string, Uint8Array> = {};
    for (const format of formats) {
      const outdir = path.join(dir, format);
      await run(
        'soffice',
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          ...(infilter ? [`--infilter=${infilter}`] : []),
          '--convert-to',
          format,
          '--outdir',
          outdir,
          input,
        ],
        { timeout: 170_000 },
      );
      const converted = `${path.basename(fileName, path.extname(fileName))}.${format}`;
      out[format] = new Uint8Array(fs.readFileSync(path.join(outdir, converted)));
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
