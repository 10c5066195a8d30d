import { describe, expect, it } from 'vitest';
import { en, fr, translate } from './importMessages.js';

describe('the import page’s messages', () => {
  it('say the same things in French and English, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const placeholders = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w+)[:}]/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it('fill their placeholders', () => {
    expect(translate('fr', 'create.submit', { n: 12 })).toBe('Créer 12 cartes');
    expect(translate('en', 'review.where', { line: 4, column: 'Réponse' })).toBe(
      'line 4, column “Réponse”',
    );
    expect(translate('fr', 'encoding.windows-1252')).toBe('Windows-1252 (Excel français)');
  });

  it('agree with their number, French taking 0 and 1 as singular', () => {
    expect(translate('fr', 'mapping.willSkip', { n: 1 })).toBe('1 ligne ignorée');
    expect(translate('fr', 'mapping.willSkip', { n: 0 })).toBe('0 ligne ignorée');
    expect(translate('fr', 'mapping.willSkip', { n: 12 })).toBe('12 lignes ignorées');
    expect(translate('en', 'mapping.willSkip', { n: 0 })).toBe('0 rows skipped');
    expect(translate('en', 'create.submit', { n: 1 })).toBe('Create 1 card');
    expect(translate('fr', 'create.done.observation', { n: 4, board: 'B' })).toBe(
      '4 observations ajoutées au tableau « B ».',
    );
  });
});
