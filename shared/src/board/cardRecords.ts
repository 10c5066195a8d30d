import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLDocument,
  type TLPage,
  type TLPageId,
  type TLParentId,
  type TLShapeId,
} from '@tldraw/tlschema';
import { getIndicesAbove, type IndexKey } from '@tldraw/utils';
import type { CardKind, CardProps } from './cards.js';

/**
 * The tldraw records of cards, built without React or an editor: the server writes imported
 * cards with them, and any code that lays cards out can. A record built here is what an
 * editor's `createShape` would store (every field tldraw's validator requires), so the
 * server's content guard and every client's store accept it as is.
 */

/** The page a fresh editor creates; a board never opened yet has none until someone writes one. */
export const defaultBoardPageId: TLPageId = PageRecordType.createId('page');

/** The page record an editor creates on an empty board. */
export function boardPageRecord(id: TLPageId = defaultBoardPageId, index = 'a1'): TLPage {
  return PageRecordType.create({ id, name: 'Page 1', index: index as IndexKey });
}

/** The document record (name, grid) every tldraw store holds once. */
export function boardDocumentRecord(): TLDocument {
  return DocumentRecordType.create({ id: TLDOCUMENT_ID });
}

/** A shape id from a plain suffix (letters, digits, `-`, `_`), as tldraw's createShapeId makes them. */
export function cardShapeId(suffix: string): TLShapeId {
  return `shape:${suffix}` as TLShapeId;
}

/** A page or a frame-like shape (a theme) holding a card. */
export type CardParentId = TLParentId;

export interface CardPlacement {
  id: TLShapeId;
  parentId: TLParentId;
  x: number;
  y: number;
  index: string;
}

/** A card of `kind` as a complete tldraw shape record. */
export function cardShapeRecord<K extends CardKind>(
  kind: K,
  place: CardPlacement,
  props: CardProps<K>,
): {
  id: TLShapeId;
  typeName: 'shape';
  type: K;
  parentId: TLParentId;
  index: IndexKey;
  x: number;
  y: number;
  rotation: number;
  isLocked: boolean;
  opacity: number;
  meta: Record<string, never>;
  props: CardProps<K>;
} {
  return {
    id: place.id,
    typeName: 'shape',
    type: kind,
    parentId: place.parentId,
    index: place.index as IndexKey,
    x: place.x,
    y: place.y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props,
  };
}

/**
 * `n` fractional index keys above every key in `siblings` (the indices of the shapes already
 * under the same parent), so that new cards stack over what is there, in order.
 */
export function indicesAbove(siblings: readonly string[], n: number): string[] {
  if (n <= 0) return [];
  // Index keys order as plain strings (tldraw compares them with < and >).
  let top: string | null = null;
  for (const index of siblings) if (top === null || index > top) top = index;
  return getIndicesAbove(top as IndexKey | null, n);
}
