import { describe, expect, it } from 'vitest';
import { createBoardSchema } from './boardSchema.js';
import {
  boardDocumentRecord,
  boardPageRecord,
  cardShapeId,
  cardShapeRecord,
  defaultBoardPageId,
  indicesAbove,
} from './cardRecords.js';
import { indexKeyProblem } from './shapeTree.js';

const schema = createBoardSchema();
const types = schema.types as unknown as Record<string, { validate(record: unknown): unknown }>;

function validate(record: { typeName: string }) {
  return types[record.typeName]?.validate(record);
}

describe('card records built without an editor', () => {
  it('are records the board schema accepts as they are', () => {
    expect(() => validate(boardPageRecord())).not.toThrow();
    expect(() => validate(boardDocumentRecord())).not.toThrow();
    const [first, second] = indicesAbove([], 2);
    const theme = cardShapeRecord(
      'theme',
      { id: cardShapeId('t1'), parentId: defaultBoardPageId, x: 0, y: 0, index: first! },
      { w: 600, h: 400, label: 'Mobilité' },
    );
    const observation = cardShapeRecord(
      'observation',
      { id: cardShapeId('o1'), parentId: theme.id, x: 40, y: 80, index: second! },
      {
        w: 260,
        h: 200,
        verbatim: 'Pas de car avant 7 h.',
        source: 'questionnaire',
        public: '',
        commune: '',
        date: '2026-04-02',
      },
    );
    const indicator = cardShapeRecord(
      'indicator',
      { id: cardShapeId('i1'), parentId: defaultBoardPageId, x: 0, y: 0, index: second! },
      {
        w: 240,
        h: 220,
        label: 'Taux de pauvreté',
        value: 12.8,
        unit: '%',
        territory: 'Rochebrune',
        year: 2021,
        source: 'Insee',
      },
    );
    for (const record of [theme, observation, indicator]) {
      expect(() => validate(record)).not.toThrow();
    }
  });

  it('gets index keys above every sibling, in order, all valid', () => {
    const siblings = ['a1', 'a5', 'a2V'];
    const keys = indicesAbove(siblings, 500);
    expect(keys).toHaveLength(500);
    expect(keys.every((k) => k > 'a5')).toBe(true);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(500);
    expect(keys.map(indexKeyProblem).filter(Boolean)).toEqual([]);
    expect(indicesAbove(siblings, 0)).toEqual([]);
    expect(indicesAbove([], 3).map(indexKeyProblem).filter(Boolean)).toEqual([]);
  });
});
