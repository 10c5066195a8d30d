import { describe, expect, it } from 'vitest';
import { countText, en, fr, translate } from './searchMessages.js';

describe('the search bar’s words', () => {
  it('has every message in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const text of [...Object.values(fr), ...Object.values(en)]) expect(text).not.toBe('');
  });

  it('counts in French the French way: 0 and 1 in the singular', () => {
    const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
      translate('fr', key, values);
    expect(countText(t, 12, 72)).toBe('12 cartes sur 72');
    expect(countText(t, 1, 72)).toBe('1 carte sur 72');
    expect(countText(t, 0, 72)).toBe('0 carte sur 72');
    expect(countText((key, values) => translate('en', key, values), 12, 72)).toBe('12 of 72 cards');
  });
});
