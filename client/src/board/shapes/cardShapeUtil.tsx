import type { ReactNode } from 'react';
import { BaseBoxShapeUtil, BaseFrameLikeShapeUtil, type TLShape } from 'tldraw';
import { cardShapeSchemas, type CardKind } from '@boussole/shared';
import { cardIndicatorPath } from './CardView.js';

/** What sets one ABS card kind apart; everything else is the same for every card. */
export interface CardShapeSpec<K extends CardKind> {
  type: K;
  defaultProps: TLShape<K>['props'];
  /** The text tldraw's search and copy read from a card. */
  getText(shape: TLShape<K>): string;
  Card(props: { shape: TLShape<K> }): ReactNode;
  /** Themes are frames: cards dragged into one become its children. */
  frameLike?: boolean;
}

/**
 * One ShapeUtil class per card kind, built from its spec: props validators and migrations come
 * from the shared schema (the server validates with the same), so no kind can drift from it.
 */
export function cardShapeUtil<K extends CardKind>(spec: CardShapeSpec<K>) {
  const Base: typeof BaseBoxShapeUtil = spec.frameLike ? BaseFrameLikeShapeUtil : BaseBoxShapeUtil;
  const { Card } = spec;
  return class CardShapeUtil extends Base<TLShape<K>> {
    static override type = spec.type;
    static override props = cardShapeSchemas[spec.type].props;
    static override migrations = cardShapeSchemas[spec.type].migrations;

    override getDefaultProps(): TLShape<K>['props'] {
      return spec.defaultProps;
    }

    override canEdit(): boolean {
      return true;
    }

    override getText(shape: TLShape<K>): string {
      return spec.getText(shape);
    }

    override component(shape: TLShape<K>) {
      return <Card shape={shape} />;
    }

    override getIndicatorPath(shape: TLShape<K>): Path2D {
      return cardIndicatorPath(shape);
    }
  };
}
