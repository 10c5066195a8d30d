import { describe, expect, it } from 'vitest';
import { fileSize } from './fileSize.js';

describe('fileSize', () => {
  it('reads in each language’s units and decimal mark', () => {
    expect(fileSize(836, 'fr')).toBe('836 o');
    expect(fileSize(12_300, 'fr')).toBe('12 Kio');
    expect(fileSize(3.4 * 1024 * 1024, 'fr')).toBe('3,4 Mio');
    expect(fileSize(3.4 * 1024 * 1024, 'en')).toBe('3.4 MiB');
    expect(fileSize(836, 'en')).toBe('836 B');
  });
});
