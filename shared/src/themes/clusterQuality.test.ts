import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, purity } from './clusterQuality.js';

describe('clustering quality measures', () => {
  it('purity: each cluster counts its majority class', () => {
    expect(purity(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1);
    // Cluster a holds x, x, y (majority 2); cluster b holds y, y, y (3): 5 of 6.
    expect(purity(['a', 'a', 'a', 'b', 'b', 'b'], ['x', 'x', 'y', 'y', 'y', 'y'])).toBeCloseTo(
      5 / 6,
    );
    // One cluster per item is trivially pure; one cluster for all is the largest class's share.
    expect(purity(['1', '2', '3', '4'], ['x', 'x', 'y', 'y'])).toBe(1);
    expect(purity(['a', 'a', 'a', 'a'], ['x', 'x', 'x', 'y'])).toBe(0.75);
  });

  it('adjusted Rand index matches hand-computed values', () => {
    expect(adjustedRandIndex(['0', '0', '1', '1'], ['0', '0', '1', '1'])).toBe(1);
    // Renaming clusters changes nothing.
    expect(adjustedRandIndex(['b', 'b', 'a', 'a'], ['0', '0', '1', '1'])).toBe(1);
    // Agreeing pairs 1; expected 1·2/6; maximum 1.5: (1 − 1/3) / (1.5 − 1/3) = 4/7.
    expect(adjustedRandIndex(['0', '0', '1', '2'], ['0', '0', '1', '1'])).toBeCloseTo(4 / 7);
    // Worse than chance: every pair put together is split in truth.
    expect(adjustedRandIndex(['0', '0', '1', '1'], ['0', '1', '0', '1'])).toBeCloseTo(-0.5);
    // Symmetric.
    expect(adjustedRandIndex(['0', '0', '1', '1'], ['0', '0', '1', '2'])).toBeCloseTo(4 / 7);
  });

  it('refuses partitions of different lengths', () => {
    expect(() => purity(['a'], ['x', 'y'])).toThrow();
    expect(() => adjustedRandIndex(['a'], ['x', 'y'])).toThrow();
  });
});
