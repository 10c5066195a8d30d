import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { colorForId } from '@boussole/shared';
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
  /** Writes the profile to storage as it is (see onRehydrateStorage below). */
  remember(): void;
}

function randomId(): string {
  return crypto.randomUUID();
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
        remember: () => set({}),
      };
    },
    {
      name: 'boussole.profile',
      storage: createJSONStorage(() => localStorage),
      version: 1,
      // zustand writes only after a change: on a first visit the random id (and the colour drawn
      // from it) would stay in memory, and every reload would draw another until a setting
      // changed. Writing once after loading keeps them from the first visit on.
      onRehydrateStorage: () => (state) => state?.remember(),
    },
  ),
);
