import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { boardColumns, type BoardRow } from './boardTable.js';
import { boardXlsx, sheetNameFor } from './boardXlsx.js';

function row(fields: Partial<BoardRow>): BoardRow {
  const empty = Object.fromEntries(boardColumns.map(({ key }) => [key, null])) as BoardRow;
  return { ...empty, ...fields };
}

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

const columnOf = (key: string) => boardColumns.findIndex((c) => c.key === key) + 1;

describe('sheetNameFor', () => {
  it('keeps accents, drops what Excel refuses and cuts at 31 characters', () => {
    expect(sheetNameFor('Regroupement des observations')).toBe('Regroupement des observations');
    expect(sheetNameFor('Atelier [1/2]: quoi ? *vite*')).toBe('Atelier 1 2 quoi vite');
    expect(sheetNameFor('Hypothèses de travail — Val d’Arvière 2026')).toBe(
      'Hypothèses de travail — Val d’A',
    );
    expect(sheetNameFor("'''")).toBe('Tableau');
    expect(sheetNameFor('History')).toBe('Tableau');
    expect(sheetNameFor('   ')).toBe('Tableau');
  });
});

describe('boardXlsx', () => {
  const verbatim = 'Elle m’a dit : « on verra »\net après… œuvre à 12 € ç';
  const rows = [
    row({ kind: 'Observation', theme: 'Mobilité', verbatim, date: '2026-04-02', id: 'shape:o1' }),
    row({ kind: 'Indicateur', value: 12.8, year: 2023, label: '=HYPERLINK("x")', id: 'shape:i1' }),
    row({ kind: 'Thème', label: 'Mobilité', observationCount: 1, date: 'inconnue' }),
  ];

  it('reads back with the values, accents, numbers as numbers and days as dates', async () => {
    const sheet = await readBack(await boardXlsx(rows, 'Atelier : mobilité / été'));
    expect(sheet.name).toBe('Atelier mobilité été');
    expect(sheet.getRow(1).values).toEqual([undefined, ...boardColumns.map((c) => c.header)]);
    expect(sheet.rowCount).toBe(4);

    const cell = (r: number, key: string) => sheet.getRow(r).getCell(columnOf(key));
    expect(cell(2, 'verbatim').value).toBe(verbatim);
    expect(cell(2, 'theme').value).toBe('Mobilité');
    expect(cell(2, 'date').value).toEqual(new Date(Date.UTC(2026, 3, 2)));
    expect(cell(2, 'date').numFmt).toBe('dd/mm/yyyy');
    expect(cell(3, 'value').value).toBe(12.8);
    expect(cell(3, 'value').type).toBe(ExcelJS.ValueType.Number);
    expect(cell(3, 'year').value).toBe(2023);
    expect(cell(4, 'observationCount').value).toBe(1);
    // Text that looks like a formula stays text.
    expect(cell(3, 'label').value).toBe('=HYPERLINK("x")');
    expect(cell(3, 'label').type).toBe(ExcelJS.ValueType.String);
    // A day that is not one stays as written.
    expect(cell(4, 'date').value).toBe('inconnue');
    expect(cell(2, 'value').value).toBeNull();
  });

  it('has a bold frozen header with filters, fitted widths and wrapped long text', async () => {
    const sheet = await readBack(await boardXlsx(rows, 'Tableau'));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(boardColumns.length).letter}4`);
    expect(sheet.getColumn(columnOf('verbatim')).width).toBe(60);
    expect(sheet.getRow(2).getCell(columnOf('verbatim')).alignment?.wrapText).toBe(true);
  });
});
