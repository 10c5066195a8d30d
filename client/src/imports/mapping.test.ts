import { describe, expect, it } from 'vitest';
import type { ImportColumn } from '@boussole/shared';
import {
  commitRequest,
  guessMapping,
  mappedColumns,
  normaliseName,
  requiredFieldMapped,
} from './mapping.js';

const columns = (...names: string[]): ImportColumn[] =>
  names.map((name, index) => ({ index, name, samples: [] }));

describe('guessMapping', () => {
  it('maps a French survey export by its column names, accents and case aside', () => {
    const mapping = guessMapping(
      'observation',
      columns('Horodateur', 'Votre RÉPONSE libre', 'Ville', 'Profil du répondant', 'Date'),
    );
    expect(mapping).toEqual({
      verbatim: { from: 'column', column: 1 },
      commune: { from: 'column', column: 2 },
      public: { from: 'column', column: 3 },
      date: { from: 'column', column: 4 },
      source: { from: 'constant', value: 'questionnaire' },
    });
  });

  it('takes a source column when there is one, and never gives one column two fields', () => {
    const mapping = guessMapping('observation', columns('Commentaire', 'Type', 'Commune'));
    expect(mapping.verbatim).toEqual({ from: 'column', column: 0 });
    expect(mapping.source).toEqual({ from: 'column', column: 1 });
    expect(mapping.commune).toEqual({ from: 'column', column: 2 });
    expect(mapping.date).toEqual({ from: 'none' });
    expect(mapping.public).toEqual({ from: 'none' });
  });

  it('maps an indicator table', () => {
    const mapping = guessMapping(
      'indicator',
      columns('Libellé', 'Valeur', 'Unité', 'Territoire', 'Année', 'Source'),
    );
    expect(Object.values(mapping).map((s) => (s.from === 'column' ? s.column : -1))).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    expect(requiredFieldMapped('indicator', mapping)).toBe(true);
  });

  it('leaves the verbatim unmapped when nothing looks like one', () => {
    const mapping = guessMapping('observation', columns('A', 'B'));
    expect(requiredFieldMapped('observation', mapping)).toBe(false);
  });
});

describe('commitRequest', () => {
  it('turns the mapping into column indices and trimmed constants, dropping empty ones', () => {
    const request = commitRequest({
      boardId: 'b1',
      kind: 'observation',
      mapping: {
        verbatim: { from: 'column', column: 2 },
        source: { from: 'constant', value: ' entretien ' },
        public: { from: 'constant', value: '  ' },
        commune: { from: 'none' },
      },
      groupBy: 3,
      decisions: { f1: { action: 'reject' } },
      defaultDecision: 'accept',
      dryRun: true,
    });
    expect(request).toEqual({
      boardId: 'b1',
      kind: 'observation',
      mapping: { verbatim: 2 },
      constants: { source: 'entretien' },
      decisions: { f1: { action: 'reject' } },
      defaultDecision: 'accept',
      groupBy: 3,
      dryRun: true,
    });
  });

  it('lists the columns whose text reaches cards', () => {
    expect([
      ...mappedColumns({
        verbatim: { from: 'column', column: 4 },
        commune: { from: 'column', column: 1 },
        source: { from: 'constant', value: 'x' },
      }),
    ]).toEqual([4, 1]);
  });

  it('normalises names to plain lower-case words', () => {
    expect(normaliseName('  Réponse   n°3 (libre) ')).toBe('reponse n 3 libre');
  });
});
