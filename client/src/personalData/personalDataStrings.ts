import type { CardKind } from '@boussole/shared';
import { useUiStore } from '../stores/uiStore.js';
import { catalogHook, catalogTranslate, type Catalogs, type Translator } from '../i18n/catalog.js';
import type { Language } from '../i18n/messages.js';

/**
 * The review's own interface text, French first. Kept beside the review (not in the app's
 * catalogue) so that the import page and the board check share it without touching each other.
 */
const fr = {
  'review.summary': '{total} données personnelles trouvées · {decided} décidées sur {total}',
  'review.default.legend': 'Pour les éléments non décidés',
  'review.default.accept': 'remplacer par la proposition',
  'review.default.reject': 'garder le texte tel quel',
  'review.kind.count': '{total} · {replaced} remplacées, {kept} gardées',
  'review.kind.acceptAll': 'Tout accepter',
  'review.kind.rejectAll': 'Tout refuser',
  'review.item.accept': 'Remplacer par « {replacement} »',
  'review.item.edit': 'Remplacer par un autre texte',
  'review.item.editInput': 'Texte de remplacement',
  'review.item.reject': 'Garder tel quel',
  'review.item.undecided': 'non décidé',
  'review.item.locate': 'Voir la carte',
  'review.more': 'Afficher {count} de plus ({left} restantes)',
  'check.open': 'Vérifier les données personnelles',
  'check.title': 'Données personnelles sur ce tableau',
  'check.intro':
    'Noms, coordonnées, adresses, dates de naissance et numéros trouvés dans le texte des cartes. Rien n’est modifié avant « Appliquer ».',
  'check.none': 'Aucune donnée personnelle détectée.',
  'check.scanning': 'Recherche en cours…',
  'check.apply': 'Appliquer',
  'check.rescan': 'Vérifier à nouveau',
  'check.close': 'Fermer',
  'check.applied': '{count} remplacements appliqués sur {cards} cartes.',
  'check.stale':
    '{count} éléments n’ont pas été remplacés : leur carte a changé entre-temps. Vérifiez à nouveau.',
  'check.error': 'La vérification a échoué.',
  'check.importFile': 'Importer un fichier',
  'where.field': '{card} {n} · {field}',
  'where.card': '{card} {n}',
} as const;

export type PersonalDataMessageKey = keyof typeof fr;

const en: Record<PersonalDataMessageKey, string> = {
  'review.summary': '{total} pieces of personal data found · {decided} of {total} decided',
  'review.default.legend': 'For items not decided',
  'review.default.accept': 'replace with the proposal',
  'review.default.reject': 'keep the text as it is',
  'review.kind.count': '{total} · {replaced} replaced, {kept} kept',
  'review.kind.acceptAll': 'Accept all',
  'review.kind.rejectAll': 'Reject all',
  'review.item.accept': 'Replace with “{replacement}”',
  'review.item.edit': 'Replace with other text',
  'review.item.editInput': 'Replacement text',
  'review.item.reject': 'Keep as it is',
  'review.item.undecided': 'not decided',
  'review.item.locate': 'Show the card',
  'review.more': 'Show {count} more ({left} left)',
  'check.open': 'Check for personal data',
  'check.title': 'Personal data on this board',
  'check.intro':
    'Names, contact details, addresses, birth dates and numbers found in the cards’ text. Nothing changes before “Apply”.',
  'check.none': 'No personal data detected.',
  'check.scanning': 'Searching…',
  'check.apply': 'Apply',
  'check.rescan': 'Check again',
  'check.close': 'Close',
  'check.applied': '{count} replacements applied to {cards} cards.',
  'check.stale':
    '{count} items were not replaced: their card changed in the meantime. Check again.',
  'check.error': 'The check failed.',
  'check.importFile': 'Import a file',
  'where.field': '{card} {n} · {field}',
  'where.card': '{card} {n}',
};

export const personalDataCatalogs: Catalogs<PersonalDataMessageKey> = { fr, en };

/** Card kinds and the text fields the board check reads, as `where` names them. */
export const cardWords: Record<
  Language,
  { kinds: Record<CardKind, string>; fields: Record<string, string> }
> = {
  fr: {
    kinds: {
      observation: 'Observation',
      hypothesis: 'Hypothèse',
      indicator: 'Indicateur',
      theme: 'Thème',
      recommendation: 'Préconisation',
    },
    fields: {
      verbatim: 'verbatim',
      statement: 'énoncé',
      title: 'titre',
      description: 'description',
    },
  },
  en: {
    kinds: {
      observation: 'Observation',
      hypothesis: 'Hypothesis',
      indicator: 'Indicator',
      theme: 'Theme',
      recommendation: 'Recommendation',
    },
    fields: {
      verbatim: 'verbatim',
      statement: 'statement',
      title: 'title',
      description: 'description',
    },
  },
};

export type Translate = Translator<PersonalDataMessageKey>;

const translateIn = catalogTranslate(personalDataCatalogs);

/** The translation function for `language`, for code outside components (the board check). */
export function translate(language: Language): Translate {
  return (key, values) => translateIn(language, key, values);
}

const usePersonalDataTranslator = catalogHook(personalDataCatalogs);

/** The translation function for the current language, and that language (for dates, numbers). */
export function usePersonalDataT(): { t: Translate; language: Language } {
  const t = usePersonalDataTranslator();
  const language = useUiStore((s) => s.language);
  return { t, language };
}
