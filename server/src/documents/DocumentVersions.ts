import { randomBytes } from 'node:crypto';
import type { SqlExecutor } from '../storage/SqlExecutor.js';

/** A named version of a document, without its state (see DocumentVersions.state). */
export interface VersionRecord {
  id: string;
  docId: string;
  name: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  /** Size of the frozen state, so a list can say what a purge would leave behind. */
  bytes: number;
}

interface Row {
  id: string;
  doc_id: string;
  name: string;
  author_id: string;
  author_name: string;
  created_at: string;
  bytes: number | string;
}

const fromRow = (row: Row): VersionRecord => ({
  id: row.id,
  docId: row.doc_id,
  name: row.name,
  authorId: row.author_id,
  authorName: row.author_name,
  createdAt: row.created_at,
  bytes: Number(row.bytes),
});

const LENGTH = { sqlite: 'length(state)', postgres: 'octet_length(state)' } as const;

/**
 * Named versions (migration 4): frozen Yjs states of a document, listed with author and date.
 * They are deliberately outside the update log: compaction and "purge history" never rewrite
 * them, which is why a purge lists them first.
 */
export class DocumentVersions {
  constructor(private readonly sql: SqlExecutor) {}

  private columns(): string {
    return `id, doc_id, name, author_id, author_name, created_at, ${LENGTH[this.sql.dialect]} AS bytes`;
  }

  async create(input: {
    docId: string;
    name: string;
    author: { id: string; name: string };
    state: Uint8Array;
  }): Promise<VersionRecord> {
    const record: VersionRecord = {
      id: `version-${randomBytes(9).toString('base64url')}`,
      docId: input.docId,
      name: input.name,
      authorId: input.author.id,
      authorName: input.author.name,
      createdAt: new Date().toISOString(),
      bytes: input.state.byteLength,
    };
    await this.sql.run(
      `INSERT INTO document_versions (id, doc_id, name, author_id, author_name, created_at, state)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        record.id,
        record.docId,
        record.name,
        record.authorId,
        record.authorName,
        record.createdAt,
        Buffer.from(input.state.buffer, input.state.byteOffset, input.state.byteLength),
      ],
    );
    return record;
  }

  /** A document's versions, newest first. */
  async list(docId: string): Promise<VersionRecord[]> {
    const rows = await this.sql.all<Row>(
      `SELECT ${this.columns()} FROM document_versions WHERE doc_id = ? ORDER BY created_at DESC, id`,
      [docId],
    );
    return rows.map(fromRow);
  }

  async get(docId: string, versionId: string): Promise<VersionRecord | undefined> {
    const rows = await this.sql.all<Row>(
      `SELECT ${this.columns()} FROM document_versions WHERE doc_id = ? AND id = ?`,
      [docId, versionId],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** The frozen Yjs state (an update to apply to an empty Y.Doc). */
  async state(docId: string, versionId: string): Promise<Uint8Array | undefined> {
    const rows = await this.sql.all<{ state: Uint8Array }>(
      'SELECT state FROM document_versions WHERE doc_id = ? AND id = ?',
      [docId, versionId],
    );
    const state = rows[0]?.state;
    return state ? new Uint8Array(state) : undefined;
  }

  /** True when a version was deleted. */
  async delete(docId: string, versionId: string): Promise<boolean> {
    const { changes } = await this.sql.run(
      'DELETE FROM document_versions WHERE doc_id = ? AND id = ?',
      [docId, versionId],
    );
    return changes > 0;
  }
}
