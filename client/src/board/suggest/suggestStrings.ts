import { catalogHook, type Catalogs, type Translator } from '../../i18n/catalog.js';

/**
 * The theme suggestions' own interface text, French first, kept beside the panel rather than
 * in the app's catalogue. `{name}` placeholders are filled by the translation function.
 */
const fr = {
  'suggest.open': 'Suggérer des thèmes',
  'suggest.title': 'Thèmes suggérés',
  'suggest.close': 'Fermer',
  'suggest.intro':
    'Des regroupements des observations qui ne sont dans aucun thème, d’après les mots qu’elles partagent. Calculés sur cet appareil : rien n’est envoyé ailleurs. Rien ne change sur le tableau avant « Créer ce thème ».',
  'suggest.recompute': 'Recalculer',
  'suggest.none': 'Aucune observation hors thème : rien à regrouper.',
  'suggest.noGroup':
    'Aucun regroupement trouvé : ces observations ne partagent pas assez de vocabulaire.',
  'suggest.summary': '{groups} thèmes suggérés pour {cards} observations hors thème',
  'suggest.list': 'Suggestions',
  'suggest.label': 'Nom du thème',
  'suggest.count.one': '1 observation',
  'suggest.count.many': '{n} observations',
  'suggest.showAll': 'Afficher les {n} verbatims',
  'suggest.showFewer': 'Afficher moins',
  'suggest.accept': 'Créer ce thème',
  'suggest.dismiss': 'Ignorer',
  'suggest.accepted': 'Thème « {label} » créé avec {n} observations.',
  'suggest.dismissed': 'Suggestion « {label} » ignorée.',
  'suggest.stale':
    'Ces observations ont été déplacées ou supprimées entre-temps : recalculez les suggestions.',
  'suggest.ungrouped': 'Non regroupées : {n}',
  'suggest.emptyVerbatim': '(verbatim vide)',
  'suggest.untitled': 'Thème sans nom',
} as const;

export type SuggestMessageKey = keyof typeof fr;

const en: Record<SuggestMessageKey, string> = {
  'suggest.open': 'Suggest themes',
  'suggest.title': 'Suggested themes',
  'suggest.close': 'Close',
  'suggest.intro':
    'Groups of the observations that are in no theme, by the words they share. Computed on this device: nothing is sent anywhere. Nothing changes on the board before “Create this theme”.',
  'suggest.recompute': 'Compute again',
  'suggest.none': 'Every observation is in a theme: nothing to group.',
  'suggest.noGroup': 'No group found: these observations do not share enough vocabulary.',
  'suggest.summary': '{groups} themes suggested for {cards} observations in no theme',
  'suggest.list': 'Suggestions',
  'suggest.label': 'Theme name',
  'suggest.count.one': '1 observation',
  'suggest.count.many': '{n} observations',
  'suggest.showAll': 'Show the {n} verbatims',
  'suggest.showFewer': 'Show fewer',
  'suggest.accept': 'Create this theme',
  'suggest.dismiss': 'Dismiss',
  'suggest.accepted': 'Theme “{label}” created with {n} observations.',
  'suggest.dismissed': 'Suggestion “{label}” dismissed.',
  'suggest.stale':
    'These observations were moved or deleted in the meantime: compute the suggestions again.',
  'suggest.ungrouped': 'Not grouped: {n}',
  'suggest.emptyVerbatim': '(empty verbatim)',
  'suggest.untitled': 'Untitled theme',
};

export const suggestCatalogs: Catalogs<SuggestMessageKey> = { fr, en };

export type SuggestT = Translator<SuggestMessageKey>;

/** The panel's translation function for the current language. */
export const useSuggestT = catalogHook(suggestCatalogs);
