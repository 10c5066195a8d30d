import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime.js';

/** Intl puts no-break spaces between number and unit; the test reads them as spaces. */
const say = (iso: string, language: 'fr' | 'en', now: number) =>
  relativeTime(iso, language, now).replace(/[\u00a0\u202f]/g, ' ');

describe('relativeTime', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  it('says minutes, hours and days ago in French and English', () => {
    expect(say('2026-12-07T09:55:00Z', 'fr', now)).toBe('il y a 5 min');
    expect(say('2026-12-07T07:00:00Z', 'fr', now)).toBe('il y a 3 h');
    expect(say('2026-12-06T10:00:00Z', 'fr', now)).toBe('hier');
    expect(say('2026-12-07T09:55:00Z', 'en', now)).toBe('5 min ago');
  });
  it('gives the date past a week', () => {
    expect(say('2026-11-02T10:00:00Z', 'fr', now)).toBe('2 novembre 2026');
  });
});
