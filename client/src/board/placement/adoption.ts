import { overlapArea, type Box } from './rects.js';

/**
 * The cards a theme takes in when it is drawn, moved or resized over them: those whose box lies
 * mostly (more than half its area) inside the theme's.
 */
export function cardsMostlyInside<T extends Box>(theme: Box, cards: readonly T[]): T[] {
  return cards.filter((card) => overlapArea(theme, card) > (card.w * card.h) / 2);
}
