import * as Y from 'yjs';
import {
  boardRecordsMap,
  canCreateBoards,
  type HeldCard,
  type HeldCardInput,
  type HeldCardList,
  type HeldCardPurpose,
  type InboxDecision,
  type InboxList,
  type RevealResult,
  type SessionLock,
  type SessionModes,
  type WorkspaceRole,
} from '@boussole/shared';
import type { Actor, AuditLog } from '../access/auditLog.js';
import type { ContentValidator } from '../collab/ContentValidator.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import type { Log } from '../collab/types.js';
import type { DocumentCatalog } from '../documents/DocumentCatalog.js';
import {
  BoardSchemaOutdated,
  BoardWriteRefused,
  buildCheckedBoardUpdates,
} from '../imports/boardWrite.js';
import { OneAtATime } from '../imports/oneAtATime.js';
import type { SqlExecutor } from '../storage/SqlExecutor.js';
import { contributionProblems } from './contributionProblems.js';
import {
  HeldCardStore,
  heldCardChars,
  newHeldCardId,
  publicHeldCard,
  type StoredHeldCard,
} from './HeldCardStore.js';
import type { Point } from '../imports/cardPlacement.js';
import { planHeldCardsWrite } from './heldCardsWrite.js';

/**
 * « Écrire seul, révéler ensemble » and the moderated inbox (issue #15): a participant's card
 * written in either mode is held here, in SQL, out of every Yjs document, so no frame sent to
 * anyone else can carry it. Its author sees and edits it; the facilitator reveals every
 * private card at once, or accepts inbox cards one by one, as one server update on the board
 * checked by the board's own rules. Who wrote which card reaches the audit log (ids only),
 * never another participant.
 */

/** The parts of a board's session state that decide where a new card goes. */
export interface SessionModesReader {
  readSession(boardId: string): Promise<{ modes?: SessionModes; lock?: SessionLock }>;
}

export interface HeldCardLimits {
  /** Cards one person may hold on one board. */
  perPerson: number;
  /** Characters of content one person may hold on one board. */
  perPersonChars: number;
  /** Cards a board may hold in all: a reveal must stay one update the room judges quickly. */
  perBoard: number;
}

export const defaultHeldCardLimits: HeldCardLimits = {
  perPerson: 50,
  perPersonChars: 200_000,
  perBoard: 500,
};

export interface ContributionsDeps {
  sql: SqlExecutor;
  rooms: Pick<RoomRegistry, 'submitServerUpdate' | 'committedState' | 'changeDocument'>;
  boardValidator: ContentValidator;
  audit: AuditLog;
  sessions: SessionModesReader;
  /** A board's workspace, for the audit of anonymous cards. */
  documents: Pick<DocumentCatalog, 'get'>;
  log: Pick<Log, 'error'>;
  limits?: HeldCardLimits;
  clock?: () => number;
}

/** Who asks, on which board, as DocumentAccess resolved it. */
export interface BoardCaller {
  boardId: string;
  workspaceId: string | null;
  personId: string;
  actor: Actor;
  role: WorkspaceRole;
  canWrite: boolean;
}

export class Contributions {
  readonly store: HeldCardStore;
  private readonly limits: HeldCardLimits;
  /** Reveals and inbox decisions one at a time: a card is never placed twice. */
  private readonly writes = new OneAtATime();

  constructor(private readonly deps: ContributionsDeps) {
    this.store = new HeldCardStore(deps.sql);
    this.limits = deps.limits ?? defaultHeldCardLimits;
  }

  /** One's own held cards on the board, and how many wait in all. */
  async listOwn(caller: BoardCaller): Promise<HeldCardList> {
    const own = caller.canWrite ? await this.store.ofPerson(caller.boardId, caller.personId) : [];
    return { cards: own.map(publicHeldCard), counts: await this.store.counts(caller.boardId) };
  }

  /** Holds a new card: private while writing privately, else in the inbox while moderated. */
  async create(caller: BoardCaller, input: HeldCardInput): Promise<HeldCard> {
    if (!caller.canWrite) throw contributionProblems.readOnly();
    const purpose = await this.purposeNow(caller.boardId);
    const id = newHeldCardId();
    const at = new Date(this.deps.clock?.() ?? Date.now()).toISOString();
    await this.deps.sql.transaction(async (tx) => {
      await this.checkRoom(tx, caller, heldCardChars(input), true);
      await this.store.insert(
        tx,
        { id, boardId: caller.boardId, personId: caller.personId, purpose },
        input,
        at,
      );
    });
    return { id, boardId: caller.boardId, purpose, createdAt: at, ...input };
  }

  /** Rewrites one's own card while it is still held. */
  async edit(caller: BoardCaller, id: string, input: HeldCardInput): Promise<HeldCard> {
    if (!caller.canWrite) throw contributionProblems.readOnly();
    return this.deps.sql.transaction(async (tx) => {
      const card = await this.ownCard(tx, caller, id);
      await this.checkRoom(tx, caller, heldCardChars(input) - heldCardChars(card), false);
      await this.store.update(tx, id, input);
      return publicHeldCard({ ...card, ...input } as StoredHeldCard);
    });
  }

  async remove(caller: BoardCaller, id: string): Promise<void> {
    await this.deps.sql.transaction(async (tx) => {
      await this.ownCard(tx, caller, id);
      await this.store.delete(tx, [id]);
    });
  }

  /** The inbox, for facilitators: content only, never who wrote it. */
  async inbox(caller: BoardCaller): Promise<InboxList> {
    this.facilitatorOnly(caller);
    const cards = await this.store.ofBoard(caller.boardId, 'inbox');
    return { cards: cards.map(publicHeldCard) };
  }

  /**
   * Every private card of the board onto it, as one update everyone receives at once: around
   * `near` (a point of the page, where the facilitator looks) when given.
   */
  reveal(caller: BoardCaller, near?: Point): Promise<RevealResult> {
    this.facilitatorOnly(caller);
    return this.writes.run(async () => {
      const cards = await this.store.ofBoard(caller.boardId, 'private');
      if (cards.length === 0) return { revealed: 0, cardIds: [] };
      const cardIds = await this.writeOnBoard(caller.boardId, cards, near);
      await this.settle(caller, cards, cardIds, 'contributions.revealed');
      return { revealed: cards.length, cardIds };
    });
  }

  /** One inbox card onto the board: around `near` when given, as for a reveal. */
  accept(caller: BoardCaller, id: string, near?: Point): Promise<InboxDecision> {
    this.facilitatorOnly(caller);
    return this.writes.run(async () => {
      const card = await this.store.get(caller.boardId, id);
      if (!card || card.purpose !== 'inbox') throw contributionProblems.cardNotFound();
      const [cardId] = await this.writeOnBoard(caller.boardId, [card], near);
      await this.settle(caller, [card], [cardId!], 'contributions.accepted');
      return { cardId: cardId! };
    });
  }

  reject(caller: BoardCaller, id: string): Promise<InboxDecision> {
    this.facilitatorOnly(caller);
    return this.writes.run(async () => {
      const card = await this.store.get(caller.boardId, id);
      if (!card || card.purpose !== 'inbox') throw contributionProblems.cardNotFound();
      await this.settle(caller, [card], [null], 'contributions.rejected');
      return { cardId: null };
    });
  }

  /**
   * Cards a person added straight onto an anonymous board: the audit keeps that they wrote
   * them (card ids only), as it does for revealed and accepted cards. Called from the board's
   * frame path, which must not wait for SQL: a failure is logged, with ids only.
   */
  recordAnonymousCards(boardId: string, author: Actor, cardIds: readonly string[]): void {
    void (async () => {
      const board = await this.deps.documents.get(boardId);
      await this.deps.audit.append(this.deps.sql, {
        workspaceId: board?.workspaceId ?? null,
        actor: author,
        action: 'contributions.anonymous-cards',
        details: { boardId, cards: cardIds.map((cardId) => ({ cardId, authorId: author.id })) },
      });
    })().catch((error: unknown) =>
      this.deps.log.error({ err: error, boardId }, 'could not audit anonymous cards'),
    );
  }

  private async purposeNow(boardId: string): Promise<HeldCardPurpose> {
    const session = await this.deps.sessions.readSession(boardId);
    if (session.modes?.privateWriting) return 'private';
    if (session.lock?.moderated) return 'inbox';
    throw contributionProblems.notHeld();
  }

  private facilitatorOnly(caller: BoardCaller): void {
    if (!canCreateBoards(caller.role)) throw contributionProblems.facilitatorsOnly();
  }

  private async ownCard(tx: SqlExecutor, caller: BoardCaller, id: string) {
    const card = await this.store.get(caller.boardId, id, tx);
    // Someone else's card is answered as missing: its existence is not theirs to learn.
    if (!card || card.personId !== caller.personId) throw contributionProblems.cardNotFound();
    return card;
  }

  /** The bounds on what one person and one board may make the server hold. */
  private async checkRoom(
    tx: SqlExecutor,
    caller: BoardCaller,
    moreChars: number,
    newCard: boolean,
  ): Promise<void> {
    const usage = await this.store.usage(tx, caller.boardId, caller.personId);
    if (newCard && usage.person >= this.limits.perPerson) {
      throw contributionProblems.tooManyOfYours(this.limits.perPerson);
    }
    if (newCard && usage.board >= this.limits.perBoard) {
      throw contributionProblems.tooManyOnBoard(this.limits.perBoard);
    }
    if (usage.personChars + moreChars > this.limits.perPersonChars) {
      throw contributionProblems.tooLarge(Math.round(this.limits.perPersonChars / 1000));
    }
  }

  /**
   * Places `cards` on the board through its own rules (checked on a copy, then submitted as
   * the update that was checked), around `near` when given. Returns their ids on the board, in
   * order.
   */
  private async writeOnBoard(
    boardId: string,
    cards: readonly StoredHeldCard[],
    near?: Point,
  ): Promise<string[]> {
    try {
      const state = await this.deps.rooms.committedState(boardId);
      const doc = new Y.Doc();
      let write: ReturnType<typeof planHeldCardsWrite>;
      try {
        Y.applyUpdate(doc, state);
        write = planHeldCardsWrite(
          doc,
          cards.map((card) => ({ kind: card.kind, props: card.props }) as HeldCardInput),
          near,
        );
      } finally {
        doc.destroy();
      }
      const updates = await buildCheckedBoardUpdates(state, write, this.deps.boardValidator);
      const written: string[] = [];
      for (const { update, ids } of updates) {
        try {
          await this.deps.rooms.submitServerUpdate(boardId, update);
        } catch (error) {
          if (written.length > 0) {
            await this.deps.rooms.changeDocument(boardId, (d) => {
              const records = boardRecordsMap(d);
              for (const id of written) records.delete(id);
            });
          }
          throw error;
        }
        written.push(...ids);
      }
      return write.cardIds;
    } catch (error) {
      if (
        error instanceof BoardSchemaOutdated ||
        error instanceof BoardWriteRefused ||
        (error instanceof Error && error.message.startsWith('server change refused'))
      ) {
        throw contributionProblems.boardRefused();
      }
      throw error;
    }
  }

  /** The cards leave the table; the audit keeps which board card each author wrote (ids only). */
  private async settle(
    caller: BoardCaller,
    cards: readonly StoredHeldCard[],
    cardIds: readonly (string | null)[],
    action: string,
  ): Promise<void> {
    await this.deps.sql.transaction(async (tx) => {
      await this.store.delete(
        tx,
        cards.map((card) => card.id),
      );
      await this.deps.audit.append(tx, {
        workspaceId: caller.workspaceId,
        actor: caller.actor,
        action,
        details: {
          boardId: caller.boardId,
          cards: cards.map((card, i) => ({
            cardId: cardIds[i] ?? null,
            authorId: card.personId,
          })),
        },
      });
    });
  }
}
