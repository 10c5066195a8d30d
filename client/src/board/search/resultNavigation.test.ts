import { describe, expect, it } from 'vitest';
import { readingOrder, stepResult } from './resultNavigation.js';

describe('moving between results', () => {
  it('reads the board row by row, left to right, even when tops differ slightly', () => {
    expect(
      readingOrder([
        { id: 'row2-left', x: 0, y: 300 },
        { id: 'row1-right', x: 600, y: 0 },
        { id: 'row1-left', x: 0, y: 12 },
        { id: 'row1-middle', x: 300, y: 30 },
        { id: 'row2-right', x: 500, y: 290 },
      ]),
    ).toEqual(['row1-left', 'row1-middle', 'row1-right', 'row2-left', 'row2-right']);
  });

  it('starts at the first (or last) result when nothing of them is selected', () => {
    expect(stepResult(['a', 'b', 'c'], undefined, 1)).toBe('a');
    expect(stepResult(['a', 'b', 'c'], 'elsewhere', -1)).toBe('c');
    expect(stepResult([], undefined, 1)).toBeUndefined();
  });

  it('goes on from the selected result and wraps around at either end', () => {
    expect(stepResult(['a', 'b', 'c'], 'a', 1)).toBe('b');
    expect(stepResult(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(stepResult(['a', 'b', 'c'], 'a', -1)).toBe('c');
    expect(stepResult(['a', 'b', 'c'], 'b', -1)).toBe('a');
  });
});
