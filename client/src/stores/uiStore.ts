import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Language } from '../i18n/messages.js';

/**
 * UI state only — never document content (that lives in Y.Docs). The participant's identity
 * (id, name, colour) and language persist in localStorage so a person is recognised the next
 * time they open a board on the same device.
 */
export interface ProfileSlice {
  userId: string;
  displayName: string;
  color: string;
  language: Language;
  setDisplayName(name: string): void;
  setLanguage(language: Language): void;
}

/** Distinct, readable on white, and not red/green only (colour-blind participants). */
export const participantColors = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#bcbd22',
  '#393b79',
] as const;

function randomId(): string {
  return crypto.randomUUID();
}

export function colorForId(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return participantColors[hash % participantColors.length] as string;
}

function defaultLanguage(): Language {
  return typeof navigator !== 'undefined' && navigator.language?.startsWith('en') ? 'en' : 'fr';
}

export const useUiStore = create<ProfileSlice>()(
  persist(
    (set) => {
      const userId = randomId();
      return {
        userId,
        displayName: '',
        color: colorForId(userId),
        language: defaultLanguage(),
        setDisplayName: (displayName) => set({ displayName: displayName.slice(0, 60) }),
        setLanguage: (language) => set({ language }),
      };
    },
    {
      name: 'boussole.profile',
      storage: createJSONStorage(() => localStorage),
      version: 1,
    },
  ),
);
