import { HypothesisShapeUtil } from './HypothesisShapeUtil.js';
import { IndicatorShapeUtil } from './IndicatorShapeUtil.js';
import { ObservationShapeUtil } from './ObservationShapeUtil.js';
import { RecommendationShapeUtil } from './RecommendationShapeUtil.js';
import { ThemeShapeUtil } from './ThemeShapeUtil.js';

export type * from './cardShapeTypes.js';
export { observationsInTheme, type ShapeSource } from './themeMembership.js';
export {
  HypothesisShapeUtil,
  IndicatorShapeUtil,
  ObservationShapeUtil,
  RecommendationShapeUtil,
  ThemeShapeUtil,
};

/**
 * Every ABS card shape, registered once: pass `[...defaultShapeUtils, ...boussoleShapeUtils]`
 * to `createTLStore` and `<Tldraw shapeUtils={boussoleShapeUtils}>`.
 */
export const boussoleShapeUtils = [
  ObservationShapeUtil,
  HypothesisShapeUtil,
  IndicatorShapeUtil,
  ThemeShapeUtil,
  RecommendationShapeUtil,
] as const;
