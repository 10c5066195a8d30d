import { useCallback } from 'react';
import { useUiStore } from '../stores/uiStore.js';
import { catalogs, type MessageKey } from './messages.js';

/** The translation function for the current language; stable until the language changes. */
export function useT(): (key: MessageKey) => string {
  const language = useUiStore((s) => s.language);
  return useCallback((key: MessageKey) => catalogs[language][key], [language]);
}
