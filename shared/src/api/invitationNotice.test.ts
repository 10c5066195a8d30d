import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INFORMATION_NOTICE,
  MAX_NOTICE_CHARS,
  noticeUpdateSchema,
  suggestPseudonym,
} from './invitationNotice.js';

describe('noticeUpdateSchema', () => {
  it('trims the text, allows null (back to the default) and nothing else', () => {
    expect(noticeUpdateSchema.parse({ text: '  Bonjour\n' })).toEqual({ text: 'Bonjour' });
    expect(noticeUpdateSchema.parse({ text: null })).toEqual({ text: null });
    expect(noticeUpdateSchema.safeParse({ text: ' \n ' }).success).toBe(false);
    expect(noticeUpdateSchema.safeParse({ text: 'x'.repeat(MAX_NOTICE_CHARS + 1) }).success).toBe(
      false,
    );
    expect(noticeUpdateSchema.safeParse({ text: 'a', extra: 1 }).success).toBe(false);
  });

  it('fits the default notice, which names what is kept, who sees names and erasure', () => {
    expect(noticeUpdateSchema.safeParse({ text: DEFAULT_INFORMATION_NOTICE }).success).toBe(true);
    expect(DEFAULT_INFORMATION_NOTICE).toMatch(/conservé/);
    expect(DEFAULT_INFORMATION_NOTICE).toMatch(/pseudonyme/);
    expect(DEFAULT_INFORMATION_NOTICE).toMatch(/effacer/);
  });
});

describe('suggestPseudonym', () => {
  it('picks a first name, or « Participant·e n » past the list', () => {
    expect(suggestPseudonym(() => 0)).toBe('Camille');
    const draws = [0.999, 0.06];
    expect(suggestPseudonym(() => draws.shift() ?? 0)).toBe('Participant·e 6');
  });
});
