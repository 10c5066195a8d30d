import { isDeepStrictEqual } from 'node:util';
import type * as Y from 'yjs';
import {
  boardDocLayout,
  boardDocumentRecord,
  boardMetaMap,
  boardPageRecord,
  createBoardSchema,
  defaultBoardPageId,
  readBoardRecords,
  type CardParentId,
} from '@boussole/shared';
import type { Box } from '../imports/cardPlacement.js';

/**
 * What the server needs to know of a board before writing cards into it itself (an import's
 * cards, held cards revealed or accepted): which page they go on, what already sits there, and
 * the records to create first when the board has no page yet. One reading for every server-side
 * write, so that they all place cards by the same rules.
 */

/** The board declares a schema other than this server's: the server must not write into it. */
export class BoardSchemaOutdated extends Error {}

export interface BoardPageTarget {
  /** The page the cards go on: the board's first page, or the one created with them. */
  pageId: CardParentId;
  /** Records to add before the cards: the document and page of a board that had none. */
  setupRecords: { id: string }[];
  /** The boxes of the shapes directly on that page, for free-space placement. */
  existing: Box[];
  /** Their z-order indices, so that new cards go above them. */
  siblingIndices: string[];
  /** The board has declared no schema yet: the write declares this server's. */
  declareSchema: boolean;
}

const serializedSchema = createBoardSchema().serialize();

interface PlainShape {
  typeName?: unknown;
  parentId?: unknown;
  index?: unknown;
  x?: unknown;
  y?: unknown;
  props?: { w?: unknown; h?: unknown };
}

const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** Reads `doc` (a board) as it is now; throws BoardSchemaOutdated for another schema. */
export function boardPageTarget(doc: Y.Doc): BoardPageTarget {
  const declared = boardMetaMap(doc).get(boardDocLayout.schemaKey);
  if (declared !== undefined && !isDeepStrictEqual(declared, serializedSchema)) {
    throw new BoardSchemaOutdated('board declares another schema');
  }
  const stored = readBoardRecords(doc) as Record<string, PlainShape>;
  const pages = Object.entries(stored)
    .filter(([, r]) => r.typeName === 'page')
    .sort(([, a], [, b]) => (String(a.index) < String(b.index) ? -1 : 1));
  const setupRecords: { id: string }[] = [];
  let pageId = pages[0]?.[0] as CardParentId | undefined;
  if (!pageId) {
    if (!stored['document:document']) setupRecords.push(boardDocumentRecord());
    setupRecords.push(boardPageRecord());
    pageId = defaultBoardPageId;
  }
  const onPage = Object.values(stored).filter(
    (r) => r.typeName === 'shape' && r.parentId === pageId,
  );
  return {
    pageId,
    setupRecords,
    existing: onPage.map((r) => ({
      x: num(r.x),
      y: num(r.y),
      w: num(r.props?.w),
      h: num(r.props?.h),
    })),
    siblingIndices: onPage.map((r) => String(r.index)),
    declareSchema: declared === undefined,
  };
}
