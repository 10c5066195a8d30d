import type { TLShape } from 'tldraw';
import type {
  HypothesisCardProps,
  IndicatorCardProps,
  ObservationCardProps,
  RecommendationCardProps,
  ThemeCardProps,
} from '@boussole/shared';

/**
 * The ABS cards join tldraw's shape union: `editor.createShape({ type: 'hypothesis', … })` is
 * type-checked against the shared card schema like any built-in shape.
 */
declare module 'tldraw' {
  interface TLGlobalShapePropsMap {
    observation: ObservationCardProps;
    hypothesis: HypothesisCardProps;
    indicator: IndicatorCardProps;
    theme: ThemeCardProps;
    recommendation: RecommendationCardProps;
  }
}

export type ObservationShape = TLShape<'observation'>;
export type HypothesisShape = TLShape<'hypothesis'>;
export type IndicatorShape = TLShape<'indicator'>;
export type ThemeShape = TLShape<'theme'>;
export type RecommendationShape = TLShape<'recommendation'>;
export type CardShape =
  ObservationShape | HypothesisShape | IndicatorShape | ThemeShape | RecommendationShape;
