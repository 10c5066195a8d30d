import type { Editor, TLParentId, TLRecord, TLShape, TLShapeId } from 'tldraw';
import type { ObservationShape } from './cardShapeTypes.js';

/** Where shapes are read from: a live editor (reactive inside `useValue`) or plain records. */
export type ShapeSource =
  Pick<Editor, 'getSortedChildIdsForParent' | 'getShape'> | Iterable<TLRecord>;

function isEditorLike(
  source: ShapeSource,
): source is Pick<Editor, 'getSortedChildIdsForParent' | 'getShape'> {
  return typeof (source as Partial<Editor>).getSortedChildIdsForParent === 'function';
}

function childrenReader(source: ShapeSource): (parentId: TLParentId) => TLShape[] {
  if (isEditorLike(source)) {
    return (parentId) =>
      source
        .getSortedChildIdsForParent(parentId)
        .map((id) => source.getShape(id))
        .filter((shape): shape is TLShape => shape !== undefined);
  }
  const byParent = new Map<TLParentId, TLShape[]>();
  for (const record of source) {
    if (record.typeName !== 'shape') continue;
    const siblings = byParent.get(record.parentId) ?? [];
    siblings.push(record);
    byParent.set(record.parentId, siblings);
  }
  for (const siblings of byParent.values())
    siblings.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0));
  return (parentId) => byParent.get(parentId) ?? [];
}

/**
 * The observations clustered in a theme: those dropped into it, which tldraw makes its children.
 * Groups inside the theme are looked through (grouping cards does not take them out of the
 * theme); a nested theme is not, because its observations belong to that sub-theme.
 */
export function observationsInTheme(source: ShapeSource, themeId: TLShapeId): ObservationShape[] {
  const childrenOf = childrenReader(source);
  const found: ObservationShape[] = [];
  const visit = (parentId: TLParentId) => {
    for (const child of childrenOf(parentId)) {
      if (child.type === 'observation') found.push(child);
      else if (child.type === 'group') visit(child.id);
    }
  };
  visit(themeId);
  return found;
}
