import { HypothesisShapeUtil } from './HypothesisShapeUtil.js';
import { IndicatorShapeUtil } from './IndicatorShapeUtil.js';
import { ObservationShapeUtil } from './ObservationShapeUtil.js';
import { RecommendationShapeUtil } from './RecommendationShapeUtil.js';
import { ThemeShapeUtil } from './ThemeShapeUtil.js';

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
