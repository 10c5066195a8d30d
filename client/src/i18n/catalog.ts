import { useCallback } from 'react';
import { useUiStore } from '../stores/uiStore.js';
import type { Language } from './messages.js';

/**
 * What the features' own message catalogues share (the vote's, the import page's, the search
 * bar's…): each keeps its text beside its components, French first, and gets its translation
 * function from here instead of writing its own formatting and hook.
 */

export type MessageValues = Record<string, string | number>;

/** A feature's text in both languages, the same keys in each. */
export type Catalogs<K extends string> = Record<Language, Record<K, string>>;

/** A feature's translation function: `key`'s text in the current language, filled in. */
export type Translator<K extends string> = (key: K, values?: MessageValues) => string;

/**
 * Whether `n` takes the singular: in French 0 and 1 do (and anything below 2, « 1,5 point »),
 * in English only 1.
 */
export function isSingular(n: number, language: Language): boolean {
  return language === 'fr' ? Math.abs(n) < 2 : n === 1;
}

/** `{name}` or `{name:singular|plural}`; the forms may hold anything but `|` and `}`. */
const PLACEHOLDER = /\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g;

/**
 * Fills a template's placeholders from `values`:
 * - `{name}` is replaced by `values.name`;
 * - `{n:singular|plural}` by the singular or the plural form, as `values.n` asks in `language`
 *   (see isSingular). Only the word is written, not the number, so that a language may put
 *   something between them: `'{n} {n:ligne|lignes} de données'` / `'{n} data {n:row|rows}'`.
 *
 * A placeholder whose value is missing is left empty: a gap in a sentence reads better than a
 * `{name}` shown to a participant.
 */
export function formatMessage(template: string, values: MessageValues, language: Language): string {
  return template.replace(
    PLACEHOLDER,
    (_whole, name: string, singular: string | undefined, plural: string | undefined) => {
      const value = values[name];
      if (value === undefined) return '';
      if (singular === undefined || plural === undefined) return String(value);
      return isSingular(Number(value), language) ? singular : plural;
    },
  );
}

/** Translation in a given language, for code outside components (and for tests). */
export function catalogTranslate<K extends string>(
  catalogs: Catalogs<K>,
): (language: Language, key: K, values?: MessageValues) => string {
  return (language, key, values = {}) => formatMessage(catalogs[language][key], values, language);
}

/**
 * A feature's `useXT()` hook: the translation function for the language chosen in the UI store,
 * the same function until the language changes (so that it may sit in effects' dependencies).
 */
export function catalogHook<K extends string>(catalogs: Catalogs<K>): () => Translator<K> {
  return function useCatalogT() {
    const language = useUiStore((s) => s.language);
    return useCallback<Translator<K>>(
      (key, values = {}) => formatMessage(catalogs[language][key], values, language),
      [language],
    );
  };
}
