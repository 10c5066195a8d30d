import { describe, expect, it } from 'vitest';
import {
  boardPageRecord,
  cardShapeId,
  cardShapeRecord,
  defaultBoardPageId,
  type CardKind,
  type CardProps,
} from '@boussole/shared';
import { boardColumns, boardTable, deletedCardLabel } from './boardTable.js';
import { cardVotesMetaKey } from '@boussole/shared';

type Records = Record<string, Record<string, unknown>>;

/** A card record as the board stores it, placed under `parent` (a page or a shape id). */
function card<K extends CardKind>(
  kind: K,
  id: string,
  props: Omit<CardProps<K>, 'w' | 'h'>,
  place: { x?: number; y?: number; parent?: string } = {},
): Record<string, unknown> {
  return cardShapeRecord(
    kind,
    {
      id: cardShapeId(id),
      parentId: (place.parent ?? defaultBoardPageId) as never,
      x: place.x ?? 0,
      y: place.y ?? 0,
      index: 'a1',
    },
    { w: 200, h: 120, ...props } as CardProps<K>,
  );
}

function group(id: string, parent: string, x = 0, y = 0): Record<string, unknown> {
  return {
    id: cardShapeId(id),
    typeName: 'shape',
    type: 'group',
    parentId: parent,
    index: 'a1',
    x,
    y,
    props: {},
  };
}

function recordsOf(...records: Record<string, unknown>[]): Records {
  return Object.fromEntries(records.map((record) => [record.id as string, record]));
}

const observation = (verbatim: string, commune = 'Rochebrune') => ({
  verbatim,
  source: 'entretien' as const,
  public: 'jeunes 16-25 ans',
  commune,
  date: '2026-04-02',
});

const indicatorProps = {
  label: '',
  value: 12.8,
  unit: '%',
  territory: 'Val d’Arvière',
  year: 2023,
  source: 'Insee',
};

describe('boardTable', () => {
  const board = recordsOf(
    boardPageRecord() as unknown as Record<string, unknown>,
    // Theme "Mobilité" at (1000, 0) holds a group holding an observation, and a sub-theme.
    card('theme', 'T1', { label: 'Mobilité' }, { x: 1000, y: 0 }),
    group('G1', 'shape:T1', 20, 40),
    card('observation', 'O-grouped', observation('Pas de car à 6 h.'), {
      parent: 'shape:G1',
      x: 10,
      y: 10,
    }),
    card('observation', 'O-direct', observation('Le bus ne passe plus.', 'Saint-Aubin'), {
      parent: 'shape:T1',
      x: 300,
      y: 5,
    }),
    card('theme', 'T2', { label: 'Transport à la demande' }, { parent: 'shape:T1', y: 500 }),
    card('observation', 'O-sub', observation('Il faut réserver la veille.'), {
      parent: 'shape:T2',
      x: 5,
      y: 5,
    }),
    // Free observations: one above the theme's cards on the page, one below.
    card('observation', 'O-top', observation('Tout en haut.'), { x: 3000, y: -200 }),
    card('observation', 'O-free', observation('Hors thème.'), { x: 0, y: 2000 }),
    card(
      'hypothesis',
      'H1',
      {
        statement:
          'Des jeunes renoncent à un emploi faute de transport en commun aux horaires des embauches',
        topic: 'mobilité',
        public: 'jeunes 16-25 ans',
        status: 'confirmee',
      },
      { y: 100 },
    ),
    card(
      'hypothesis',
      'H2',
      { statement: 'Les aînés\nrestent isolés', topic: '', public: '', status: 'nuancee' },
      { y: 50 },
    ),
    card('indicator', 'I1', {
      label: 'Part des 75 ans et plus',
      value: 12.8,
      unit: '%',
      territory: 'Val d’Arvière',
      year: 2023,
      source: 'Insee',
    }),
    card('recommendation', 'R1', {
      title: 'Horaires du car',
      description: 'Un départ avant 6 h.',
      leadOrganisation: 'Communauté de communes',
      priority: 'haute',
      hypothesisIds: ['shape:H1', 'shape:gone', 'shape:H2'],
    }),
    // Not cards: a plain tldraw shape and the page are left out.
    { ...group('G-free', defaultBoardPageId), type: 'geo' },
  );
  const rows = boardTable(board);
  const row = (id: string) => rows.find((r) => r.id === `shape:${id}`)!;

  it('has one row per card, sorted by kind then top to bottom, left to right on the page', () => {
    expect(rows.map((r) => r.id)).toEqual([
      // Page positions: O-top y=-200, O-grouped y=50, O-direct y=5 (x 1300), O-sub y=505.
      'shape:O-top',
      'shape:O-direct',
      'shape:O-grouped',
      'shape:O-sub',
      'shape:O-free',
      'shape:H2',
      'shape:H1',
      'shape:I1',
      'shape:T1',
      'shape:T2',
      'shape:R1',
    ]);
    expect(rows.map((r) => r.kind)).toEqual([
      ...Array(5).fill('Observation'),
      'Hypothèse',
      'Hypothèse',
      'Indicateur',
      'Thème',
      'Thème',
      'Préconisation',
    ]);
  });

  it('names the nearest theme through groups and nested parents, and counts its observations', () => {
    expect(row('O-grouped').theme).toBe('Mobilité');
    expect(row('O-direct').theme).toBe('Mobilité');
    expect(row('O-sub').theme).toBe('Transport à la demande');
    expect(row('T2').theme).toBe('Mobilité');
    expect(row('O-free').theme).toBeNull();
    expect(row('T1').theme).toBeNull();
    expect(row('T1').observationCount).toBe(2);
    expect(row('T2').observationCount).toBe(1);
    expect(row('T1').label).toBe('Mobilité');
  });

  it('writes every field of every kind in French', () => {
    expect(row('O-direct')).toMatchObject({
      verbatim: 'Le bus ne passe plus.',
      source: 'Entretien',
      public: 'jeunes 16-25 ans',
      commune: 'Saint-Aubin',
      date: '2026-04-02',
      statement: null,
      observationCount: null,
    });
    expect(row('H1')).toMatchObject({ topic: 'mobilité', status: 'Confirmée', verbatim: null });
    expect(row('H2').status).toBe('Nuancée');
    expect(row('I1')).toMatchObject({
      label: 'Part des 75 ans et plus',
      value: 12.8,
      unit: '%',
      territory: 'Val d’Arvière',
      year: 2023,
      indicatorSource: 'Insee',
      source: null,
    });
    expect(row('R1')).toMatchObject({
      title: 'Horaires du car',
      description: 'Un départ avant 6 h.',
      leadOrganisation: 'Communauté de communes',
      priority: 'Haute',
    });
    for (const r of rows)
      expect(Object.keys(r).sort()).toEqual(boardColumns.map((c) => c.key).sort());
  });

  it('shows linked hypotheses by their statements, cut at 80 characters, and deleted ones as such', () => {
    expect(row('R1').linkedCards).toBe(
      [
        'Des jeunes renoncent à un emploi faute de transport en commun aux horaires des e…',
        deletedCardLabel,
        'Les aînés restent isolés',
      ].join(' | '),
    );
  });

  it('names links to other boards from what the route resolved, and a hypothesis its evidence', () => {
    const linked = recordsOf(
      card('indicator', 'I1', { ...indicatorProps, label: 'Taux de chômage des 16-25 ans' }),
      card('hypothesis', 'H1', {
        statement: 'Les jeunes manquent de transport',
        topic: '',
        public: '',
        status: 'a_verifier',
        evidenceIds: ['shape:I1', 'shape:gone', 'board-2/shape:O9'],
      }),
      card('recommendation', 'R1', {
        title: 'Horaires du car',
        description: '',
        leadOrganisation: '',
        priority: 'haute',
        hypothesisIds: ['board-hyp/shape:H7', 'board-hyp/shape:deleted'],
      }),
    );
    const elsewhere = new Map([
      ['board-2/shape:O9', { label: 'Le car part trop tard', boardTitle: 'Regroupement' }],
      ['board-hyp/shape:H7', { label: 'Les aînés restent isolés', boardTitle: 'Hypothèses' }],
    ]);
    const rows = boardTable(linked, elsewhere);
    const byId = (id: string) => rows.find((r) => r.id === cardShapeId(id));
    expect(byId('H1')?.linkedCards).toBe(
      [
        'Taux de chômage des 16-25 ans',
        deletedCardLabel,
        'Le car part trop tard (tableau Regroupement)',
      ].join(' | '),
    );
    expect(byId('R1')?.linkedCards).toBe(
      ['Les aînés restent isolés (tableau Hypothèses)', deletedCardLabel].join(' | '),
    );
    // Without the resolved names, another board's card reads as deleted, never as an id.
    expect(boardTable(linked).find((r) => r.id === cardShapeId('R1'))?.linkedCards).toBe(
      [deletedCardLabel, deletedCardLabel].join(' | '),
    );
  });

  it('gives the dots and rank of the last closed vote, empty for a card that had none', () => {
    const voted = card('hypothesis', 'H1', {
      statement: 'Les jeunes manquent de transport',
      topic: '',
      public: '',
      status: 'a_verifier',
      evidenceIds: [],
    });
    voted.meta = { [cardVotesMetaKey]: { voteId: 'vote-1', dots: 7, rank: 1 } };
    const rows = boardTable(
      recordsOf(voted, card('indicator', 'I1', { ...indicatorProps, label: 'Sans vote' })),
    );
    expect(rows.map((r) => [r.votes, r.voteRank])).toEqual([
      [7, 1],
      [null, null],
    ]);
  });

  it('survives a parent loop stored before the server refused them', () => {
    const looped = recordsOf(
      card('theme', 'A', { label: 'A' }, { parent: 'shape:B' }),
      card('theme', 'B', { label: 'B' }, { parent: 'shape:A' }),
    );
    expect(boardTable(looped).map((r) => [r.id, r.theme])).toEqual([
      ['shape:A', 'B'],
      ['shape:B', 'A'],
    ]);
  });
});
