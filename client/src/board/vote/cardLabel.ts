import type { Editor, TLShapeId } from 'tldraw';
import { cardLinkLabel, isCardKind } from '@boussole/shared';

/** A card's short label as the vote shows it (its statement, title or verbatim, cut). */
export function voteCardLabel(editor: Editor, cardId: string): string {
  const shape = editor.getShape(cardId as TLShapeId);
  if (!shape || !isCardKind(shape.type)) return cardId;
  return cardLinkLabel(shape.type, shape.props as Record<string, unknown>) || cardId;
}
