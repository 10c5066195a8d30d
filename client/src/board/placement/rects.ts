/** An axis-aligned box in page (or one parent's) coordinates. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The gap every placement keeps between two cards, so that none touches another. */
export const cardGap = 20;

/** Whether two boxes overlap once each is given `gap` of clearance (touching at the gap is fine). */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap
  );
}

/** The area two boxes share (0 when apart). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** A small, stable hash of a string (FNV-1a), to derive a per-person offset from a user id. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
