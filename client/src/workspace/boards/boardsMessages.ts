import type { BoardStep, CardKind } from '@boussole/shared';
import { catalogHook, isSingular, type Catalogs, type Translator } from '../../i18n/catalog.js';
import type { Language } from '../../i18n/messages.js';

/**
 * The workspace page's board text, French first, kept beside its components (like
 * imports/importMessages.ts). `{name}` placeholders are filled from values.
 */
export const fr = {
  'step.representations': 'Représentations',
  'step.hypotheses': 'Hypothèses',
  'step.enquete': 'Enquête',
  'step.analyse': 'Analyse',
  'step.preconisations': 'Préconisations',
  'step.rapport': 'Rapport',
  'step.autres': 'Autres',
  'group.empty': 'Aucun tableau à cette étape.',
  'group.archived': 'Archivés ({n})',
  'tile.empty': 'Aucune carte',
  'tile.changed': 'modifié {when}',
  'tile.present': 'Présent·es : {names}',
  'tile.nobody': 'Personne en ce moment',
  'tile.archived': 'archivé',
  'menu.label': 'Actions — {title}',
  'menu.rename': 'Renommer',
  'menu.step': 'Changer d’étape',
  'menu.archive': 'Archiver',
  'menu.unarchive': 'Désarchiver',
  'menu.settings': 'Paramètres',
  'menu.delete': 'Supprimer',
  'rename.title': 'Renommer « {title} »',
  'rename.field': 'Nouveau titre',
  'step.title': 'Étape de « {title} »',
  'step.field': 'Étape de l’ABS',
  save: 'Enregistrer',
  cancel: 'Annuler',
  close: 'Fermer',
  'settings.title': 'Paramètres de « {title} »',
  'settings.danger': 'Actions irréversibles',
  'settings.purgeAbout':
    'Purger l’historique efface ce qui a été supprimé du tableau mais reste dans son historique (RGPD).',
  'delete.title': 'Supprimer « {title} »',
  'delete.about':
    'Le tableau, ses cartes, son historique et ses versions seront effacés définitivement. Tapez son titre pour confirmer.',
  'delete.field': 'Titre du tableau',
  'delete.confirm': 'Supprimer définitivement',
  'report.settings': 'Paramètres du rapport',
} as const;

export type BoardsMessageKey = keyof typeof fr;

export const en: Record<BoardsMessageKey, string> = {
  'step.representations': 'Perceptions',
  'step.hypotheses': 'Hypotheses',
  'step.enquete': 'Survey',
  'step.analyse': 'Analysis',
  'step.preconisations': 'Recommendations',
  'step.rapport': 'Report',
  'step.autres': 'Other',
  'group.empty': 'No board at this step.',
  'group.archived': 'Archived ({n})',
  'tile.empty': 'No cards',
  'tile.changed': 'changed {when}',
  'tile.present': 'Here now: {names}',
  'tile.nobody': 'Nobody right now',
  'tile.archived': 'archived',
  'menu.label': 'Actions — {title}',
  'menu.rename': 'Rename',
  'menu.step': 'Change step',
  'menu.archive': 'Archive',
  'menu.unarchive': 'Unarchive',
  'menu.settings': 'Settings',
  'menu.delete': 'Delete',
  'rename.title': 'Rename “{title}”',
  'rename.field': 'New title',
  'step.title': 'Step of “{title}”',
  'step.field': 'ABS step',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  'settings.title': 'Settings of “{title}”',
  'settings.danger': 'Irreversible actions',
  'settings.purgeAbout':
    'Purging the history erases what was deleted from the board but remains in its history (GDPR).',
  'delete.title': 'Delete “{title}”',
  'delete.about':
    'The board, its cards, its history and its versions will be erased for good. Type its title to confirm.',
  'delete.field': 'Board title',
  'delete.confirm': 'Delete for good',
  'report.settings': 'Report settings',
};

const catalogs: Catalogs<BoardsMessageKey> = { fr, en };

export type BoardsT = Translator<BoardsMessageKey>;

export const useBoardsT = catalogHook(catalogs);

export const stepKey = (step: BoardStep) => `step.${step}` as BoardsMessageKey;

/** Card kinds as counted on a tile: singular and plural, in order of the ABS's work. */
const cardWords: Record<Language, Record<CardKind, [string, string]>> = {
  fr: {
    observation: ['observation', 'observations'],
    hypothesis: ['hypothèse', 'hypothèses'],
    indicator: ['indicateur', 'indicateurs'],
    theme: ['thème', 'thèmes'],
    recommendation: ['préconisation', 'préconisations'],
  },
  en: {
    observation: ['observation', 'observations'],
    hypothesis: ['hypothesis', 'hypotheses'],
    indicator: ['indicator', 'indicators'],
    theme: ['theme', 'themes'],
    recommendation: ['recommendation', 'recommendations'],
  },
};

/** « 72 observations · 3 thèmes », kinds with no card left out; '' when there are none. */
export function cardCountsText(counts: Record<string, number>, language: Language): string {
  const words = cardWords[language];
  return (Object.keys(words) as CardKind[])
    .filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) => {
      const n = counts[kind] ?? 0;
      return `${n} ${words[kind][isSingular(n, language) ? 0 : 1]}`;
    })
    .join(' · ');
}
