import { vocabularyKey } from './vocabulary.js';

/** One line of a theme's breakdown: a public or a commune and how many observations name it. */
export interface CountRow {
  /** As the workspace spells it when it is in its list, else as first written; '' if unset. */
  value: string;
  count: number;
}

export interface ThemeCounts {
  total: number;
  byPublic: CountRow[];
  byCommune: CountRow[];
}

interface ObservationLike {
  props: { public?: unknown; commune?: unknown };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * Counts of one field's values, spellings that differ only in case, accents or spaces counted
 * together; the most frequent first, then alphabetically in French, unset values last.
 */
export function countBy(values: readonly string[], vocabulary: readonly string[] = []): CountRow[] {
  const canonicalByKey = new Map(vocabulary.map((entry) => [vocabularyKey(entry), entry]));
  const rows = new Map<string, CountRow>();
  for (const raw of values) {
    const key = vocabularyKey(raw);
    const row = rows.get(key);
    if (row) row.count += 1;
    else
      rows.set(key, { value: key === '' ? '' : (canonicalByKey.get(key) ?? raw.trim()), count: 1 });
  }
  return [...rows.values()].sort(
    (a, b) =>
      Number(a.value === '') - Number(b.value === '') ||
      b.count - a.count ||
      collator.compare(a.value, b.value),
  );
}

/** A theme's observation count and its breakdown by public and by commune. */
export function themeCounts(
  observations: readonly ObservationLike[],
  vocabulary: { publics: readonly string[]; communes: readonly string[] },
): ThemeCounts {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    total: observations.length,
    byPublic: countBy(
      observations.map((o) => text(o.props.public)),
      vocabulary.publics,
    ),
    byCommune: countBy(
      observations.map((o) => text(o.props.commune)),
      vocabulary.communes,
    ),
  };
}
