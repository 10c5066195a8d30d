import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import {
  rankResults,
  readBoardRecords,
  type CardVotesMeta,
  type OpenVoteRequest,
  type OwnBallot,
  type SessionVote,
  type VoteDetail,
  type VoteResult,
  type VoteTarget,
} from '@boussole/shared';
import { KeyedQueue } from './KeyedQueue.js';
import { DotBudget } from './DotBudget.js';
import { writeCardVoteCounts } from './cardVoteCounts.js';
import { resolveVoteCards } from './voteCards.js';
import { total, VoteStore, type DotOutcome, type StoredVote } from './VoteStore.js';

/**
 * Dot-votes of boards: opening on cards the server resolves, one dot at a time per person
 * (serialised per ballot here, checked again in the store's transaction), closing with the
 * results ranked. While a vote is open, what anyone but the voter may learn of it is its public
 * face in the session document — settings and how many people voted — never anyone's dots.
 */

/** The session document's writer (server/src/session SessionDocs); only the `vote` key is ours. */
export interface SessionVoteWriter {
  writeSessionValue(boardId: string, key: 'vote', value: SessionVote | null): Promise<void>;
}

export interface VoteServiceDeps {
  store: VoteStore;
  /** The boards' rooms (RoomRegistry): their committed state, and server changes. */
  rooms: {
    committedState(docId: string): Promise<Uint8Array>;
    changeDocument(docId: string, change: (doc: Y.Doc) => void): Promise<void>;
  };
  /** Absent until the session document exists: the vote then lives in REST only. */
  session?: SessionVoteWriter;
  clock?: () => number;
  /** How often, at most, the session's count of voters is refreshed while a vote is open. */
  votersThrottleMs?: number;
}

export type VoteError =
  | { status: 404; error: 'vote-not-found'; message: string }
  | { status: 409; error: 'vote-already-open' | 'vote-closed'; message: string }
  | { status: 400; error: 'no-cards' | 'theme-not-found' | 'too-many-cards'; message: string };

const notFound: VoteError = {
  status: 404,
  error: 'vote-not-found',
  message: 'Ce vote n’existe pas sur ce tableau.',
};

export class VoteService {
  private readonly ballots = new KeyedQueue();
  /** Session writes of one board, in order, so a late count never overwrites the results. */
  private readonly sessionWrites = new KeyedQueue();
  private readonly budget: DotBudget;
  private readonly votersTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly now: () => number;

  constructor(private readonly deps: VoteServiceDeps) {
    this.now = deps.clock ?? Date.now;
    this.budget = new DotBudget({ now: this.now });
  }

  get store(): VoteStore {
    return this.deps.store;
  }

  async list(boardId: string): Promise<StoredVote[]> {
    return this.deps.store.listOfBoard(boardId);
  }

  async open(
    boardId: string,
    request: Required<Omit<OpenVoteRequest, 'target'>> & { target: VoteTarget },
  ): Promise<StoredVote | VoteError> {
    const existing = (await this.deps.store.listOfBoard(boardId)).find((v) => v.status === 'open');
    if (existing) {
      return {
        status: 409,
        error: 'vote-already-open',
        message: 'Un vote est déjà ouvert sur ce tableau : clôturez-le avant d’en ouvrir un autre.',
      };
    }
    const cards = resolveVoteCards(await this.boardRecords(boardId), request.target);
    if (!cards.ok) return { status: 400, error: cards.error, message: cards.message };
    const id = randomUUID();
    const openedAt = new Date(this.now()).toISOString();
    await this.deps.store.create({
      id,
      boardId,
      openedAt,
      settings: {
        title: request.title,
        cardIds: cards.cardIds,
        dotsPerPerson: request.dotsPerPerson,
        maxPerCard: request.maxPerCard,
        anonymous: request.anonymous,
      },
    });
    const vote = await this.deps.store.get(id);
    if (!vote) throw new Error('vote vanished after creation');
    await this.publish(boardId, id);
    return vote;
  }

  /** The vote, with its results once closed. */
  async detail(boardId: string, voteId: string): Promise<VoteDetail | VoteError> {
    const vote = await this.voteOf(boardId, voteId);
    if (!vote) return notFound;
    return {
      ...publicPart(vote),
      results: vote.status === 'closed' ? await this.results(vote) : null,
    };
  }

  async close(boardId: string, voteId: string): Promise<VoteDetail | VoteError> {
    const vote = await this.voteOf(boardId, voteId);
    if (!vote) return notFound;
    // Dots already queued are judged before the close; later ones find the vote closed.
    await this.deps.store.close(voteId, new Date(this.now()).toISOString());
    this.cancelVotersUpdate(voteId);
    const closed = await this.deps.store.get(voteId);
    if (!closed) return notFound;
    const results = await this.results(closed);
    const counts = new Map<string, CardVotesMeta>(
      rankResults(results, closed.cardIds).map((r) => [
        r.cardId,
        { voteId, dots: r.dots, rank: r.rank },
      ]),
    );
    await this.deps.rooms.changeDocument(boardId, (doc) => writeCardVoteCounts(doc, counts));
    await this.publish(boardId, voteId);
    return { ...publicPart(closed), results };
  }

  async ballot(boardId: string, voteId: string, personId: string): Promise<OwnBallot | VoteError> {
    const vote = await this.voteOf(boardId, voteId);
    if (!vote) return notFound;
    return ownBallot(vote, await this.deps.store.ballot(voteId, personId));
  }

  /**
   * One dot placed or removed by `person` (the caller as the server identified them: the body
   * names no person). Refused beyond the vote's limits, off its cards, or once it is closed.
   */
  async changeDot(
    boardId: string,
    voteId: string,
    person: { id: string; name: string },
    dot: { cardId: string; delta: 1 | -1; opId: string },
  ): Promise<{ vote: StoredVote; outcome: DotOutcome } | VoteError | 'rate-limited'> {
    const vote = await this.voteOf(boardId, voteId);
    if (!vote) return notFound;
    if (!this.budget.take(`${voteId}\n${person.id}`)) return 'rate-limited';
    const outcome = await this.ballots.run(`${voteId}\n${person.id}`, () =>
      this.deps.store.changeDot({
        voteId,
        person,
        ...dot,
        at: new Date(this.now()).toISOString(),
      }),
    );
    if (outcome.ok && outcome.firstDot) this.scheduleVotersUpdate(boardId, voteId);
    return { vote, outcome };
  }

  /** Stops pending timers (the app is closing). */
  dispose(): void {
    for (const timer of this.votersTimers.values()) clearTimeout(timer);
    this.votersTimers.clear();
    this.budget.clear();
  }

  private async boardRecords(boardId: string): Promise<Record<string, Record<string, unknown>>> {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, await this.deps.rooms.committedState(boardId));
      return readBoardRecords(doc);
    } finally {
      doc.destroy();
    }
  }

  private async voteOf(boardId: string, voteId: string): Promise<StoredVote | undefined> {
    const vote = await this.deps.store.get(voteId);
    return vote?.boardId === boardId ? vote : undefined;
  }

  private async results(vote: StoredVote): Promise<VoteResult[]> {
    const byCard = new Map<string, { dots: number; names: string[] }>(
      vote.cardIds.map((id) => [id, { dots: 0, names: [] }]),
    );
    for (const row of await this.deps.store.tally(vote.id)) {
      const entry = byCard.get(row.cardId);
      if (!entry) continue;
      entry.dots += row.dots;
      entry.names.push(row.personName);
    }
    const results = [...byCard].map(([cardId, { dots, names }]) => ({
      cardId,
      dots,
      names: vote.anonymous ? null : names,
    }));
    return rankResults(results, vote.cardIds).map(({ rank: _rank, ...result }) => result);
  }

  /** Writes the vote's public face into the session document, in order per board. */
  private publish(boardId: string, voteId: string): Promise<void> {
    const session = this.deps.session;
    if (!session) return Promise.resolve();
    return this.sessionWrites.run(boardId, async () => {
      const vote = await this.deps.store.get(voteId);
      if (!vote) return;
      const voters = await this.deps.store.voterCount(voteId);
      const results = vote.status === 'closed' ? await this.results(vote) : null;
      await session.writeSessionValue(boardId, 'vote', sessionVoteOf(vote, voters, results));
    });
  }

  private scheduleVotersUpdate(boardId: string, voteId: string): void {
    if (!this.deps.session || this.votersTimers.has(voteId)) return;
    const timer = setTimeout(() => {
      this.votersTimers.delete(voteId);
      // A failure here only delays the count: the next dot or the close writes it again.
      this.publish(boardId, voteId).catch(() => {});
    }, this.deps.votersThrottleMs ?? 1_000);
    timer.unref?.();
    this.votersTimers.set(voteId, timer);
  }

  private cancelVotersUpdate(voteId: string): void {
    const timer = this.votersTimers.get(voteId);
    if (timer) clearTimeout(timer);
    this.votersTimers.delete(voteId);
  }
}

function publicPart(vote: StoredVote): Omit<VoteDetail, 'results'> {
  const { boardId: _boardId, ...rest } = vote;
  return rest;
}

export function ownBallot(vote: StoredVote, dots: Record<string, number>): OwnBallot {
  return {
    voteId: vote.id,
    status: vote.status,
    dots,
    remaining: Math.max(0, vote.dotsPerPerson - total(dots)),
  };
}

/** What the session document shows of a vote: no ballot, results only once closed. */
export function sessionVoteOf(
  vote: StoredVote,
  voters: number,
  results: VoteResult[] | null,
): SessionVote {
  return {
    id: vote.id,
    status: vote.status,
    title: vote.title,
    cardIds: vote.cardIds,
    dotsPerPerson: vote.dotsPerPerson,
    maxPerCard: vote.maxPerCard,
    anonymous: vote.anonymous,
    openedAt: Date.parse(vote.openedAt),
    closedAt: vote.closedAt ? Date.parse(vote.closedAt) : null,
    voters,
    results: vote.status === 'closed' ? results : null,
  };
}
