import type { HypothesisStatus, ObservationSource } from '@boussole/shared';
import type { CardIndex, IndexedCard, SearchableKind } from './cardIndex.js';
import { normaliseText, queryTerms } from './normaliseText.js';

/** What a person asked for. '' means "any" in every field. */
export interface CardFilters {
  kind: SearchableKind | '';
  source: ObservationSource | '';
  /** Compared with the card's public and commune once both are normalised. */
  public: string;
  commune: string;
  /** Inclusive day bounds, `yyyy-mm-dd`. */
  from: string;
  to: string;
  /** A theme's id, or `none` for cards in no theme. */
  theme: string;
  status: HypothesisStatus | '';
}

export const noFilters: Readonly<CardFilters> = {
  kind: '',
  source: '',
  public: '',
  commune: '',
  from: '',
  to: '',
  theme: '',
  status: '',
};

export const unthemed = 'none';

export function activeFilterCount(filters: CardFilters): number {
  return Object.values(filters).filter((value) => value !== '').length;
}

/** True when the board should show only some cards: a word typed or a filter chosen. */
export function isSearchActive(query: string, filters: CardFilters): boolean {
  return queryTerms(query).length > 0 || activeFilterCount(filters) > 0;
}

/** One test per active criterion, built once per query so the scan only runs these. */
function criteria(query: string, filters: CardFilters): ((card: IndexedCard) => boolean)[] {
  const tests: ((card: IndexedCard) => boolean)[] = [];
  const terms = queryTerms(query);
  if (terms.length > 0) tests.push((card) => terms.every((term) => card.text.includes(term)));
  const { kind, source, status, from, to, theme } = filters;
  if (kind) tests.push((card) => card.kind === kind);
  if (source) tests.push((card) => card.source === source);
  if (status) tests.push((card) => card.status === status);
  const publicKey = normaliseText(filters.public);
  if (publicKey) tests.push((card) => card.publicKey === publicKey);
  const communeKey = normaliseText(filters.commune);
  if (communeKey) tests.push((card) => card.communeKey === communeKey);
  // A card without a date is outside any date range: nobody can say it falls in it.
  if (from) tests.push((card) => card.date !== '' && card.date >= from);
  if (to) tests.push((card) => card.date !== '' && card.date <= to);
  if (theme === unthemed) tests.push((card) => card.themeIds.length === 0);
  else if (theme) tests.push((card) => card.themeIds.includes(theme));
  return tests;
}

/** The ids of the cards that meet every criterion, in the index's order. */
export function matchCards(index: CardIndex, query: string, filters: CardFilters): string[] {
  const tests = criteria(query, filters);
  const matches: string[] = [];
  for (const card of index.cards) {
    if (tests.every((test) => test(card))) matches.push(card.id);
  }
  return matches;
}
