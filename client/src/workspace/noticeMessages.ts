import { catalogHook, type Catalogs, type Translator } from '../i18n/catalog.js';

/**
 * The notice section's own text, French first, beside its component (like
 * boards/boardsMessages.ts). `{name}` placeholders are filled from values.
 */
export const fr = {
  title: 'Notice d’information des invités',
  about:
    'Les personnes invitées lisent ce texte sur la page d’invitation avant de donner leur nom : qui conserve leurs contributions, qui voit leur nom, comment demander l’effacement (RGPD).',
  field: 'Texte de la notice (un paragraphe par ligne vide)',
  default: 'Texte par défaut de Boussole.',
  custom: 'Texte propre à cet espace, modifié le {when}.',
  hint: '{used} / {max} caractères.',
  save: 'Enregistrer',
  reset: 'Revenir au texte par défaut',
  saved: 'Notice enregistrée : les invités liront ce texte.',
  resetDone: 'Les invités liront de nouveau le texte par défaut.',
} as const;

export type NoticeMessageKey = keyof typeof fr;

export const en: Record<NoticeMessageKey, string> = {
  title: 'Guests’ information notice',
  about:
    'Invited people read this text on the invitation page before giving their name: who keeps their contributions, who sees their name, how to ask for erasure (GDPR).',
  field: 'Text of the notice (one paragraph per blank line)',
  default: 'Boussole’s default text.',
  custom: 'This workspace’s own text, changed on {when}.',
  hint: '{used} / {max} characters.',
  save: 'Save',
  reset: 'Go back to the default text',
  saved: 'Notice saved: guests will read this text.',
  resetDone: 'Guests will read the default text again.',
};

const catalogs: Catalogs<NoticeMessageKey> = { fr, en };

export type NoticeT = Translator<NoticeMessageKey>;

export const useNoticeT = catalogHook(catalogs);
