import { describe, expect, it } from 'vitest';
import { parseCommunes, parseList } from './workspaceForm.js';

describe('the workspace form’s free-text fields', () => {
  it('reads communes pasted from a spreadsheet, code first or name first', () => {
    const { communes, badLines } = parseCommunes(
      [
        '99001\tSaint-Aubin-sur-Arvière',
        "Chaumes-d'Arvière ; 99004",
        '',
        '2A004, Ajaccio',
        'Les Granges 99002',
      ].join('\n'),
    );
    expect(badLines).toEqual([]);
    expect(communes).toEqual([
      { inseeCode: '99001', name: 'Saint-Aubin-sur-Arvière' },
      { inseeCode: '99004', name: "Chaumes-d'Arvière" },
      { inseeCode: '2A004', name: 'Ajaccio' },
      { inseeCode: '99002', name: 'Les Granges' },
    ]);
  });

  it('names the lines without a valid INSEE code or without a name', () => {
    const { communes, badLines } = parseCommunes(
      'Rochebrune\n9900 Trop court\n99006\n99006 Rochebrune',
    );
    expect(badLines).toEqual([1, 2, 3]);
    expect(communes).toEqual([{ inseeCode: '99006', name: 'Rochebrune' }]);
  });

  it('splits topics on commas and lines, without blanks or repeats', () => {
    expect(parseList('logement, insertion\nmobilité,, logement ')).toEqual([
      'logement',
      'insertion',
      'mobilité',
    ]);
  });
});
