import type { CardIndex } from './cardIndex.js';

/**
 * The values the filters offer: only what the board holds, so that no choice leads to an empty
 * board. Spellings that differ only by case or accents are one value, shown as first written.
 */

export interface FilterOption {
  value: string;
  label: string;
}

const byFrenchLabel = (a: FilterOption, b: FilterOption) =>
  a.label.localeCompare(b.label, 'fr', { sensitivity: 'base' });

function distinct(entries: Iterable<{ key: string; label: string }>): FilterOption[] {
  const options = new Map<string, FilterOption>();
  for (const { key, label } of entries) {
    if (key !== '' && !options.has(key)) options.set(key, { value: key, label });
  }
  return [...options.values()].sort(byFrenchLabel);
}

export function publicOptions(index: CardIndex): FilterOption[] {
  return distinct(index.cards.map((c) => ({ key: c.publicKey, label: c.publicLabel })));
}

export function communeOptions(index: CardIndex): FilterOption[] {
  return distinct(index.cards.map((c) => ({ key: c.communeKey, label: c.communeLabel })));
}

/** Every theme by its label; two themes with one label stay two choices. */
export function themeOptions(index: CardIndex, untitled: string): FilterOption[] {
  return index.themes
    .map((theme) => ({ value: theme.id, label: theme.label || untitled }))
    .sort(byFrenchLabel);
}
