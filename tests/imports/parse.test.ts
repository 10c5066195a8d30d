import { describe, expect, it } from 'vitest';
import {
  ImportFileError,
  readTable,
  type ParsedTable,
} from '../../server/src/imports/parse/index.js';
import {
  delimitedText,
  iso885915Bytes,
  latin9Table,
  surveyTable,
  utf8Bytes,
  windows1252Bytes,
  zipBytes,
  type SurveyTable,
} from '../helpers/importFiles.js';

/**
 * Survey exports as text (issue #13): every dialect French tools write gives back the same
 * table, detection says what it found, and bad files or lines are refused with a French
 * message that quotes none of their content.
 */

function cells(table: ParsedTable): string[][] {
  return table.rows.map((row) => row.cells);
}

function expectSurvey(table: ParsedTable, expected: SurveyTable): void {
  expect(table.header).toEqual(expected.header);
  expect(cells(table)).toEqual(expected.rows);
  expect(table.unreadable).toEqual([]);
}

/** Physical lines of the survey's rows in a text file: the third row spans lines 4 and 5. */
const surveyLines = [2, 3, 4, 6, 7];

async function fileError(bytes: Uint8Array): Promise<ImportFileError> {
  const error: unknown = await readTable(bytes).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe('text dialects', () => {
  it('Windows-1252, semicolons and CRLF (French Excel’s CSV)', async () => {
    const bytes = windows1252Bytes(delimitedText(surveyTable, { delimiter: ';', newline: '\r\n' }));
    const table = await readTable(bytes);
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expectSurvey(table, surveyTable);
    expect(table.rows.map((row) => row.line)).toEqual(surveyLines);
  });

  it('ISO-8859-15, semicolons', async () => {
    const latin9 = latin9Table(surveyTable);
    const table = await readTable(iso885915Bytes(delimitedText(latin9, { delimiter: ';' })));
    expect(table).toMatchObject({ format: 'csv', encoding: 'iso-8859-15', delimiter: ';' });
    expectSurvey(table, latin9);
  });

  it('UTF-8 with a byte order mark and tabs (TSV)', async () => {
    const text = delimitedText(surveyTable, { delimiter: '\t', newline: '\r\n' });
    const table = await readTable(utf8Bytes(text, { bom: true }));
    expect(table).toMatchObject({ format: 'tsv', encoding: 'utf-8', delimiter: '\t' });
    expectSurvey(table, surveyTable);
    expect(table.header[0]).toBe('Verbatim');
    expect(table.rows.map((row) => row.line)).toEqual(surveyLines);
  });

  it('plain UTF-8 with commas', async () => {
    const table = await readTable(utf8Bytes(delimitedText(surveyTable, { delimiter: ',' })));
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',' });
    expectSurvey(table, surveyTable);
  });

  it('a 10,000-row export of long verbatims is read whole', async () => {
    const verbatim = (i: number) =>
      `Réponse n° ${i} : « il faudrait un bus le samedi », l’accueil est loin ; ${'très '.repeat(40)}compliqué.`;
    const big: SurveyTable = {
      header: ['Id', 'Verbatim', 'Commune', 'Public', 'Date', 'Âge', 'Source', 'Thème', 'Suite'],
      rows: Array.from({ length: 10_000 }, (_, i) => [
        String(i + 1),
        verbatim(i + 1),
        'Arvière',
        'Familles',
        '2024-03-05',
        '42',
        'questionnaire',
        'mobilité',
        i % 7 === 0 ? 'Deuxième ligne\net troisième' : '',
      ]),
    };
    const bytes = windows1252Bytes(delimitedText(big, { delimiter: ';', newline: '\r\n' }));
    expect(bytes.length).toBeGreaterThan(2_500_000);
    const table = await readTable(bytes);
    expect(table.rows).toHaveLength(10_000);
    expect(table.rows[9_999]!.cells).toEqual(big.rows[9_999]);
    expect(table.rows[7]!.cells[8]).toBe('Deuxième ligne\net troisième');
    expect(table.unreadable).toEqual([]);
  });
});

describe('limits', () => {
  it('refuses more than 100,000 rows', async () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `${i};x`).join('\n');
    const error = await fileError(utf8Bytes(`Id;Valeur\n${rows}\n`));
    expect(error.code).toBe('unreadable-file');
    expect(error.message).toMatch(/^Le tableau a plus de 100\s000 lignes/);
    const justRight = Array.from({ length: 100_000 }, (_, i) => `${i};x`).join('\n');
    expect((await readTable(utf8Bytes(`Id;Valeur\n${justRight}\n`))).rows).toHaveLength(100_000);
  });

  it('refuses more than a million cells', async () => {
    const line = Array.from({ length: 500 }, () => 'x').join(';');
    const text = Array.from({ length: 2_001 }, () => line).join('\n');
    expect((await fileError(utf8Bytes(text))).message).toMatch(/plus de 1\s000\s000 cellules/);
  });

  it('a file of quotes never closed is read a bounded number of times', async () => {
    // Found by fuzzing: on every reading, the first line left opens a quote nothing closes.
    const lines = Array.from({ length: 40 }, () => `a${'"'.repeat(7)};;"`);
    const bytes = utf8Bytes(`Id;Verbatim;Commune\n${lines.join('\n')}\n`);
    const table = await readTable(bytes, { delimiter: ';' });
    const unclosed = table.unreadable.filter(({ reason }) => reason.includes('guillemet'));
    expect(unclosed).toHaveLength(20);
    expect(unclosed.at(-1)!.reason).toMatch(
      /^ligne \d+ : un guillemet ouvert n’est jamais refermé ; la suite du fichier n’est pas lue$/,
    );
  });
});

describe('detection and overrides', () => {
  it('tells ISO-8859-15 from Windows-1252 by the bytes where they differ', async () => {
    // 0xA4 is € in ISO-8859-15 and ¤ in Windows-1252; 0x80 is € in Windows-1252 only.
    const latin9 = await readTable(
      Uint8Array.from([...Buffer.from('Prix;Ville\n12 '), 0xa4, ...Buffer.from(';Arles\n')]),
    );
    expect(latin9.encoding).toBe('iso-8859-15');
    expect(latin9.rows[0]!.cells).toEqual(['12 €', 'Arles']);

    const windows = await readTable(
      Uint8Array.from([...Buffer.from('Prix;Ville\n12 '), 0x80, ...Buffer.from(';Arles\n')]),
    );
    expect(windows.encoding).toBe('windows-1252');
    expect(windows.rows[0]!.cells).toEqual(['12 €', 'Arles']);

    // Nothing tells them apart: what French Excel writes.
    const either = await readTable(windows1252Bytes('Ville;Public\nBréçà;Élèves\n'));
    expect(either.encoding).toBe('windows-1252');
    expect(either.rows[0]!.cells).toEqual(['Bréçà', 'Élèves']);
  });

  it('a forced encoding is used as is: UTF-8 on a Windows-1252 file gives replacement characters', async () => {
    const bytes = windows1252Bytes(delimitedText(surveyTable, { delimiter: ';' }));
    const table = await readTable(bytes, { encoding: 'utf-8' });
    expect(table.encoding).toBe('utf-8');
    expect(table.header[4]).toBe('\uFFFDge');
    expect(table.rows[0]!.cells[1]).toBe('Saint-\uFFFDtienne-de-Valoux');

    const forced = await readTable(utf8Bytes('Ville;Public\nBréçà;Élèves\n'), {
      encoding: 'windows-1252',
    });
    expect(forced.encoding).toBe('windows-1252');
    expect(forced.rows[0]!.cells[0]).toBe('BrÃ©Ã§Ã\u00a0');
  });

  it('semicolons win over commas used as decimal marks', async () => {
    const table = await readTable(utf8Bytes('Commune;Taux\nArles;12,5\nNîmes;7,25\nUzès;10\n'));
    expect(table.delimiter).toBe(';');
    expect(cells(table)).toEqual([
      ['Arles', '12,5'],
      ['Nîmes', '7,25'],
      ['Uzès', '10'],
    ]);
  });

  it('follows Excel’s `sep=` first line, keeping the file’s line numbers', async () => {
    const table = await readTable(windows1252Bytes('sep=,\r\nCommune,Taux\r\nArles;Nord,12\r\n'));
    expect(table).toMatchObject({ delimiter: ',', header: ['Commune', 'Taux'] });
    expect(table.rows).toEqual([{ line: 3, cells: ['Arles;Nord', '12'] }]);
  });

  it('a forced delimiter is used as is', async () => {
    const bytes = utf8Bytes('Commune;Taux\nArles;12,5\nNîmes;7,25\n');
    const table = await readTable(bytes, { delimiter: ',' });
    expect(table).toMatchObject({ format: 'csv', delimiter: ',', header: ['Commune;Taux'] });
    expect(table.rows).toEqual([]);
    expect(table.unreadable).toEqual([
      { line: 2, reason: 'ligne 2 : 2 champs au lieu de 1' },
      { line: 3, reason: 'ligne 3 : 2 champs au lieu de 1' },
    ]);
    expect((await readTable(bytes, { delimiter: '\t' })).format).toBe('tsv');
  });
});

describe('header and lines', () => {
  it('names empty and repeated columns', async () => {
    const table = await readTable(utf8Bytes(' Nom ;;nom;Commune\n  Dupont ;x;y;Arles\n'));
    expect(table.header).toEqual(['Nom', 'Colonne 2', 'nom (2)', 'Commune']);
    expect(table.rows[0]!.cells).toEqual(['  Dupont ', 'x', 'y', 'Arles']);
  });

  it('skips blank lines, starts at the first non-empty one, and counts physical lines', async () => {
    const table = await readTable(utf8Bytes('\n;;\nA;B\n\n1;2\n \n\n3;4\n;\n'));
    expect(table.header).toEqual(['A', 'B']);
    expect(table.rows).toEqual([
      { line: 5, cells: ['1', '2'] },
      { line: 8, cells: ['3', '4'] },
    ]);
  });

  it('sets aside lines it cannot read, with their number, and reads the rest', async () => {
    const text = [
      'Verbatim;Commune;Public',
      'Mme Dupont dit bonjour;Arles;Adultes', // 2
      'court;Arles', // 3: padded
      'Mme Durand;trop;de;champs;ici', // 4: 5 fields
      'Trailing;empty;fields;;', // 5: fine
      '"sur deux',
      'lignes";Uzès;Aînés', // 6-7
      '"M. Martin ne ferme jamais;Arles;Adultes', // 8: quote never closed
      'suite;Nîmes;Jeunes', // 9
    ].join('\r\n');
    const table = await readTable(windows1252Bytes(text));
    expect(table.rows).toEqual([
      { line: 2, cells: ['Mme Dupont dit bonjour', 'Arles', 'Adultes'] },
      { line: 3, cells: ['court', 'Arles', ''] },
      { line: 5, cells: ['Trailing', 'empty', 'fields'] },
      { line: 6, cells: ['sur deux\nlignes', 'Uzès', 'Aînés'] },
      { line: 9, cells: ['suite', 'Nîmes', 'Jeunes'] },
    ]);
    expect(table.unreadable).toEqual([
      { line: 4, reason: 'ligne 4 : 5 champs au lieu de 3' },
      { line: 8, reason: 'ligne 8 : un guillemet ouvert n’est jamais refermé' },
    ]);
  });
});

describe('files that are not tables', () => {
  const canary = 'Mme Dupont, 06 12 34 56 78';

  it('refuses empty and blank files', async () => {
    for (const bytes of [
      new Uint8Array(),
      utf8Bytes('  \r\n\t\n'),
      utf8Bytes('\n\n', { bom: true }),
    ]) {
      const error = await fileError(bytes);
      expect(error.code).toBe('empty-file');
      expect(error.message).toBe('Le fichier est vide.');
    }
  });

  it('refuses images, PDFs and binary data, saying what they are', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await fileError(png)).toMatchObject({
      code: 'binary-file',
      message: expect.stringMatching(/^Ce fichier n’est pas un tableau : c’est une image PNG\./),
    });
    const pdf = utf8Bytes(`%PDF-1.7\n${canary}\n`);
    expect((await fileError(pdf)).code).toBe('binary-file');

    let seed = 7;
    const random = Uint8Array.from(
      { length: 4096 },
      () => (seed = (seed * 48271) % 2147483647) & 0xff,
    );
    random.set(utf8Bytes(`${canary};x\n`), 0);
    random[100] = 0;
    const error = await fileError(random);
    expect(error.code).toBe('binary-file');
    expect(error.message).toMatch(
      /^Ce fichier n’est pas un tableau : il contient des données binaires\./,
    );
    expect(error.message).not.toContain('Dupont');
  });

  it('refuses a zip archive that is neither XLSX nor ODS, and a damaged one', async () => {
    const notes = zipBytes({ 'notes.txt': `${canary}\n` });
    const error = await fileError(notes);
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(/ni un classeur Excel \(\.xlsx\) ni un classeur LibreOffice/);
    expect(error.message).not.toContain('Dupont');

    const docx = zipBytes({ 'word/document.xml': `<w:document>${canary}</w:document>` });
    expect((await fileError(docx)).message).toContain('c’est un document Word (.docx)');

    const damaged = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...utf8Bytes(canary)]);
    expect(await fileError(damaged)).toMatchObject({
      code: 'unreadable-file',
      message: 'Le classeur est endommagé : il ne peut pas être lu.',
    });
  });

  it('refuses legacy .xls and UTF-16 text with what to do instead', async () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await fileError(xls)).toMatchObject({
      code: 'unsupported-format',
      message: expect.stringContaining('(.xls)'),
    });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from('A\tB\r\n1\t2\r\n', 'utf16le')]);
    expect(await fileError(utf16)).toMatchObject({
      code: 'unsupported-format',
      message: expect.stringContaining('UTF-16'),
    });
  });

  it('a file with only a header has no rows', async () => {
    const error = await fileError(utf8Bytes('Verbatim;Commune\r\n\r\n'));
    expect(error).toMatchObject({
      code: 'no-rows',
      message: 'Le tableau ne contient aucune ligne de données.',
    });
    expect((await fileError(utf8Bytes(';;;\n ; ;\n'))).code).toBe('no-rows');
  });

  it('error messages quote nothing from the file', async () => {
    const files = [
      utf8Bytes(`${canary}\n`),
      utf8Bytes(`<?xml version="1.0"?><r>${canary}</r>`),
      zipBytes({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': canary }),
    ];
    for (const bytes of files) {
      const error = await fileError(bytes);
      expect(error.message).not.toContain('Dupont');
      expect(error.message).not.toContain('06 12');
    }
  });
});
