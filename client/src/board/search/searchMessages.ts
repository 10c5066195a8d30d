import type { HypothesisStatus, ObservationSource } from '@boussole/shared';
import {
  catalogHook,
  catalogTranslate,
  type Catalogs,
  type Translator,
} from '../../i18n/catalog.js';
import type { SearchableKind } from './cardIndex.js';

/**
 * The search bar's own text, French first, kept beside it rather than in the app's catalogue.
 * `{name}` placeholders are filled by the translation function.
 */
export const fr = {
  'search.region': 'Recherche et filtres',
  'search.input': 'Rechercher dans les cartes',
  'search.placeholder': 'Rechercher… (Ctrl+F)',
  'search.filters': 'Filtres',
  'search.filtersActive': 'Filtres ({count})',
  'search.count.one': '{count} carte sur {total}',
  'search.count.many': '{count} cartes sur {total}',
  'search.position': 'résultat {position} sur {count}',
  'search.zoom': 'Zoomer sur les résultats',
  'search.previous': 'Précédent',
  'search.next': 'Suivant',
  'search.clear': 'Effacer',
  'filter.kind': 'Type de carte',
  'filter.source': 'Source',
  'filter.public': 'Public',
  'filter.commune': 'Commune',
  'filter.from': 'Du',
  'filter.to': 'Au',
  'filter.theme': 'Thème',
  'filter.status': 'Statut (hypothèses)',
  'filter.any': 'Tous',
  'filter.anyFeminine': 'Toutes',
  'filter.unthemed': 'Sans thème',
  'filter.untitledTheme': 'Thème sans titre',
  'kind.observation': 'Observation',
  'kind.hypothesis': 'Hypothèse',
  'kind.indicator': 'Indicateur',
  'kind.recommendation': 'Préconisation',
  'source.entretien': 'Entretien',
  'source.questionnaire': 'Questionnaire',
  'source.atelier': 'Atelier',
  'source.permanence': 'Permanence',
  'source.micro-trottoir': 'Micro-trottoir',
  'status.a_verifier': 'À vérifier',
  'status.confirmee': 'Confirmée',
  'status.infirmee': 'Infirmée',
  'status.nuancee': 'Nuancée',
} as const;

export type SearchMessageKey = keyof typeof fr;

export const en: Record<SearchMessageKey, string> = {
  'search.region': 'Search and filters',
  'search.input': 'Search the cards',
  'search.placeholder': 'Search… (Ctrl+F)',
  'search.filters': 'Filters',
  'search.filtersActive': 'Filters ({count})',
  'search.count.one': '{count} of {total} cards',
  'search.count.many': '{count} of {total} cards',
  'search.position': 'result {position} of {count}',
  'search.zoom': 'Zoom to results',
  'search.previous': 'Previous',
  'search.next': 'Next',
  'search.clear': 'Clear',
  'filter.kind': 'Card type',
  'filter.source': 'Source',
  'filter.public': 'Public',
  'filter.commune': 'Commune',
  'filter.from': 'From',
  'filter.to': 'To',
  'filter.theme': 'Theme',
  'filter.status': 'Status (hypotheses)',
  'filter.any': 'All',
  'filter.anyFeminine': 'All',
  'filter.unthemed': 'No theme',
  'filter.untitledTheme': 'Untitled theme',
  'kind.observation': 'Observation',
  'kind.hypothesis': 'Hypothesis',
  'kind.indicator': 'Indicator',
  'kind.recommendation': 'Recommendation',
  'source.entretien': 'Interview',
  'source.questionnaire': 'Questionnaire',
  'source.atelier': 'Workshop',
  'source.permanence': 'Drop-in session',
  'source.micro-trottoir': 'Street interview',
  'status.a_verifier': 'To be checked',
  'status.confirmee': 'Confirmed',
  'status.infirmee': 'Refuted',
  'status.nuancee': 'Qualified',
};

export const searchCatalogs: Catalogs<SearchMessageKey> = { fr, en };

export type SearchT = Translator<SearchMessageKey>;

export const translate = catalogTranslate(searchCatalogs);

/** The search bar's translation function for the current language. */
export const useSearchT = catalogHook(searchCatalogs);

/** "12 cartes sur 72": French puts 0 and 1 in the singular. */
export function countText(t: SearchT, count: number, total: number): string {
  return t(count <= 1 ? 'search.count.one' : 'search.count.many', { count, total });
}

export const kindKey = (kind: SearchableKind): SearchMessageKey => `kind.${kind}`;
export const sourceKey = (source: ObservationSource): SearchMessageKey => `source.${source}`;
export const statusKey = (status: HypothesisStatus): SearchMessageKey => `status.${status}`;
