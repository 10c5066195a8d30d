import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes, accents and line breaks', () => {
    const text =
      '\ufeffid,verbatim,commune\r\n' +
      'O1,"Le car passe à 7 h, trop tard.",Rochebrune\r\n' +
      'O2,"Elle m\'a dit : ""pas pour moi""\nensuite plus rien",Les Granges\r\n';
    const table = parseCsv(text, { requiredColumns: ['id', 'verbatim'] });
    expect(table.header).toEqual(['id', 'verbatim', 'commune']);
    expect(table.rows).toEqual([
      {
        line: 2,
        values: { id: 'O1', verbatim: 'Le car passe à 7 h, trop tard.', commune: 'Rochebrune' },
      },
      {
        line: 3,
        values: {
          id: 'O2',
          verbatim: 'Elle m\'a dit : "pas pour moi"\nensuite plus rien',
          commune: 'Les Granges',
        },
      },
    ]);
  });

  it('ignores blank lines and a missing final newline', () => {
    expect(parseCsv('a,b\n1,2\n\n3,4').rows.map((r) => r.values)).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  it.each([
    ['', /ligne 1 : fichier vide/],
    ['a,b\n1,"2', /ligne 2 : guillemet ouvert jamais refermé/],
    ['a,b\n1,2,3', /ligne 2 : 3 champ\(s\) au lieu de 2/],
    ['a,b\n1,x"y"', /ligne 2 : guillemet inattendu/],
    ['a,b\n1,"x"y', /ligne 2 : texte après un champ entre guillemets/],
    ['a,a\n1,2', /colonne « a » en double/],
    ['a,,c\n1,2,3', /colonne sans nom/],
  ])('explains bad input: %j', (text, message) => {
    expect(() => parseCsv(text)).toThrow(CsvError);
    expect(() => parseCsv(text)).toThrow(message);
  });

  it('names the missing columns and what it read instead', () => {
    expect(() => parseCsv('id,texte\n1,2', { requiredColumns: ['id', 'verbatim'] })).toThrow(
      /colonne\(s\) manquante\(s\) : verbatim \(en-tête lu : id, texte\)/,
    );
  });
});
