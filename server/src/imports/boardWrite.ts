import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import {
  type CardParentId,
  boardMetaMap,
  boardDocLayout,
  boardRecordsMap,
  cardShapeId,
  cardShapeRecord,
  cardTextLimits,
  createBoardSchema,
  createYRecord,
  indicesAbove,
} from '@boussole/shared';
import { BoardSchemaOutdated, boardPageTarget } from '../boards/boardPageTarget.js';
import type { ContentValidator, RefusedContent } from '../collab/ContentValidator.js';
import { importedCardSizes, placeCards, placeGroups } from './cardPlacement.js';
import { yieldToEventLoop } from './eventLoop.js';
import type { CardDraft } from './rowsToCards.js';

/**
 * Imported cards as the records of one board change: the page and schema declaration a board
 * never opened lacks, then the cards (and their themes), placed beside what the page holds,
 * with index keys above it. Written in one transaction, so everyone receives one update.
 */

/** Why the board refused the cards; ids and paths only, never their content. */
export class BoardWriteRefused extends Error {
  constructor(
    readonly refused: readonly Pick<RefusedContent, 'id' | 'path'>[],
    message = 'board refused the imported cards',
  ) {
    super(message);
    this.name = 'BoardWriteRefused';
  }
}

/** The board declares another schema: a person must open it once so their client upgrades it. */
export { BoardSchemaOutdated };

const serializedSchema = createBoardSchema().serialize();
const NO_GROUP_LABEL = 'Sans valeur';

function clipLabel(label: string): string {
  const max = cardTextLimits.short;
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/** Groups in the order they first appear, each with its cards. */
export function groupDrafts(drafts: readonly CardDraft[]): { label: string; cards: CardDraft[] }[] {
  const groups = new Map<string, CardDraft[]>();
  for (const draft of drafts) {
    const label = clipLabel(draft.group || NO_GROUP_LABEL);
    const list = groups.get(label) ?? [];
    list.push(draft);
    groups.set(label, list);
  }
  return [...groups].map(([label, cards]) => ({ label, cards }));
}

export interface BoardWrite {
  /** Records to add, in order; the page (when new) comes first. */
  records: { id: string }[];
  declareSchema: boolean;
  themes: number;
}

/** The records `drafts` become on the board `doc` holds now. */
export function planBoardWrite(
  doc: Y.Doc,
  drafts: readonly CardDraft[],
  grouped: boolean,
): BoardWrite {
  const {
    pageId,
    setupRecords,
    existing,
    siblingIndices: siblings,
    declareSchema,
  } = boardPageTarget(doc);
  const records: { id: string }[] = [...setupRecords];
  const kind = drafts[0]?.kind ?? 'observation';
  const size = importedCardSizes[kind];
  const card = (draft: CardDraft, parentId: CardParentId, x: number, y: number, index: string) =>
    draft.kind === 'observation'
      ? cardShapeRecord(
          'observation',
          { id: cardShapeId(randomUUID()), parentId, x, y, index },
          { ...size, ...draft.props },
        )
      : cardShapeRecord(
          'indicator',
          { id: cardShapeId(randomUUID()), parentId, x, y, index },
          { ...size, ...draft.props },
        );

  if (!grouped) {
    const positions = placeCards(existing, drafts.length, size);
    const indices = indicesAbove(siblings, drafts.length);
    drafts.forEach((draft, i) => {
      const at = positions[i]!;
      records.push(card(draft, pageId, at.x, at.y, indices[i]!));
    });
    return { records, declareSchema, themes: 0 };
  }

  const groups = groupDrafts(drafts);
  const themes = placeGroups(
    existing,
    groups.map((g) => g.cards.length),
    size,
  );
  const themeIndices = indicesAbove(siblings, groups.length);
  groups.forEach((group, g) => {
    const place = themes[g]!;
    const theme = cardShapeRecord(
      'theme',
      {
        id: cardShapeId(randomUUID()),
        parentId: pageId,
        x: place.box.x,
        y: place.box.y,
        index: themeIndices[g]!,
      },
      { w: place.box.w, h: place.box.h, label: group.label },
    );
    records.push(theme);
    const indices = indicesAbove([], group.cards.length);
    group.cards.forEach((draft, i) => {
      const at = place.cards[i]!;
      records.push(card(draft, theme.id, at.x, at.y, indices[i]!));
    });
  });
  return { records, declareSchema, themes: groups.length };
}

/** Writes the planned records into `doc` (inside the caller's transaction). */
export function applyBoardWrite(doc: Y.Doc, write: BoardWrite): void {
  const records = boardRecordsMap(doc);
  if (write.declareSchema) boardMetaMap(doc).set(boardDocLayout.schemaKey, serializedSchema);
  for (const record of write.records) records.set(record.id, createYRecord(record));
}

/** Records judged between two yields to the event loop while checking a write. */
const RECORDS_PER_CHECK = 100;

/**
 * Records per update submitted to the room. The room applies and judges an update in one go,
 * blocking everyone on the server meanwhile: about 0.1 s for 1,000 cards and 1 s for 10,000
 * on the development VM (see BENCHMARKS.md). An import up to this size is one update; a
 * larger one is several, each checked in advance (see commitImport for all-or-nothing).
 */
export const RECORDS_PER_UPDATE = 1_000;

/**
 * Builds the write on a scratch copy of the board (`state`) and runs the board's own content
 * rules on it, in chunks (pages and themes come before the cards they hold) with the event
 * loop handed back between them, so an import the guard would refuse in part is refused whole
 * before anything is submitted. Returns the write as Yjs updates against `state`, one per
 * RECORDS_PER_UPDATE records, with the ids each one adds: what the room then receives, judges
 * again and broadcasts, without building anything itself.
 */
export async function buildCheckedBoardUpdates(
  state: Uint8Array,
  write: BoardWrite,
  validator: ContentValidator,
  onProgress?: (checked: number) => void,
): Promise<{ update: Uint8Array; ids: string[] }[]> {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, state);
  const guard = validator.guard(scratch);
  const updates: { update: Uint8Array; ids: string[] }[] = [];
  let batchStart = Y.encodeStateVector(scratch);
  let batchIds: string[] = [];
  const closeBatch = () => {
    updates.push({ update: Y.encodeStateAsUpdate(scratch, batchStart), ids: batchIds });
    batchStart = Y.encodeStateVector(scratch);
    batchIds = [];
  };
  try {
    for (let at = 0; at < write.records.length; at += RECORDS_PER_CHECK) {
      const chunk: BoardWrite = {
        ...write,
        declareSchema: at === 0 && write.declareSchema,
        records: write.records.slice(at, at + RECORDS_PER_CHECK),
      };
      const refused = guard.applyChecked(() =>
        scratch.transact(() => applyBoardWrite(scratch, chunk)),
      );
      if (refused.length > 0) {
        throw new BoardWriteRefused(refused.map(({ id, path }) => (path ? { id, path } : { id })));
      }
      batchIds.push(...chunk.records.map((record) => record.id));
      if (batchIds.length >= RECORDS_PER_UPDATE) closeBatch();
      onProgress?.(Math.min(write.records.length, at + RECORDS_PER_CHECK));
      await yieldToEventLoop();
    }
    if (batchIds.length > 0) closeBatch();
    return updates;
  } finally {
    guard.destroy();
    scratch.destroy();
  }
}
