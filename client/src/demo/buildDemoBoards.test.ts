import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TLRecord, TLShape } from 'tldraw';
import { createBoardStore, putDefaultDocument } from '../../testing/boardPeers.js';
import { buildDemoBoards, type DemoBoard } from './buildDemoBoards.js';

const dataDir = path.resolve(import.meta.dirname, '../../../shared/data/val-d-arviere');
const read = (file: string) => fs.readFileSync(path.join(dataDir, file), 'utf8');
const files = {
  observations: read('observations.csv'),
  hypotheses: read('hypotheses.csv'),
  indicators: read('indicateurs.csv'),
  recommendations: read('preconisations.csv'),
};

const shapesOf = (board: DemoBoard, type: string) =>
  board.records.filter((r): r is TLShape => r.typeName === 'shape' && r.type === type);

/** Puts the records in a real board store: tldraw's validators and ours reject a bad one. */
function loadInStore(board: DemoBoard) {
  const store = createBoardStore();
  putDefaultDocument(store);
  store.put(board.records);
  return store;
}

function pageBounds(board: DemoBoard, shape: TLShape) {
  const props = shape.props as { w: number; h: number };
  return { x: shape.x, y: shape.y, w: props.w, h: props.h };
}

describe('the Val d’Arvière demo boards', () => {
  const boards = buildDemoBoards(files);

  it('puts the 72 observations, faithful to the CSV, beside three empty themes', () => {
    const observations = shapesOf(boards.affinity, 'observation');
    expect(observations).toHaveLength(72);
    const themes = shapesOf(boards.affinity, 'theme');
    expect(themes.map((t) => (t.props as { label: string }).label).sort()).toEqual(
      ['Insertion et emploi', 'Logement', 'Mobilité'].sort(),
    );
    // No observation starts inside a theme: clustering them is the workshop's job.
    expect(observations.every((o) => o.parentId === 'page:page')).toBe(true);
    const o1 = observations.find((o) => o.id === 'shape:demo-O001');
    expect(o1?.props).toMatchObject({
      source: 'entretien',
      commune: 'Rochebrune',
      date: '2026-04-02',
      verbatim: expect.stringContaining("promesse d'embauche à la zone d'activités"),
    });
    const sources = new Set(observations.map((o) => (o.props as { source: string }).source));
    expect([...sources].sort()).toEqual(
      ['atelier', 'entretien', 'micro-trottoir', 'permanence', 'questionnaire'].sort(),
    );
  });

  it('spells the observations’ publics as the demo workspace lists them', () => {
    const workspace = JSON.parse(read('workspace.json')) as { publics: string[] };
    const publics = shapesOf(boards.affinity, 'observation').map(
      (o) => (o.props as { public: string }).public,
    );
    const count = (value: string) => publics.filter((p) => p === value).length;
    // observations.csv says « jeune » 27 times and « personne âgée » 25 times.
    expect(count('jeunes 16-25 ans')).toBe(27);
    expect(count('personnes âgées 75 ans et plus')).toBe(25);
    expect(workspace.publics).toEqual(['jeunes 16-25 ans', 'personnes âgées 75 ans et plus']);
    // Publics the workspace does not list stay as the survey wrote them.
    expect(new Set(publics)).toEqual(
      new Set([...workspace.publics, 'professionnel', 'tout public']),
    );
  });

  it('frames each of the 8 hypotheses with the indicators the CSV links to it', () => {
    const hypotheses = shapesOf(boards.hypotheses, 'hypothesis');
    expect(hypotheses).toHaveLength(8);
    const indicators = shapesOf(boards.hypotheses, 'indicator');
    // H1–H8 list 11 indicator links in hypotheses.csv (H6 has none).
    expect(indicators).toHaveLength(11);
    for (const indicator of indicators) {
      const hypothesis = hypotheses.find((h) => h.id === indicator.meta.hypothesisId);
      expect(hypothesis, `indicator ${indicator.id}`).toBeDefined();
      expect(indicator.parentId).toBe(hypothesis?.parentId);
    }
    const transit = indicators.find(
      (i) => (i.props as { label: string }).label === 'Ménages sans voiture',
    );
    // The territory-wide (CC) figure, not one commune's.
    expect(transit?.props).toMatchObject({ territory: "Val d'Arvière", year: 2023 });
    expect(typeof (transit?.props as { value: unknown }).value).toBe('number');
  });

  it('lays out the 8 préconisations by topic, with priority, lead and linked hypotheses', () => {
    const cards = shapesOf(boards.recommendations, 'recommendation');
    expect(cards).toHaveLength(8);
    const p1 = cards.find((c) => c.id === 'shape:demo-P1');
    expect(p1?.props).toMatchObject({
      title: 'Adapter les horaires du car aux embauches',
      leadOrganisation: 'Communauté de communes',
      priority: 'haute',
      hypothesisIds: ['demo-hypotheses/shape:demo-H1', 'demo-hypotheses/shape:demo-H7'],
    });
    // The links name cards of the hypotheses board, by that board's id (cross-board links).
    const hypothesisIds = new Set(
      shapesOf(boards.hypotheses, 'hypothesis').map((h) => `demo-hypotheses/${h.id}`),
    );
    for (const card of cards) {
      for (const id of (card.props as { hypothesisIds: string[] }).hypothesisIds) {
        expect(hypothesisIds.has(id)).toBe(true);
      }
    }
    // Each hypothesis links to the indicators of its frame, as its evidence.
    const indicatorIds = new Set(shapesOf(boards.hypotheses, 'indicator').map((s) => s.id));
    const h1 = shapesOf(boards.hypotheses, 'hypothesis').find((h) => h.id === 'shape:demo-H1');
    const evidence = (h1?.props as { evidenceIds: string[] }).evidenceIds;
    expect(evidence.length).toBeGreaterThan(0);
    for (const id of evidence) expect(indicatorIds.has(id as never)).toBe(true);
    // One column per topic: every card of a column shares its x.
    const columns = new Set(cards.map((c) => c.x));
    expect(columns.size).toBe(3);
  });

  it('gives each board the template of its step, so the workspace page labels it', () => {
    expect(boards.affinity.template).toBe('affinity-map');
    expect(boards.hypotheses.template).toBe('working-hypotheses');
    expect(boards.recommendations.template).toBe('recommendations-matrix');
  });

  it('writes only records that a board store accepts', () => {
    for (const board of [boards.affinity, boards.hypotheses, boards.recommendations]) {
      const store = loadInStore(board);
      const ids = board.records.map((r: TLRecord) => r.id);
      expect(ids.every((id) => store.has(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('lays the cards out without overlap', () => {
    for (const board of [boards.affinity, boards.hypotheses, boards.recommendations]) {
      const onPage = board.records.filter(
        (r): r is TLShape => r.typeName === 'shape' && r.parentId === 'page:page',
      );
      const boxes = onPage.map((s) => pageBounds(board, s));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap, `${onPage[i]!.id} overlaps ${onPage[j]!.id}`).toBe(false);
        }
      }
    }
  });
});
