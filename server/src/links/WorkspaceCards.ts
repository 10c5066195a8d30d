import * as Y from 'yjs';
import {
  cardLinkLabel,
  cardLinkLimits,
  isCardKind,
  parseCardRef,
  readBoardRecords,
  type CardKind,
  type LinkableCard,
  type LinkableCardList,
  type ResolvedCardLink,
} from '@boussole/shared';
import type { DocumentCatalog } from '../documents/DocumentCatalog.js';

/** A board's records, as everyone sees them (committed state, live room included). */
export type BoardRecords = Record<string, Record<string, unknown>>;

/** Reads a board's records from its committed state (a Yjs update), as the exports do. */
export function boardRecordsOf(committedState: Uint8Array): BoardRecords {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, committedState);
    return readBoardRecords(doc);
  } finally {
    doc.destroy();
  }
}

/** The card `id` of a board's records, or undefined when there is no such card (any more). */
export function cardOf(
  records: BoardRecords,
  id: string,
): { kind: CardKind; props: Record<string, unknown> } | undefined {
  const record = records[id];
  if (record?.typeName !== 'shape' || typeof record.type !== 'string') return undefined;
  if (!isCardKind(record.type)) return undefined;
  const props = record.props;
  return {
    kind: record.type,
    props: typeof props === 'object' && props !== null ? (props as Record<string, unknown>) : {},
  };
}

/**
 * Most boards one request reads: every board costs loading its document, so a workspace that
 * grew very large answers from its newest boards rather than holding the server up.
 */
export const maxBoardsRead = 60;

/** Accents and case ignored, as the board's own search does. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export interface WorkspaceCardsDeps {
  documents: DocumentCatalog;
  committedState(docId: string): Promise<Uint8Array>;
}

/**
 * The cards of a workspace's boards, for linking them across boards: which cards match a
 * search, and what the cards that links name are (or that they are gone). Access is the
 * caller's: the route has checked that they may read the workspace, and so all its boards.
 */
export class WorkspaceCards {
  constructor(private readonly deps: WorkspaceCardsDeps) {}

  /** The workspace's boards (newest first), at most `maxBoardsRead`. */
  private async boards(workspaceId: string) {
    const boards = await this.deps.documents.list(workspaceId, 'board');
    return boards.slice(0, maxBoardsRead);
  }

  /** Cards of `kinds` whose label holds every word of `query`, board after board. */
  async search(workspaceId: string, kinds: CardKind[], query: string): Promise<LinkableCardList> {
    const words = foldForSearch(query).split(/\s+/).filter(Boolean);
    const wanted = new Set(kinds);
    const cards: LinkableCard[] = [];
    let truncated = false;
    for (const board of await this.boards(workspaceId)) {
      const records = boardRecordsOf(await this.deps.committedState(board.id));
      const found: LinkableCard[] = [];
      for (const id of Object.keys(records)) {
        const card = cardOf(records, id);
        if (!card || !wanted.has(card.kind)) continue;
        const label = cardLinkLabel(card.kind, card.props);
        const folded = foldForSearch(label);
        if (!words.every((word) => folded.includes(word))) continue;
        found.push({
          boardId: board.id,
          boardTitle: board.title,
          cardId: id,
          kind: card.kind,
          label,
        });
      }
      found.sort(
        (a, b) => a.label.localeCompare(b.label, 'fr') || a.cardId.localeCompare(b.cardId),
      );
      cards.push(...found);
      if (cards.length > cardLinkLimits.results) {
        truncated = true;
        break;
      }
    }
    return { cards: cards.slice(0, cardLinkLimits.results), truncated };
  }

  /**
   * Each qualified link (`<boardId>/shape:X`) with its card, or broken: the card was deleted,
   * its board was, or the board is not this workspace's (which is told apart from nothing).
   */
  async resolve(workspaceId: string, refs: string[]): Promise<ResolvedCardLink[]> {
    const boards = new Map<string, { id: string; title: string } | undefined>();
    for (const ref of refs) {
      const boardId = parseCardRef(ref)?.boardId;
      // Past `maxBoardsRead` distinct boards, the rest read as broken: bounded work per request.
      if (!boardId || boards.has(boardId) || boards.size >= maxBoardsRead) continue;
      const record = await this.deps.documents.get(boardId);
      const ours = record?.kind === 'board' && record.workspaceId === workspaceId;
      boards.set(boardId, ours ? { id: record.id, title: record.title } : undefined);
    }
    const read = new Map<string, BoardRecords>();
    const links: ResolvedCardLink[] = [];
    for (const ref of refs) {
      const parsed = parseCardRef(ref);
      const board = parsed?.boardId ? boards.get(parsed.boardId) : undefined;
      if (!parsed || !board) {
        links.push({ ref, status: 'broken' });
        continue;
      }
      let records = read.get(board.id);
      if (!records) {
        records = boardRecordsOf(await this.deps.committedState(board.id));
        read.set(board.id, records);
      }
      const card = cardOf(records, parsed.cardId);
      links.push(
        card
          ? {
              ref,
              status: 'ok',
              boardId: board.id,
              boardTitle: board.title,
              cardId: parsed.cardId,
              kind: card.kind,
              label: cardLinkLabel(card.kind, card.props),
            }
          : { ref, status: 'broken' },
      );
    }
    return links;
  }
}
