import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

const dir = path.resolve(import.meta.dirname, '../../data/val-d-arviere');
const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('the Val d’Arvière demo data shipped with Boussole', () => {
  it('parses with the expected number of rows and columns', () => {
    const observations = parseCsv(read('observations.csv'), {
      requiredColumns: ['id', 'date', 'source', 'public', 'commune', 'verbatim'],
    });
    expect(observations.rows).toHaveLength(72);
    expect(new Set(observations.rows.map((r) => r.values.id)).size).toBe(72);
    expect(parseCsv(read('hypotheses.csv')).rows).toHaveLength(8);
    expect(parseCsv(read('indicateurs.csv')).rows).toHaveLength(27);
    expect(parseCsv(read('preconisations.csv')).rows).toHaveLength(8);
  });

  it('keeps accents and multi-line verbatims intact', () => {
    const rows = parseCsv(read('observations.csv')).rows.map((r) => r.values);
    expect(rows.some((r) => /[éèàç]/.test(r.verbatim ?? ''))).toBe(true);
    expect(rows.find((r) => r.id === 'O001')?.verbatim).toMatch(/^J'ai eu une promesse/);
  });
});
