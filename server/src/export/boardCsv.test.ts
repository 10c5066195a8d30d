import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { boardCsv, csvField } from './boardCsv.js';
import { boardColumns, type BoardRow } from './boardTable.js';

function row(fields: Partial<BoardRow>): BoardRow {
  const empty = Object.fromEntries(boardColumns.map(({ key }) => [key, null])) as BoardRow;
  return { ...empty, ...fields };
}

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('csvField', () => {
  it('quotes fields holding ; " CR or LF, doubling quotes (RFC 4180)', () => {
    expect(csvField('simple')).toBe('simple');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('il a dit "non"')).toBe('"il a dit ""non"""');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField('ligne 1\r\nligne 2')).toBe('"ligne 1\r\nligne 2"');
    expect(csvField('virgule, point.')).toBe('virgule, point.');
  });

  it('defuses text a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    expect(csvField('=HYPERLINK("http://evil.example";"clic")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"";""clic"")"',
    );
    expect(csvField('+33 6 12 34 56 78')).toBe("'+33 6 12 34 56 78");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    expect(csvField('Réponse = oui')).toBe('Réponse = oui');
  });

  it('writes numbers with a decimal comma, negative ones without an apostrophe', () => {
    expect(csvField(12.8)).toBe('12,8');
    expect(csvField(2023)).toBe('2023');
    expect(csvField(-3.5)).toBe('-3,5');
    expect(csvField(null)).toBe('');
  });
});

describe('boardCsv', () => {
  const verbatim = 'Elle m’a dit : « on verra ; peut-être »\r\net "après"…\nœuvre, 12 €';
  const file = boardCsv([
    row({ kind: 'Observation', verbatim, date: '2026-04-02', id: 'shape:o1' }),
    row({ kind: 'Indicateur', value: 12.8, year: 2023, label: '=1+1', id: 'shape:i1' }),
  ]);
  const text = decode(file);

  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    expect([...file.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${boardColumns.map((c) => c.header).join(';')}`);
  });

  it('reads back, with a real CSV parser, as the rows it was given', () => {
    const records = parse(text, {
      bom: true,
      delimiter: ';',
      record_delimiter: '\r\n',
    }) as string[][];
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual(boardColumns.map((c) => c.header));
    const column = (name: string) => boardColumns.findIndex((c) => c.key === name);
    expect(records[1]?.[column('verbatim')]).toBe(verbatim);
    expect(records[1]?.[column('date')]).toBe('2026-04-02');
    expect(records[1]?.[column('value')]).toBe('');
    expect(records[2]?.[column('value')]).toBe('12,8');
    expect(records[2]?.[column('year')]).toBe('2023');
    expect(records[2]?.[column('label')]).toBe("'=1+1");
    expect(records.every((r) => r.length === boardColumns.length)).toBe(true);
  });
});
