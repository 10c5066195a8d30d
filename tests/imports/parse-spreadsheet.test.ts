import { describe, expect, it } from 'vitest';
import {
  ImportFileError,
  readTable,
  type ParsedTable,
} from '../../server/src/imports/parse/index.js';
import {
  odsBytes,
  odsStringTable,
  surveyTable,
  surveyXlsx,
  withDeclaredSize,
  xlsxBytes,
  zipBytes,
} from '../helpers/importFiles.js';

/**
 * Workbooks (issue #13): XLSX through exceljs, ODS from its content.xml. Each value type
 * becomes the text a person sees, LibreOffice's huge repeated runs cost nothing, and archives
 * that would inflate too far are refused before they are inflated.
 */

function cells(table: ParsedTable): string[][] {
  return table.rows.map((row) => row.cells);
}

async function fileError(bytes: Uint8Array): Promise<ImportFileError> {
  const error: unknown = await readTable(bytes).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

describe('XLSX', () => {
  it('the survey typed in Excel gives the same table, lines being sheet rows', async () => {
    const table = await readTable(await surveyXlsx());
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null });
    expect(table.header).toEqual(surveyTable.header);
    expect(cells(table)).toEqual(surveyTable.rows);
    expect(table.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
    expect(table.unreadable).toEqual([]);
  });

  it('turns every kind of cell into the text a person sees', async () => {
    const bytes = await xlsxBytes((workbook) => {
      workbook.addWorksheet('Vide');
      const sheet = workbook.addWorksheet('Réponses');
      sheet.getRow(2).values = ['Texte', 'Nombre', 'Date', 'Booléen', 'Formule', 'Lien', 'Erreur'];
      sheet.getRow(4).values = [
        { richText: [{ text: 'Très ', font: { bold: true } }, { text: 'bien' }] },
        12.8,
        new Date('2024-03-05T00:00:00Z'),
        true,
        { formula: 'B4*2', result: 25.6 },
        { text: 'le site', hyperlink: 'https://example.org' },
        { error: '#N/A' },
      ];
      sheet.getRow(5).values = ['ligne 1\r\nligne 2', 3, null, false, { formula: 'B5', result: 3 }];
      sheet.getCell('C4').numFmt = 'dd/mm/yyyy';
    });
    const table = await readTable(bytes);
    expect(table.header).toEqual([
      'Texte',
      'Nombre',
      'Date',
      'Booléen',
      'Formule',
      'Lien',
      'Erreur',
    ]);
    expect(table.rows).toEqual([
      { line: 4, cells: ['Très bien', '12.8', '2024-03-05', 'VRAI', '25.6', 'le site', ''] },
      { line: 5, cells: ['ligne 1\nligne 2', '3', '', 'FAUX', '3', '', ''] },
    ]);
  });

  it('widens to the furthest filled cell and names its columns; merged cells are empty but one', async () => {
    const bytes = await xlsxBytes((workbook) => {
      const sheet = workbook.addWorksheet('Feuille');
      sheet.addRow(['Verbatim', '', 'Commune']);
      sheet.addRow(['a', 'b', 'c', '', 'note en marge']);
      sheet.addRow(['fusion', '', 'Arles']);
      sheet.mergeCells('A3:B3');
    });
    const table = await readTable(bytes);
    expect(table.header).toEqual(['Verbatim', 'Colonne 2', 'Commune', 'Colonne 4', 'Colonne 5']);
    expect(cells(table)).toEqual([
      ['a', 'b', 'c', '', 'note en marge'],
      ['fusion', '', 'Arles', '', ''],
    ]);
  });

  it('an empty workbook, or one with only a header, has no rows', async () => {
    const empty = await xlsxBytes((workbook) => workbook.addWorksheet('Feuille 1'));
    expect(await fileError(empty)).toMatchObject({
      code: 'no-rows',
      message: 'Le tableau ne contient aucune ligne de données.',
    });
    const headerOnly = await xlsxBytes((workbook) => {
      workbook.addWorksheet('Feuille 1').addRow(['Verbatim', 'Commune']);
    });
    expect((await fileError(headerOnly)).code).toBe('no-rows');
  });
});

describe('ODS', () => {
  it('reads paragraphs, spaces, line breaks, spans and entities; leaves comments out', async () => {
    const table = await readTable(
      odsBytes(
        `<table:table table:name="Enquête">
          <table:table-row>
            <table:table-cell office:value-type="string"><text:p>Verbatim</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>Commune</text:p></table:table-cell>
          </table:table-row>
          <table:table-row>
            <table:table-cell office:value-type="string">
              <office:annotation><dc:creator>Mme Relue</dc:creator><text:p>à vérifier</text:p></office:annotation>
              <text:p>« Trop <text:s text:c="2"/>loin », <text:span>dit-elle</text:span>.<text:line-break/>Suite</text:p><text:p>Autre paragraphe</text:p>
            </table:table-cell>
            <table:table-cell office:value-type="string"><text:p>Arles &amp; N&#238;mes<!-- relu --><text:tab/>c&#x153;ur</text:p></table:table-cell>
          </table:table-row>
        </table:table>`,
      ),
    );
    expect(table).toMatchObject({ format: 'ods', encoding: null, delimiter: null });
    expect(table.header).toEqual(['Verbatim', 'Commune']);
    expect(table.rows).toEqual([
      {
        line: 2,
        cells: ['« Trop   loin », dit-elle.\nSuite\nAutre paragraphe', 'Arles & Nîmes\tcœur'],
      },
    ]);
  });

  it('turns typed values into text from their value, not their display', async () => {
    const table = await readTable(
      odsBytes(
        odsStringTable('Vide', []) +
          `<table:table table:name="Valeurs">
            ${'<table:table-row>' + ['Nombre', 'Pourcentage', 'Date', 'Booléen', 'Heure'].map((h) => `<table:table-cell office:value-type="string"><text:p>${h}</text:p></table:table-cell>`).join('') + '</table:table-row>'}
            <table:table-row>
              <table:table-cell office:value-type="float" office:value="12.8"><text:p>12,80</text:p></table:table-cell>
              <table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25 %</text:p></table:table-cell>
              <table:table-cell office:value-type="date" office:date-value="2024-03-05T14:30:00"><text:p>05/03/24</text:p></table:table-cell>
              <table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FAUX</text:p></table:table-cell>
              <table:table-cell office:value-type="time" office:time-value="PT10H30M00S"><text:p>10:30</text:p></table:table-cell>
            </table:table-row>
          </table:table>`,
      ),
    );
    expect(table.header).toEqual(['Nombre', 'Pourcentage', 'Date', 'Booléen', 'Heure']);
    expect(cells(table)).toEqual([['12.8', '0.25', '2024-03-05', 'FAUX', '10:30']]);
  });

  it('expands repeated cells and rows, and skips LibreOffice’s huge empty runs without allocating them', async () => {
    const emptyRun = '<table:table-cell table:number-columns-repeated="16384"/>';
    const table = await readTable(
      odsBytes(
        `<table:table table:name="Feuille1">
          <table:table-column table:number-columns-repeated="16384"/>
          <table:table-header-rows>
            <table:table-row>
              <table:table-cell table:number-columns-repeated="2"/>
              <table:table-cell table:number-columns-repeated="3" office:value-type="string"><text:p>Réponse</text:p></table:table-cell>
              ${emptyRun}
            </table:table-row>
          </table:table-header-rows>
          <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
          <table:table-row table:number-rows-repeated="2">
            <table:table-cell table:number-columns-repeated="3" office:value-type="string"><text:p>oui</text:p></table:table-cell>
            <table:covered-table-cell office:value-type="string"><text:p>caché</text:p></table:covered-table-cell>
            <table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>
            ${emptyRun}
          </table:table-row>
          <table:table-row-group>
            <table:table-row><table:table-cell office:value-type="string"><text:p>groupe</text:p></table:table-cell></table:table-row>
          </table:table-row-group>
          <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
        </table:table>`,
      ),
    );
    expect(table.header).toEqual([
      'Colonne 1',
      'Colonne 2',
      'Réponse',
      'Réponse (2)',
      'Réponse (3)',
    ]);
    expect(table.rows).toEqual([
      { line: 5, cells: ['oui', 'oui', 'oui', '', '1'] },
      { line: 6, cells: ['oui', 'oui', 'oui', '', '1'] },
      { line: 7, cells: ['groupe', '', '', '', ''] },
    ]);
  });

  it('takes the first sheet that has data', async () => {
    const bytes = odsBytes(
      odsStringTable('Consignes', [['', ''], []]) +
        odsStringTable('Réponses', [['Verbatim'], ['première'], ['deuxième']]) +
        odsStringTable('Autre', [['Autre'], ['x']]),
    );
    expect(cells(await readTable(bytes))).toEqual([['première'], ['deuxième']]);
  });

  it('an empty spreadsheet or a header alone has no rows', async () => {
    expect((await fileError(odsBytes(odsStringTable('Feuille1', [])))).code).toBe('no-rows');
    const headerOnly = odsBytes(odsStringTable('Feuille1', [['Verbatim', 'Commune']]));
    expect((await fileError(headerOnly)).code).toBe('no-rows');
  });

  it('refuses a filled cell repeated past the column limit', async () => {
    const bytes = odsBytes(
      `<table:table table:name="F"><table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>`,
    );
    expect(await fileError(bytes)).toMatchObject({
      code: 'unreadable-file',
      message: expect.stringMatching(/^Le tableau a plus de 1\s000 colonnes/),
    });
  });
});

describe('cell bombs', () => {
  it('refuses an ODS whose repeats ask for millions of filled cells, before making them', async () => {
    const bytes = odsBytes(
      `<table:table table:name="F">
        <table:table-row><table:table-cell office:value-type="string"><text:p>Réponse</text:p></table:table-cell></table:table-row>
        <table:table-row table:number-rows-repeated="100000"><table:table-cell table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>
      </table:table>`,
    );
    expect(bytes.length).toBeLessThan(2_000);
    expect(await fileError(bytes)).toMatchObject({
      code: 'unreadable-file',
      message: expect.stringMatching(/^Le tableau a plus de 1\s000\s000 cellules/),
    });
  });

  it('refuses an XLSX declaring more than a million cells before exceljs reads it', async () => {
    const sheet = `<worksheet><sheetData><row r="1">${'<c r="A1"/>'.repeat(1_000_001)}</row></sheetData></worksheet>`;
    const bytes = zipBytes({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': sheet });
    expect((await fileError(bytes)).message).toMatch(/plus de 1\s000\s000 cellules/);
  });
});

describe('zip bombs', () => {
  const MiB = 1024 * 1024;

  it('refuses an archive whose entry would inflate past 64 MiB, before inflating anything', async () => {
    const ods = zipBytes({ mimetype: ODS_MIMETYPE, 'content.xml': '<x/>' });
    const bomb = withDeclaredSize(ods, 'content.xml', 64 * MiB + 1);
    expect(await fileError(bomb)).toMatchObject({
      code: 'unreadable-file',
      message: 'Le fichier est trop volumineux une fois décompressé (plus de 64 Mio).',
    });
  });

  it('refuses an XLSX whose parts together would inflate too far', async () => {
    let bomb = zipBytes({
      'xl/workbook.xml': '<workbook/>',
      ...Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((n) => [`xl/${n}.bin`, n])),
    });
    for (const n of ['a', 'b', 'c', 'd', 'e'])
      bomb = withDeclaredSize(bomb, `xl/${n}.bin`, 60 * MiB);
    expect(await fileError(bomb)).toMatchObject({
      code: 'unreadable-file',
      message: expect.stringContaining('trop volumineux une fois décompressé'),
    });
  });

  it('an entry that lies about its size is read no further than it declares', async () => {
    // What the entry declares: a sheet with no rows. What it holds beyond: a sheet with data.
    const declared = `<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t"><office:body><office:spreadsheet><table:table table:name="A"/></office:spreadsheet></office:body></office:document-content>`;
    const hidden = odsStringTable('B', [['Verbatim'], ['caché']]);
    const content = `${declared}${' '.repeat(MiB)}<office:document-content><office:body><office:spreadsheet>${hidden}</office:spreadsheet></office:body></office:document-content>`;
    const honest = zipBytes({ mimetype: ODS_MIMETYPE, 'content.xml': content });
    expect(cells(await readTable(honest))).toEqual([['caché']]);
    const lying = withDeclaredSize(honest, 'content.xml', Buffer.byteLength(declared));
    expect((await fileError(lying)).code).toBe('no-rows');
  });
});
