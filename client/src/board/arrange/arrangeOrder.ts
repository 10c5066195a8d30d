import { vocabularyKey } from '../panel/vocabulary.js';

/** The fields cards can be arranged by; `current` keeps the order a reader sees them in. */
export const sortFields = ['commune', 'public', 'date', 'current'] as const;
export type SortField = (typeof sortFields)[number];

/** The fields the whole board can be tidied into columns by. */
export const columnFields = ['commune', 'public', 'source'] as const;
export type ColumnField = (typeof columnFields)[number];

/** A card to arrange: where it is (reading order), how big, and its fields' values. */
export interface ArrangeItem<Id extends string = string> {
  id: Id;
  x: number;
  y: number;
  w: number;
  h: number;
  fields: Partial<Record<'commune' | 'public' | 'date' | 'source', string>>;
}

// Numeric so that ISO dates and « Lot 2 » / « Lot 10 » sort as people expect.
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Top to bottom, then left to right (by centre), then by id so that ties are stable. */
export function readingOrder<T extends ArrangeItem>(a: T, b: T): number {
  return (
    a.y + a.h / 2 - (b.y + b.h / 2) || a.x + a.w / 2 - (b.x + b.w / 2) || (a.id < b.id ? -1 : 1)
  );
}

function valueOf(item: ArrangeItem, field: Exclude<SortField, 'current'> | ColumnField): string {
  return (item.fields[field] ?? '').trim();
}

/**
 * The items sorted by a field in French collation (« Écully » between « Dardilly » and « Lyon »),
 * empty values last; equal values keep the reading order. `current` is the reading order alone.
 */
export function orderBy<T extends ArrangeItem>(items: readonly T[], field: SortField): T[] {
  const byReading = [...items].sort(readingOrder);
  if (field === 'current') return byReading;
  return byReading
    .map((item, index) => ({ item, index, value: valueOf(item, field) }))
    .sort(
      (a, b) =>
        Number(a.value === '') - Number(b.value === '') ||
        collator.compare(a.value, b.value) ||
        a.index - b.index,
    )
    .map((entry) => entry.item);
}

/**
 * The items grouped by a field's value (spellings differing only in case, accents or spaces
 * together), groups in French order with the empty value last, each group in reading order.
 */
export function groupBy<T extends ArrangeItem>(items: readonly T[], field: ColumnField): T[][] {
  const groups = new Map<string, { label: string; items: T[] }>();
  for (const item of [...items].sort(readingOrder)) {
    const value = valueOf(item, field);
    const key = vocabularyKey(value);
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { label: key === '' ? '' : value, items: [item] });
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        Number(a.label === '') - Number(b.label === '') || collator.compare(a.label, b.label),
    )
    .map((group) => group.items);
}
