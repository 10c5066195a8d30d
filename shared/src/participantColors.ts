/**
 * The colours people's cursors and carets take: distinct, readable on white, and not red/green
 * only (colour-blind participants). The browser picks one per person; the server substitutes
 * one for a presence whose colour is not a colour, from the same palette.
 */
export const participantColors = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#bcbd22',
  '#393b79',
] as const;

/** A stable colour for a person (or a client id), so that it does not change between visits. */
export function colorForId(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return participantColors[hash % participantColors.length]!;
}
