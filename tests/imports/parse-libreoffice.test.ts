import { beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../server/src/imports/parse/index.js';
import {
  convertWithLibreOffice,
  delimitedText,
  libreOfficeCalcAvailable,
  surveyTable,
  utf8Bytes,
} from '../helpers/importFiles.js';

/**
 * Workbooks as LibreOffice writes them (issue #13): the survey CSV opened in Calc and saved as
 * XLSX and ODS reads back as the same table. Calc turns the ISO dates into date cells and the
 * ages into numbers, pads its sheets with repeated empty runs, writes multi-line cells as
 * several paragraphs: what real files look like.
 */

const hasCalc = libreOfficeCalcAvailable();

describe.skipIf(!hasCalc)('files converted by LibreOffice', () => {
  let converted: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    const csv = utf8Bytes(delimitedText(surveyTable, { delimiter: ';', newline: '\r\n' }));
    // CSV import options: `;` (59) separates, `"` (34) quotes, UTF-8 (76), from line 1.
    converted = await convertWithLibreOffice('enquete.csv', csv, ['xlsx', 'ods'], {
      infilter: 'CSV:59,34,76,1',
    });
  }, 180_000);

  it.each(['xlsx', 'ods'] as const)('%s gives back the survey table', async (format) => {
    const table = await readTable(converted[format]!);
    expect(table).toMatchObject({ format, encoding: null, delimiter: null });
    expect(table.header).toEqual(surveyTable.header);
    expect(table.rows.map((row) => row.cells)).toEqual(surveyTable.rows);
    expect(table.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
    expect(table.unreadable).toEqual([]);
  });
});
