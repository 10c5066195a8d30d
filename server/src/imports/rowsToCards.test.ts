import { describe, expect, it } from 'vitest';
import type { PersonalDataFinding } from '@boussole/shared';
import type { ParsedTable } from './parse/index.js';
import { rowsToCards, type RowsToCardsInput } from './rowsToCards.js';

const table: ParsedTable = {
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ';',
  header: ['verbatim', 'source', 'public', 'commune', 'date'],
  rows: [
    {
      line: 2,
      cells: [
        'Mme Durand au 06 12 34 56 78',
        'Entretien collectif',
        'JEUNES',
        'rochebrune',
        '02/04/2026',
      ],
    },
    { line: 3, cells: ['   ', 'atelier', '', '', ''] },
    { line: 4, cells: ['x'.repeat(5_001), 'atelier', '', '', ''] },
    { line: 5, cells: ['Trop cher', 'courrier', 'retraités', 'Ailleurs', 'bientôt'] },
  ],
  unreadable: [],
};

const finding = (
  id: string,
  start: number,
  end: number,
  replacement: string,
): PersonalDataFinding => ({
  id,
  line: 2,
  column: 0,
  kind: id === 'phone' ? 'phone' : 'person',
  start,
  end,
  text: table.rows[0]!.cells[0]!.slice(start, end),
  replacement,
  before: '',
  after: '',
});

const base: RowsToCardsInput = {
  table,
  kind: 'observation',
  findings: [finding('person', 4, 10, '[Personne A]'), finding('phone', 14, 28, '[téléphone]')],
  mapping: { verbatim: 0, source: 1, public: 2, commune: 3, date: 4 },
  constants: {},
  decisions: {},
  defaultDecision: 'accept',
  groupBy: null,
  workspace: { publics: ['jeunes'], communes: ['Rochebrune'] },
};

describe('rowsToCards', () => {
  it('applies accepted and edited replacements and keeps rejected text', async () => {
    const accepted = await rowsToCards(base);
    expect(accepted.cards[0]!.props).toMatchObject({
      verbatim: 'Mme [Personne A] au [téléphone]',
      source: 'entretien',
      public: 'jeunes',
      commune: 'Rochebrune',
      date: '2026-04-02',
    });
    expect(accepted.decisions).toEqual({ accepted: 2, edited: 0, rejected: 0 });
    const mixed = await rowsToCards({
      ...base,
      decisions: { person: { action: 'edit', replacement: 'Mme D.' } },
      defaultDecision: 'reject',
    });
    expect(mixed.cards[0]!.props).toMatchObject({ verbatim: 'Mme Mme D. au 06 12 34 56 78' });
    expect(mixed.decisions).toEqual({ accepted: 0, edited: 1, rejected: 1 });
  });

  it('skips empty and too long verbatims with their reason, never cutting them', async () => {
    const result = await rowsToCards(base);
    expect(result.cards.map((c) => c.line)).toEqual([2, 5]);
    expect(result.skippedRows).toEqual([
      { line: 3, reason: 'verbatim vide' },
      { line: 4, reason: 'verbatim trop long (5\u202f001 caractères, 5\u202f000 au plus)' },
    ]);
  });

  it('lists what it could not match, and falls back to the source constant', async () => {
    const result = await rowsToCards({ ...base, constants: { source: 'Permanence' } });
    expect(result.cards[1]!.props).toMatchObject({
      source: 'permanence',
      public: 'retraités',
      commune: 'Ailleurs',
      date: '',
    });
    expect(result.unmatched).toEqual([
      { field: 'source', value: 'courrier', rows: 1 },
      { field: 'public', value: 'retraités', rows: 1 },
      { field: 'commune', value: 'Ailleurs', rows: 1 },
      { field: 'date', value: 'bientôt', rows: 1 },
    ]);
  });

  it('fills unmapped fields with constants and reports progress to the end', async () => {
    const done: number[] = [];
    const result = await rowsToCards({
      ...base,
      mapping: { verbatim: 0 },
      constants: { commune: 'ROCHEBRUNE', public: 'inconnu' },
      onProgress: (n) => done.push(n),
    });
    expect(result.cards[0]!.props).toMatchObject({
      source: 'questionnaire',
      commune: 'Rochebrune',
      public: 'inconnu',
    });
    expect(done.at(-1)).toBe(table.rows.length);
  });
});
