import type { Editor, TLShapeId } from 'tldraw';
import type { ObservationShape } from '../shapes/cardShapeTypes.js';

export interface UnthemedObservation {
  id: TLShapeId;
  verbatim: string;
}

/** Whether an observation still waits for a theme: none of its ancestors is one. */
export function isUnthemed(editor: Editor, shape: ObservationShape): boolean {
  return !editor.findShapeAncestor(shape, (ancestor) => ancestor.type === 'theme');
}

/**
 * The observations of the current page that are in no theme, in the page's order. A locked
 * card is left out: its lock says it stays where it is.
 */
export function unthemedObservations(editor: Editor): UnthemedObservation[] {
  return editor
    .getCurrentPageShapesSorted()
    .filter((shape): shape is ObservationShape => shape.type === 'observation')
    .filter((shape) => !shape.isLocked && isUnthemed(editor, shape))
    .map((shape) => ({ id: shape.id, verbatim: shape.props.verbatim }));
}
