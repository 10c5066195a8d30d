import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../import/csv.js';
import { findPersonalData } from './index.js';

const dir = path.resolve(import.meta.dirname, '../../data/val-d-arviere');
const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

/** Read by hand: the only demo verbatims with personal data, and what is in them. */
const personalRows: Record<string, [string, string][]> = {
  O007: [
    ['person', 'Georgette Lambert'],
    ['address', '12 rue des Tilleuls'],
    ['phone', '06 12 34 56 78'],
  ],
  O038: [['email', 'kevin.dubreuil@example.org']],
  O045: [
    ['person', 'Rachid Benali'],
    ['birthDate', '14/02/1961'],
  ],
};

describe('the Val d’Arvière demo verbatims', () => {
  const workspace = JSON.parse(read('workspace.json')) as { communes: { name: string }[] };
  const places = workspace.communes.map((c) => c.name);
  const rows = parseCsv(read('observations.csv')).rows.map((r) => ({
    id: r.values.id ?? '',
    verbatim: r.values.verbatim ?? '',
  }));

  it('has its 72 verbatims to check', () => {
    expect(rows).toHaveLength(72);
  });

  it('flags exactly the rows holding personal data, with what they hold', () => {
    const flagged = Object.fromEntries(
      rows
        .map((r) => [r.id, findPersonalData(r.verbatim, { places })] as const)
        .filter(([, matches]) => matches.length > 0)
        .map(([id, matches]) => [id, matches.map((m) => [m.kind, m.text])]),
    );
    expect(flagged).toEqual(personalRows);
  });
});
