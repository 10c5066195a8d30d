import type { VoteSettings, VoteSummary } from '@boussole/shared';
import type { SqlExecutor } from '../storage/SqlExecutor.js';

/**
 * The votes of boards and their ballots, in SQL (migration 8), for SQLite and PostgreSQL alike.
 * A ballot is changed one dot at a time inside a transaction that locks the person's ballot
 * row (PostgreSQL: FOR UPDATE; SQLite: every write transaction is IMMEDIATE, hence serial), so
 * no interleaving of requests can take a person past the vote's limits.
 */

/** How many of a ballot's last operation ids are kept to recognise a replay. */
export const RECENT_OPS_KEPT = 200;

interface VoteRow {
  id: string;
  board_id: string;
  settings: string;
  status: string;
  opened_at: string;
  closed_at: string | null;
}

export interface StoredVote extends VoteSummary {
  boardId: string;
}

function toVote(row: VoteRow): StoredVote {
  const settings = JSON.parse(row.settings) as VoteSettings;
  return {
    id: row.id,
    boardId: row.board_id,
    status: row.status === 'closed' ? 'closed' : 'open',
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    title: settings.title,
    cardIds: settings.cardIds,
    dotsPerPerson: settings.dotsPerPerson,
    maxPerCard: settings.maxPerCard,
    anonymous: settings.anonymous,
  };
}

/** Why a dot was not applied; the route words it in French. */
export type DotRefusal =
  | { reason: 'closed' }
  | { reason: 'not-found' }
  | { reason: 'card-not-in-vote' }
  | { reason: 'no-dots-left'; dotsPerPerson: number }
  | { reason: 'max-per-card'; maxPerCard: number }
  | { reason: 'no-dot-to-remove' };

export type DotOutcome =
  | { ok: true; dots: Record<string, number>; replayed: boolean; firstDot: boolean }
  | { ok: false; refusal: DotRefusal; dots: Record<string, number> };

export interface DotChange {
  voteId: string;
  person: { id: string; name: string };
  cardId: string;
  delta: 1 | -1;
  opId: string;
  at: string;
}

export interface PersonTally {
  personId: string;
  personName: string;
  cardId: string;
  dots: number;
}

export class VoteStore {
  constructor(private readonly sql: SqlExecutor) {}

  async create(vote: {
    id: string;
    boardId: string;
    settings: VoteSettings;
    openedAt: string;
  }): Promise<void> {
    await this.sql.run(
      'INSERT INTO votes (id, board_id, settings, status, opened_at, closed_at) VALUES (?, ?, ?, ?, ?, NULL)',
      [vote.id, vote.boardId, JSON.stringify(vote.settings), 'open', vote.openedAt],
    );
  }

  async get(voteId: string, sql: SqlExecutor = this.sql): Promise<StoredVote | undefined> {
    const rows = await sql.all<VoteRow>(
      'SELECT id, board_id, settings, status, opened_at, closed_at FROM votes WHERE id = ?',
      [voteId],
    );
    return rows[0] ? toVote(rows[0]) : undefined;
  }

  async listOfBoard(boardId: string): Promise<StoredVote[]> {
    const rows = await this.sql.all<VoteRow>(
      'SELECT id, board_id, settings, status, opened_at, closed_at FROM votes WHERE board_id = ? ORDER BY opened_at, id',
      [boardId],
    );
    return rows.map(toVote);
  }

  /** Marks the vote closed; false if it was not open (closed already, or unknown). */
  async close(voteId: string, at: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
      const rows = await tx.all<{ status: string }>(
        `SELECT status FROM votes WHERE id = ?${lock}`,
        [voteId],
      );
      if (rows[0]?.status !== 'open') return false;
      await tx.run('UPDATE votes SET status = ?, closed_at = ? WHERE id = ?', [
        'closed',
        at,
        voteId,
      ]);
      return true;
    });
  }

  /** One person's dots on one vote. */
  async ballot(voteId: string, personId: string): Promise<Record<string, number>> {
    return this.dotsOf(this.sql, voteId, personId);
  }

  /** How many people have at least one dot on the vote. */
  async voterCount(voteId: string): Promise<number> {
    const rows = await this.sql.all<{ n: number | string }>(
      'SELECT COUNT(DISTINCT person_id) AS n FROM vote_dots WHERE vote_id = ? AND dots > 0',
      [voteId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Every person's dots per card (for the results at close, and the RGPD archive). */
  async tally(voteId: string): Promise<PersonTally[]> {
    const rows = await this.sql.all<{
      person_id: string;
      person_name: string;
      card_id: string;
      dots: number | string;
    }>(
      `SELECT d.person_id, b.person_name, d.card_id, d.dots
         FROM vote_dots d JOIN vote_ballots b ON b.vote_id = d.vote_id AND b.person_id = d.person_id
        WHERE d.vote_id = ? AND d.dots > 0
        ORDER BY d.card_id, b.person_name, d.person_id`,
      [voteId],
    );
    return rows.map((r) => ({
      personId: r.person_id,
      personName: r.person_name,
      cardId: r.card_id,
      dots: Number(r.dots),
    }));
  }

  /** Removes a person's ballots from every vote of these boards (a member's erasure). */
  async erasePerson(boardIds: readonly string[], personId: string): Promise<void> {
    if (boardIds.length === 0) return;
    const marks = boardIds.map(() => '?').join(', ');
    await this.sql.transaction(async (tx) => {
      const where = `vote_id IN (SELECT id FROM votes WHERE board_id IN (${marks})) AND person_id = ?`;
      await tx.run(`DELETE FROM vote_dots WHERE ${where}`, [...boardIds, personId]);
      await tx.run(`DELETE FROM vote_ballots WHERE ${where}`, [...boardIds, personId]);
    });
  }

  /**
   * Places or removes one dot, checked against the vote as it is inside the transaction. An
   * `opId` this ballot already applied is not applied again (the answer says `replayed`).
   */
  async changeDot(change: DotChange): Promise<DotOutcome> {
    return this.sql.transaction(async (tx) => {
      const pg = tx.dialect === 'postgres';
      const votes = await tx.all<VoteRow>(
        `SELECT id, board_id, settings, status, opened_at, closed_at FROM votes WHERE id = ?${pg ? ' FOR SHARE' : ''}`,
        [change.voteId],
      );
      const vote = votes[0] ? toVote(votes[0]) : undefined;
      if (!vote) return { ok: false, refusal: { reason: 'not-found' }, dots: {} };

      // The ballot row exists before it is locked, so that two first dots also serialise.
      await tx.run(
        `INSERT INTO vote_ballots (vote_id, person_id, person_name, recent_ops, updated_at)
           VALUES (?, ?, ?, '[]', ?) ON CONFLICT (vote_id, person_id) DO NOTHING`,
        [change.voteId, change.person.id, change.person.name, change.at],
      );
      const ballots = await tx.all<{ recent_ops: string }>(
        `SELECT recent_ops FROM vote_ballots WHERE vote_id = ? AND person_id = ?${pg ? ' FOR UPDATE' : ''}`,
        [change.voteId, change.person.id],
      );
      const recentOps = parseOps(ballots[0]?.recent_ops);
      const dots = await this.dotsOf(tx, change.voteId, change.person.id);
      if (recentOps.includes(change.opId)) {
        return { ok: true, dots, replayed: true, firstDot: false };
      }
      const refusal = judge(vote, dots, change);
      if (refusal) return { ok: false, refusal, dots };

      const before = total(dots);
      const next = (dots[change.cardId] ?? 0) + change.delta;
      if (next === 0) {
        await tx.run('DELETE FROM vote_dots WHERE vote_id = ? AND person_id = ? AND card_id = ?', [
          change.voteId,
          change.person.id,
          change.cardId,
        ]);
        delete dots[change.cardId];
      } else {
        await tx.run(
          `INSERT INTO vote_dots (vote_id, person_id, card_id, dots) VALUES (?, ?, ?, ?)
             ON CONFLICT (vote_id, person_id, card_id) DO UPDATE SET dots = excluded.dots`,
          [change.voteId, change.person.id, change.cardId, next],
        );
        dots[change.cardId] = next;
      }
      const ops = [...recentOps, change.opId].slice(-RECENT_OPS_KEPT);
      await tx.run(
        'UPDATE vote_ballots SET recent_ops = ?, person_name = ?, updated_at = ? WHERE vote_id = ? AND person_id = ?',
        [JSON.stringify(ops), change.person.name, change.at, change.voteId, change.person.id],
      );
      return { ok: true, dots, replayed: false, firstDot: before === 0 || total(dots) === 0 };
    });
  }

  private async dotsOf(
    sql: SqlExecutor,
    voteId: string,
    personId: string,
  ): Promise<Record<string, number>> {
    const rows = await sql.all<{ card_id: string; dots: number | string }>(
      'SELECT card_id, dots FROM vote_dots WHERE vote_id = ? AND person_id = ? AND dots > 0',
      [voteId, personId],
    );
    const dots: Record<string, number> = {};
    for (const row of rows) dots[row.card_id] = Number(row.dots);
    return dots;
  }
}

export function total(dots: Record<string, number>): number {
  return Object.values(dots).reduce((sum, n) => sum + n, 0);
}

function parseOps(raw: string | undefined): string[] {
  try {
    const value: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Whether this dot may be applied to this ballot; undefined when it may. */
function judge(
  vote: StoredVote,
  dots: Record<string, number>,
  change: DotChange,
): DotRefusal | undefined {
  if (vote.status !== 'open') return { reason: 'closed' };
  if (!vote.cardIds.includes(change.cardId)) return { reason: 'card-not-in-vote' };
  const onCard = dots[change.cardId] ?? 0;
  if (change.delta === -1) return onCard > 0 ? undefined : { reason: 'no-dot-to-remove' };
  if (total(dots) >= vote.dotsPerPerson) {
    return { reason: 'no-dots-left', dotsPerPerson: vote.dotsPerPerson };
  }
  if (vote.maxPerCard !== null && onCard >= vote.maxPerCard) {
    return { reason: 'max-per-card', maxPerCard: vote.maxPerCard };
  }
  return undefined;
}
