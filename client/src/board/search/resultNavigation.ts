/**
 * Previous and next result, in reading order (top to bottom, then left to right), starting from
 * the selected card when it is a result.
 */

export interface PlacedResult {
  id: string;
  x: number;
  y: number;
}

/**
 * Cards on one row rarely share the exact same top: tops within this many page units of each
 * other count as one row.
 */
const rowTolerance = 40;

export function readingOrder(results: readonly PlacedResult[]): string[] {
  const byTop = [...results].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: PlacedResult[][] = [];
  for (const result of byTop) {
    const row = rows[rows.length - 1];
    if (row && result.y - (row[0]?.y ?? 0) <= rowTolerance) row.push(result);
    else rows.push([result]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x).map((r) => r.id));
}

export function stepResult(
  ordered: readonly string[],
  current: string | undefined,
  direction: 1 | -1,
): string | undefined {
  if (ordered.length === 0) return undefined;
  const at = current === undefined ? -1 : ordered.indexOf(current);
  if (at === -1) return direction === 1 ? ordered[0] : ordered[ordered.length - 1];
  return ordered[(at + direction + ordered.length) % ordered.length];
}
