import { randomBytes } from 'node:crypto';
import type { HeldCard, HeldCardCounts, HeldCardInput, HeldCardPurpose } from '@boussole/shared';
import type { SqlExecutor } from '../storage/SqlExecutor.js';

/**
 * The `held_cards` table: cards the server keeps out of every Yjs document until they are
 * revealed or accepted. Each row knows its author (`person_id`) for the author's own listing
 * and the audit; no answer built from it ever names the author.
 */

interface Row {
  id: string;
  board_id: string;
  person_id: string;
  purpose: HeldCardPurpose;
  kind: HeldCardInput['kind'];
  props: string;
  created_at: string;
}

/** A held card and, for the server's own use only, who wrote it. */
export type StoredHeldCard = HeldCard & { personId: string };

const COLUMNS = 'id, board_id, person_id, purpose, kind, props, created_at';

function fromRow(row: Row): StoredHeldCard {
  return {
    id: row.id,
    boardId: row.board_id,
    personId: row.person_id,
    purpose: row.purpose,
    kind: row.kind,
    props: JSON.parse(row.props) as never,
    createdAt: row.created_at,
  } as StoredHeldCard;
}

/** What a card is shown as: never its author. */
export function publicHeldCard({ personId: _author, ...card }: StoredHeldCard): HeldCard {
  return card;
}

export function newHeldCardId(): string {
  return `held_${randomBytes(12).toString('base64url')}`;
}

/** The characters a card's content takes in the table: what the per-person bound counts. */
export function heldCardChars(input: HeldCardInput): number {
  return JSON.stringify(input.props).length;
}

export class HeldCardStore {
  constructor(private readonly sql: SqlExecutor) {}

  async insert(
    tx: SqlExecutor,
    card: { id: string; boardId: string; personId: string; purpose: HeldCardPurpose },
    input: HeldCardInput,
    at: string,
  ): Promise<void> {
    await tx.run(`INSERT INTO held_cards (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
      card.id,
      card.boardId,
      card.personId,
      card.purpose,
      input.kind,
      JSON.stringify(input.props),
      at,
    ]);
  }

  async update(tx: SqlExecutor, id: string, input: HeldCardInput): Promise<void> {
    await tx.run('UPDATE held_cards SET kind = ?, props = ? WHERE id = ?', [
      input.kind,
      JSON.stringify(input.props),
      id,
    ]);
  }

  async get(
    boardId: string,
    id: string,
    sql: SqlExecutor = this.sql,
  ): Promise<StoredHeldCard | undefined> {
    const rows = await sql.all<Row>(
      `SELECT ${COLUMNS} FROM held_cards WHERE board_id = ? AND id = ?`,
      [boardId, id],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** One person's cards on a board, oldest first. */
  async ofPerson(
    boardId: string,
    personId: string,
    sql: SqlExecutor = this.sql,
  ): Promise<StoredHeldCard[]> {
    const rows = await sql.all<Row>(
      `SELECT ${COLUMNS} FROM held_cards WHERE board_id = ? AND person_id = ? ORDER BY created_at, id`,
      [boardId, personId],
    );
    return rows.map(fromRow);
  }

  /** A board's cards of one purpose, oldest first. */
  async ofBoard(
    boardId: string,
    purpose: HeldCardPurpose,
    sql: SqlExecutor = this.sql,
  ): Promise<StoredHeldCard[]> {
    const rows = await sql.all<Row>(
      `SELECT ${COLUMNS} FROM held_cards WHERE board_id = ? AND purpose = ? ORDER BY created_at, id`,
      [boardId, purpose],
    );
    return rows.map(fromRow);
  }

  async counts(boardId: string, sql: SqlExecutor = this.sql): Promise<HeldCardCounts> {
    const rows = await sql.all<{ purpose: string; n: number | string }>(
      'SELECT purpose, COUNT(*) AS n FROM held_cards WHERE board_id = ? GROUP BY purpose',
      [boardId],
    );
    const counts: HeldCardCounts = { private: 0, inbox: 0 };
    for (const row of rows) {
      if (row.purpose === 'private' || row.purpose === 'inbox') counts[row.purpose] = Number(row.n);
    }
    return counts;
  }

  /** How many cards a board holds in all, and how many of them (and characters) one person wrote. */
  async usage(
    tx: SqlExecutor,
    boardId: string,
    personId: string,
  ): Promise<{ board: number; person: number; personChars: number }> {
    const [board] = await tx.all<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM held_cards WHERE board_id = ?',
      [boardId],
    );
    const [person] = await tx.all<{ n: number | string; chars: number | string | null }>(
      'SELECT COUNT(*) AS n, SUM(LENGTH(props)) AS chars FROM held_cards WHERE board_id = ? AND person_id = ?',
      [boardId, personId],
    );
    return {
      board: Number(board?.n ?? 0),
      person: Number(person?.n ?? 0),
      personChars: Number(person?.chars ?? 0),
    };
  }

  async delete(tx: SqlExecutor, ids: readonly string[]): Promise<void> {
    for (const id of ids) await tx.run('DELETE FROM held_cards WHERE id = ?', [id]);
  }

  /** Every held card of a workspace's boards, for its RGPD archive (authors by id). */
  async ofWorkspace(workspaceId: string): Promise<StoredHeldCard[]> {
    const rows = await this.sql.all<Row>(
      `SELECT ${COLUMNS.split(', ')
        .map((c) => `h.${c}`)
        .join(
          ', ',
        )} FROM held_cards h JOIN documents d ON d.id = h.board_id WHERE d.workspace_id = ? ORDER BY h.created_at, h.id`,
      [workspaceId],
    );
    return rows.map(fromRow);
  }
}
