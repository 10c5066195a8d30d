import { describe, expect, it } from 'vitest';
import { formatDay } from './formatDay.js';

describe('formatDay', () => {
  it('writes a period’s days as French readers do, whatever the time zone', () => {
    expect(formatDay('2026-01-15', 'fr')).toBe('15/01/2026');
    expect(formatDay('2026-11-30', 'en')).toBe('30 Nov 2026');
    expect(formatDay('not a day', 'fr')).toBe('not a day');
  });
});
