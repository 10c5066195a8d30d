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
      };
    },
    {
      name: 'boussole.profile',
      storage: createJSONStorage(() => localStorage),
      version: 1,
    },
  ),
);
