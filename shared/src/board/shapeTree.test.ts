import { describe, expect, it } from 'vitest';
import { getIndicesBetween, getIndexAbove, type IndexKey } from '@tldraw/utils';
import {
  bindingEndProblem,
  followParentChain,
  indexKeyProblem,
  MAX_INDEX_LENGTH,
  type TreeRecord,
} from './shapeTree.js';

const page = { id: 'page:p', typeName: 'page' };
const shape = (id: string, parentId: string) => ({ id, typeName: 'shape', parentId });

function lookupOf(...records: TreeRecord[]) {
  const byId = new Map(records.map((record) => [record.id as string, record]));
  return (id: string) => byId.get(id);
}

describe('followParentChain', () => {
  it('reaches the page through nested shapes', () => {
    const lookup = lookupOf(page, shape('shape:f', 'page:p'), shape('shape:c', 'shape:f'));
    expect(followParentChain('shape:c', lookup)).toEqual({ kind: 'page' });
  });

  it('finds self, pair and longer cycles, with their members', () => {
    expect(followParentChain('shape:a', lookupOf(page, shape('shape:a', 'shape:a')))).toEqual({
      kind: 'cycle',
      cycle: ['shape:a'],
    });
    const pair = lookupOf(page, shape('shape:a', 'shape:b'), shape('shape:b', 'shape:a'));
    expect(followParentChain('shape:a', pair)).toEqual({
      kind: 'cycle',
      cycle: ['shape:a', 'shape:b'],
    });
    // Entering a loop from outside it: the loop's members, not the way in.
    const longer = lookupOf(
      page,
      shape('shape:in', 'shape:a'),
      shape('shape:a', 'shape:b'),
      shape('shape:b', 'shape:c'),
      shape('shape:c', 'shape:a'),
    );
    expect(followParentChain('shape:in', longer)).toEqual({
      kind: 'cycle',
      cycle: ['shape:a', 'shape:b', 'shape:c'],
    });
  });

  it('names where the chain breaks: a missing parent, or one that is no page or shape', () => {
    const lookup = lookupOf(
      page,
      shape('shape:a', 'shape:b'),
      shape('shape:b', 'shape:gone'),
      shape('shape:c', 'binding:x'),
      { id: 'binding:x', typeName: 'binding' },
      { id: 'shape:d', typeName: 'shape' },
    );
    expect(followParentChain('shape:a', lookup)).toEqual({
      kind: 'missing',
      from: 'shape:b',
      parentId: 'shape:gone',
    });
    expect(followParentChain('shape:c', lookup)).toMatchObject({
      kind: 'missing',
      from: 'shape:c',
    });
    expect(followParentChain('shape:d', lookup)).toMatchObject({
      kind: 'missing',
      parentId: undefined,
    });
  });

  it('stops at shapes known to reach a page and remembers the ones it crossed', () => {
    const records: TreeRecord[] = [page, shape('shape:0', 'page:p')];
    for (let i = 1; i < 500; i++) records.push(shape(`shape:${i}`, `shape:${i - 1}`));
    let reads = 0;
    const byId = lookupOf(...records);
    const lookup = (id: string) => {
      reads++;
      return byId(id);
    };
    const known = new Set<string>();
    expect(followParentChain('shape:499', lookup, known)).toEqual({ kind: 'page' });
    expect(known.size).toBe(500);
    reads = 0;
    // Every other shape of the chain now costs nothing.
    for (let i = 0; i < 499; i++)
      expect(followParentChain(`shape:${i}`, lookup, known).kind).toBe('page');
    expect(reads).toBe(0);
  });
});

describe('bindingEndProblem', () => {
  const lookup = lookupOf(page, shape('shape:a', 'page:p'), shape('shape:b', 'page:p'));
  it('accepts a binding between two shapes and names a missing end', () => {
    expect(bindingEndProblem({ fromId: 'shape:a', toId: 'shape:b' }, lookup)).toBeUndefined();
    expect(bindingEndProblem({ fromId: 'shape:a', toId: 'shape:x' }, lookup)).toEqual({
      field: 'toId',
      id: 'shape:x',
    });
    expect(bindingEndProblem({ fromId: 'page:p', toId: 'shape:b' }, lookup)).toEqual({
      field: 'fromId',
      id: 'page:p',
    });
  });
});

describe('indexKeyProblem', () => {
  it('accepts what tldraw generates, jittered or not', () => {
    let index = 'a1' as IndexKey;
    for (let i = 0; i < 50; i++) {
      expect(indexKeyProblem(index)).toBeUndefined();
      index = getIndexAbove(index);
    }
    for (const key of getIndicesBetween('a1' as IndexKey, 'a1V' as IndexKey, 50))
      expect(indexKeyProblem(key)).toBeUndefined();
    for (const key of ['a0', 'a1', 'a1V', 'Zz', 'b10', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzV'])
      expect(indexKeyProblem(key), key).toBeUndefined();
  });

  it('refuses what tldraw would only half-check: other digits, bad integer parts, trailing zeros', () => {
    for (const key of [
      '',
      'a1!',
      'aé',
      'a1 ',
      '1a',
      'a',
      'c1',
      'a10',
      `A${'0'.repeat(26)}`,
      `a1${'V'.repeat(MAX_INDEX_LENGTH)}`,
      7,
      undefined,
    ])
      expect(indexKeyProblem(key), String(key)).toBeDefined();
  });
});
