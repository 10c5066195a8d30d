// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { useUiStore } from '../stores/uiStore.js';
import { catalogHook, catalogTranslate, formatMessage, isSingular } from './catalog.js';

afterEach(() => {
  cleanup();
  act(() => useUiStore.getState().setLanguage('fr'));
});

describe('formatMessage', () => {
  it('fills {name} placeholders, numbers and strings alike, as often as they appear', () => {
    expect(formatMessage('Vote en cours : {title}', { title: 'Priorités' }, 'fr')).toBe(
      'Vote en cours : Priorités',
    );
    expect(
      formatMessage('{used} / {max} caractères, {used} déjà', { used: 12, max: 400 }, 'fr'),
    ).toBe('12 / 400 caractères, 12 déjà');
    expect(formatMessage('Sans espace réservé.', { n: 3 }, 'en')).toBe('Sans espace réservé.');
  });

  it('writes only the word of {n:singular|plural}, so that the number may stand anywhere', () => {
    expect(formatMessage('{n} data {n:row|rows}', { n: 3 }, 'en')).toBe('3 data rows');
    expect(formatMessage('Révéler ({n} {n:carte|cartes})', { n: 2 }, 'fr')).toBe(
      'Révéler (2 cartes)',
    );
    // A form may hold commas and spaces: only `|` and `}` end it.
    expect(
      formatMessage('{n} {n:point en attente, envoyé|points en attente, envoyés}', { n: 1 }, 'fr'),
    ).toBe('1 point en attente, envoyé');
  });

  it('puts 0 and 1 in the singular in French', () => {
    const text = (n: number) => formatMessage('{n} {n:ligne ignorée|lignes ignorées}', { n }, 'fr');
    expect(text(0)).toBe('0 ligne ignorée');
    expect(text(1)).toBe('1 ligne ignorée');
    expect(text(2)).toBe('2 lignes ignorées');
    expect(text(12)).toBe('12 lignes ignorées');
    expect(isSingular(1.5, 'fr')).toBe(true);
  });

  it('puts only 1 in the singular in English', () => {
    const text = (n: number | string) => formatMessage('{n} {n:dot left|dots left}', { n }, 'en');
    expect(text(0)).toBe('0 dots left');
    expect(text(1)).toBe('1 dot left');
    expect(text('1')).toBe('1 dot left');
    expect(text(2)).toBe('2 dots left');
    expect(isSingular(1.5, 'en')).toBe(false);
  });

  it('leaves a placeholder whose value is missing empty, never shown as {name}', () => {
    expect(formatMessage('Vous suivez {name}.', {}, 'fr')).toBe('Vous suivez .');
    expect(formatMessage('{n} {n:carte|cartes}', {}, 'fr')).toBe(' ');
    expect(formatMessage('{a}-{b}', { a: 'x' }, 'en')).toBe('x-');
  });
});

const catalogs = {
  fr: { hello: 'Bonjour {name}', count: '{n} {n:carte|cartes}' },
  en: { hello: 'Hello {name}', count: '{n} {n:card|cards}' },
};

describe('catalogTranslate', () => {
  it('reads the key in the language asked, with that language’s plural', () => {
    const translate = catalogTranslate(catalogs);
    expect(translate('fr', 'count', { n: 0 })).toBe('0 carte');
    expect(translate('en', 'count', { n: 0 })).toBe('0 cards');
    expect(translate('en', 'hello', { name: 'Awa' })).toBe('Hello Awa');
  });
});

describe('catalogHook', () => {
  it('translates in the UI store’s language, the same function until the language changes', () => {
    const useT = catalogHook(catalogs);
    act(() => useUiStore.getState().setLanguage('fr'));
    const { result, rerender } = renderHook(() => useT());
    const first = result.current;
    expect(first('hello', { name: 'Awa' })).toBe('Bonjour Awa');
    expect(first('count', { n: 1 })).toBe('1 carte');
    rerender();
    expect(result.current).toBe(first);

    act(() => useUiStore.getState().setLanguage('en'));
    expect(result.current).not.toBe(first);
    expect(result.current('hello', { name: 'Awa' })).toBe('Hello Awa');
    expect(result.current('count', { n: 0 })).toBe('0 cards');
  });
});
