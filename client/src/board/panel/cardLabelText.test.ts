import { describe, expect, it } from 'vitest';
import {
  cardEnumLabel,
  cardKinds,
  cardLabelsByLanguage,
  hypothesisStatuses,
  observationSources,
  recommendationPriorities,
} from '@boussole/shared';
import { cardText } from './cardLabelText.js';
import { cardFieldsByLanguage } from './cardFields.js';

describe('card labels in both languages', () => {
  it('names every kind and value in French and in English, never empty', () => {
    for (const language of ['fr', 'en'] as const) {
      const t = cardLabelsByLanguage[language];
      for (const kind of cardKinds) expect(t.kinds[kind]).not.toBe('');
      for (const s of observationSources) expect(cardEnumLabel(s, language)).toBeTruthy();
      for (const s of hypothesisStatuses) expect(cardEnumLabel(s, language)).toBeTruthy();
      for (const p of recommendationPriorities) expect(cardEnumLabel(p, language)).toBeTruthy();
    }
    expect(cardLabelsByLanguage.en.kinds.recommendation).toBe('Recommendation');
    expect(cardEnumLabel('a_verifier', 'fr')).toBe('À vérifier');
    expect(cardEnumLabel('a_verifier', 'en')).toBe('To check');
    expect(cardEnumLabel('entretien', 'en')).toBe('Interview');
    expect(cardEnumLabel('not-a-value', 'en')).toBeUndefined();
  });

  it('gives the panel English labels but the same stored values', () => {
    const fr = cardFieldsByLanguage.fr.hypothesis.find((f) => f.key === 'status');
    const en = cardFieldsByLanguage.en.hypothesis.find((f) => f.key === 'status');
    expect(fr?.label).toBe('Statut');
    expect(en?.label).toBe('Status');
    if (fr?.input !== 'select' || en?.input !== 'select') throw new Error('select expected');
    expect(en.options.map((o) => o.value)).toEqual(fr.options.map((o) => o.value));
    expect(en.options.map((o) => o.label)).toEqual([
      'To check',
      'Confirmed',
      'Refuted',
      'Qualified',
    ]);
    for (const kind of cardKinds) {
      expect(cardFieldsByLanguage.en[kind].map((f) => f.key)).toEqual(
        cardFieldsByLanguage.fr[kind].map((f) => f.key),
      );
    }
    const commune = cardFieldsByLanguage.en.observation.find((f) => f.key === 'commune');
    expect(commune).toMatchObject({ label: 'Municipality', input: 'vocabulary', list: 'communes' });
  });

  it('turns the French words cards show into English, and leaves typed text alone', () => {
    expect(cardText('Hypothèse', 'en')).toBe('Hypothesis');
    expect(cardText('Préconisation', 'en')).toBe('Recommendation');
    expect(cardText('Micro-trottoir', 'en')).toBe('Street interview');
    expect(cardText('Confirmée', 'en')).toBe('Confirmed');
    expect(cardText('Priorité haute', 'en')).toBe('High priority');
    expect(cardText('Commune', 'en')).toBe('Municipality');
    expect(cardText('Double-cliquez pour saisir le verbatim', 'en')).toBe(
      'Double-click to enter the verbatim',
    );
    expect(cardText('Hypothèse', 'fr')).toBe('Hypothèse');
    expect(cardText('Mon loyer a doublé', 'en')).toBe('Mon loyer a doublé');
  });
});
