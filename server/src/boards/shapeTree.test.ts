import { describe, expect, it } from 'vitest';
import type { TreeRecord } from '@boussole/shared';
import { judgeTreeChange, ShapeTreeIndex } from './shapeTree.js';

/**
 * The tree rules on plain records: a board's accepted state, one update's changes (`undefined`:
 * removed), and the records other rules already refused.
 */

const page = { id: 'page:p', typeName: 'page' };
const shape = (id: string, parentId = 'page:p'): TreeRecord => ({
  id,
  typeName: 'shape',
  parentId,
});
const binding = (id: string, fromId: string, toId: string): TreeRecord => ({
  id,
  typeName: 'binding',
  fromId,
  toId,
});

function judge(
  acceptedRecords: TreeRecord[],
  changes: Record<string, TreeRecord | undefined>,
  refused: string[] = [],
) {
  const accepted = new Map(acceptedRecords.map((r) => [r.id as string, r]));
  const index = new ShapeTreeIndex();
  for (const [id, record] of accepted) index.replace(id, undefined, record);
  let lookups = 0;
  const refusals = judgeTreeChange({
    touched: new Set(Object.keys(changes)),
    current: (id) => {
      lookups++;
      return changes[id];
    },
    accepted: (id) => {
      lookups++;
      return accepted.get(id);
    },
    index,
    refused: new Set(refused),
  });
  return { refusals, ids: refusals.map((r) => r.id).sort(), lookups };
}

describe('judgeTreeChange', () => {
  it('reads only around what the update touched, however large the board', () => {
    const board: TreeRecord[] = [page];
    for (let i = 0; i < 2000; i++)
      board.push(shape(`shape:${i}`, i % 20 === 0 ? 'page:p' : `shape:${i - (i % 20)}`));
    const { ids, lookups } = judge(board, { 'shape:7': shape('shape:7', 'shape:40') });
    expect(ids).toEqual([]);
    expect(lookups).toBeLessThan(20);
    // Removing a theme with its 19 cards reads about those 20 records, not the board.
    const removal: Record<string, undefined> = {};
    for (let i = 40; i < 60; i++) removal[`shape:${i}`] = undefined;
    const removed = judge(board, removal);
    expect(removed.ids).toEqual([]);
    expect(removed.lookups).toBeLessThan(200);
  });

  it('refuses everything that hung from a refused new shape, down a long chain', () => {
    const changes: Record<string, TreeRecord> = {};
    for (let i = 0; i < 500; i++)
      changes[`shape:n${i}`] = shape(`shape:n${i}`, i === 0 ? 'page:p' : `shape:n${i - 1}`);
    changes['binding:b'] = binding('binding:b', 'shape:n499', 'shape:n250');
    // The root is refused by another rule (its props, say): nothing of the chain can stay.
    const { ids, lookups } = judge([page], changes, ['shape:n0']);
    expect(ids).toHaveLength(500);
    expect(ids).toContain('binding:b');
    expect(lookups).toBeLessThan(100_000);
  });

  it('restores a removed theme when a card refused elsewhere goes back into it', () => {
    const board = [page, shape('shape:t'), shape('shape:c', 'shape:t')];
    const { refusals } = judge(
      board,
      { 'shape:t': undefined, 'shape:c': shape('shape:c', 'shape:t') },
      ['shape:c'],
    );
    expect(refusals).toEqual([{ id: 'shape:t', detail: expect.stringContaining('shape:c') }]);
  });

  it('restores a removed shape that a binding left by the update still joins', () => {
    const board = [
      page,
      shape('shape:a'),
      shape('shape:b'),
      binding('binding:x', 'shape:a', 'shape:b'),
    ];
    expect(judge(board, { 'shape:b': undefined }).ids).toEqual(['shape:b']);
    expect(judge(board, { 'shape:b': undefined, 'binding:x': undefined }).ids).toEqual([]);
    // A binding moved onto a shape the same update removes: the binding goes back instead.
    expect(
      judge([...board, shape('shape:c')], {
        'shape:c': undefined,
        'binding:x': binding('binding:x', 'shape:a', 'shape:c'),
      }).ids,
    ).toEqual(['binding:x']);
  });

  it('leaves alone a cycle or a dangling parent the board held before, refusing only new ones', () => {
    const legacy = [
      page,
      shape('shape:a', 'shape:b'),
      shape('shape:b', 'shape:a'),
      shape('shape:o', 'shape:gone'),
      shape('shape:c'),
    ];
    expect(judge(legacy, { 'shape:c': shape('shape:c') }).ids).toEqual([]);
    // Hanging a card under the old loop or the orphan is not this update's fault either.
    expect(judge(legacy, { 'shape:c': shape('shape:c', 'shape:a') }).ids).toEqual([]);
    expect(judge(legacy, { 'shape:c': shape('shape:c', 'shape:o') }).ids).toEqual([]);
    // Closing a new loop through the old one is.
    expect(judge(legacy, { 'shape:c': shape('shape:c', 'shape:c') }).ids).toEqual(['shape:c']);
    // Undoing the loop is an ordinary edit.
    expect(judge(legacy, { 'shape:a': shape('shape:a') }).ids).toEqual([]);
  });
});
