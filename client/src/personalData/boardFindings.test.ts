import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBoardStore } from '../../testing/boardPeers.js';
import { cardRecord } from '../../testing/cardRecords.js';
import { buildDemoBoards } from '../demo/buildDemoBoards.js';
import { applyBoardDecisions, findBoardPersonalData } from './boardFindings.js';

const dataDir = path.resolve(import.meta.dirname, '../../../shared/data/val-d-arviere');
const read = (file: string) => fs.readFileSync(path.join(dataDir, file), 'utf8');
const demo = buildDemoBoards({
  observations: read('observations.csv'),
  hypotheses: read('hypotheses.csv'),
  indicators: read('indicateurs.csv'),
  recommendations: read('preconisations.csv'),
});
const places = (
  JSON.parse(read('workspace.json')) as { communes: { name: string }[] }
).communes.map((c) => c.name);

describe('the board check on the Val d’Arvière demo', () => {
  const findings = findBoardPersonalData(demo.affinity.records, { places });

  it('flags exactly the three observations that hold personal data, each item of them', () => {
    // observations.csv: O007 (a name, an address, a phone), O038 (an e-mail), O045 (a name,
    // a birth date). The 69 others name no one (Saint-Aubin, Montval, Lyon are places).
    expect([...new Set(findings.map((f) => f.shapeId))].sort()).toEqual([
      'shape:demo-O007',
      'shape:demo-O038',
      'shape:demo-O045',
    ]);
    const of = (card: string) =>
      findings.filter((f) => f.shapeId === `shape:demo-${card}`).map((f) => [f.kind, f.text]);
    expect(of('O007')).toEqual([
      ['person', expect.stringContaining('Georgette Lambert')],
      ['address', expect.stringContaining('12 rue des Tilleuls')],
      ['phone', '06 12 34 56 78'],
    ]);
    expect(of('O038')).toEqual([['email', 'kevin.dubreuil@example.org']]);
    expect(of('O045')).toEqual([
      ['person', expect.stringContaining('Rachid Benali')],
      ['birthDate', expect.stringContaining('14/02/1961')],
    ]);
  });

  it('gives two different people two letters, and ids stable from one check to the next', () => {
    const people = findings.filter((f) => f.kind === 'person').map((f) => f.replacement);
    expect(new Set(people).size).toBe(2);
    expect(people.every((r) => /^\[Personne [A-Z]\]$/.test(r))).toBe(true);
    const again = findBoardPersonalData(demo.affinity.records, { places });
    expect(again.map((f) => f.id)).toEqual(findings.map((f) => f.id));
    for (const f of findings) {
      expect(f.id).toBe(`${f.shapeId}|verbatim|${f.start}`);
      expect(f.where).toMatch(/^Observation \d+$/);
    }
  });

  it('finds nothing on the demo’s hypotheses and préconisations boards', () => {
    expect(findBoardPersonalData(demo.hypotheses.records, { places })).toEqual([]);
    expect(findBoardPersonalData(demo.recommendations.records, { places })).toEqual([]);
  });

  it('pseudonymises the accepted items and leaves the rejected one in place', () => {
    const phone = findings.find((f) => f.kind === 'phone')!;
    const result = applyBoardDecisions(
      demo.affinity.records,
      findings,
      { [phone.id]: { action: 'reject' } },
      'accept',
    );
    expect(result.skipped).toBe(0);
    expect(result.replaced).toBe(findings.length - 1);
    const byId = new Map(result.updates.map((u) => [u.id, u.props.verbatim]));
    expect([...byId.keys()].sort()).toEqual([
      'shape:demo-O007',
      'shape:demo-O038',
      'shape:demo-O045',
    ]);
    const o007 = byId.get('shape:demo-O007' as never)!;
    expect(o007).toContain('06 12 34 56 78');
    expect(o007).not.toContain('Lambert');
    expect(o007).not.toContain('Tilleuls');
    expect(o007).toContain('[adresse]');
    expect(byId.get('shape:demo-O038' as never)).toBe(
      "Contact : [courriel] — cherche un logement temporaire le temps d'un CDD de 6 mois à la scierie.",
    );
    const o045 = byId.get('shape:demo-O045' as never)!;
    expect(o045).not.toMatch(/Benali|1961/);
    expect(o045).toContain('vit dans sa voiture depuis trois semaines');
  });
});

describe('the board check on other cards', () => {
  const store = createBoardStore();

  it('reads hypotheses’ statements and préconisations’ titles and descriptions', () => {
    const records = [
      cardRecord(store, 'hypothesis', 'h1', {
        y: 0,
        props: { statement: 'Mme Josiane Perrin (06 11 22 33 44) renonce aux soins.' },
      }),
      cardRecord(store, 'recommendation', 'r1', {
        y: 300,
        props: { title: 'Relais avec Mme Josiane Perrin', description: 'Écrire à jp@example.org.' },
      }),
      cardRecord(store, 'theme', 't1', { y: 600, props: { label: 'Mme Josiane Perrin' } }),
    ];
    const found = findBoardPersonalData(records);
    expect(found.map((f) => [f.where, f.field, f.kind])).toEqual([
      ['Hypothèse 1', 'statement', 'person'],
      ['Hypothèse 1', 'statement', 'phone'],
      ['Préconisation 1 · titre', 'title', 'person'],
      ['Préconisation 1 · description', 'description', 'email'],
    ]);
    // One person, one letter, on every card of the board.
    const people = found.filter((f) => f.kind === 'person').map((f) => f.replacement);
    expect(people).toEqual(['[Personne A]', '[Personne A]']);
    expect(findBoardPersonalData(records, { language: 'en' })[2]?.where).toBe(
      'Recommendation 1 · title',
    );
  });
});
