import type { CardLabelLanguage } from '@boussole/shared';
import type { ColumnField, SortField } from './arrangeOrder.js';

/** The « Ranger » controls' words, French first. */
export const arrangeText = {
  fr: {
    arrange: 'Ranger',
    sortBy: 'Trier par',
    sortFields: {
      commune: 'par commune',
      public: 'par public',
      date: 'par date',
      current: 'dans l’ordre actuel',
    } satisfies Record<SortField, string>,
    boardActions: 'Ranger le tableau',
    arrangeUnthemed: 'Ranger les observations non classées',
    columnsBy: 'Ranger tout le tableau en colonnes par',
    columnFields: {
      commune: 'commune',
      public: 'public',
      source: 'source',
    } satisfies Record<ColumnField, string>,
    arrangeColumns: 'Ranger en colonnes',
  },
  en: {
    arrange: 'Arrange',
    sortBy: 'Sort by',
    sortFields: {
      commune: 'by municipality',
      public: 'by target group',
      date: 'by date',
      current: 'in the current order',
    } satisfies Record<SortField, string>,
    boardActions: 'Arrange the board',
    arrangeUnthemed: 'Arrange the unthemed observations',
    columnsBy: 'Arrange the whole board in columns by',
    columnFields: {
      commune: 'municipality',
      public: 'target group',
      source: 'source',
    } satisfies Record<ColumnField, string>,
    arrangeColumns: 'Arrange in columns',
  },
} satisfies Record<CardLabelLanguage, Record<string, unknown>>;

export type ArrangeText = (typeof arrangeText)['fr'];
