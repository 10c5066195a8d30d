import { randomBytes } from 'node:crypto';
import type { BoardTemplateId, DocumentKind } from '@boussole/shared';
import type { SqlExecutor } from '../storage/SqlExecutor.js';

/** A document's kind decides who may write it and how it is validated (shared/src/access). */
export type { DocumentKind };

export interface DocumentRecord {
  id: string;
  kind: DocumentKind;
  title: string;
  template: BoardTemplateId;
  createdAt: string;
  /** Null for boards created before workspaces existed (instance administrators only). */
  workspaceId: string | null;
}

interface Row {
  id: string;
  kind: DocumentKind;
  title: string;
  template: BoardTemplateId;
  created_at: string;
  workspace_id: string | null;
}

const COLUMNS = 'id, kind, title, template, created_at, workspace_id';

const fromRow = (row: Row): DocumentRecord => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  template: row.template,
  createdAt: row.created_at,
  workspaceId: row.workspace_id,
});

/** Unguessable ids: a board URL is shared in a room, but must not be enumerable. */
export function newDocumentId(kind: DocumentKind): string {
  return `${kind}-${randomBytes(12).toString('base64url')}`;
}

export class DocumentCatalog {
  constructor(private readonly sql: SqlExecutor) {}

  async create(input: {
    kind: DocumentKind;
    title: string;
    template: BoardTemplateId;
    workspaceId: string | null;
    /** A chosen id (a report's comments document is named after its report). */
    id?: string;
  }): Promise<DocumentRecord> {
    const record: DocumentRecord = {
      id: input.id ?? newDocumentId(input.kind),
      kind: input.kind,
      title: input.title,
      template: input.template,
      createdAt: new Date().toISOString(),
      workspaceId: input.workspaceId,
    };
    await this.sql.run(`INSERT INTO documents (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`, [
      record.id,
      record.kind,
      record.title,
      record.template,
      record.createdAt,
      record.workspaceId,
    ]);
    return record;
  }

  async get(id: string): Promise<DocumentRecord | undefined> {
    const rows = await this.sql.all<Row>(`SELECT ${COLUMNS} FROM documents WHERE id = ?`, [id]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** A workspace's documents of one kind, newest first. */
  async list(workspaceId: string, kind: DocumentKind): Promise<DocumentRecord[]> {
    const rows = await this.sql.all<Row>(
      `SELECT ${COLUMNS} FROM documents WHERE workspace_id = ? AND kind = ? ORDER BY created_at DESC, id`,
      [workspaceId, kind],
    );
    return rows.map(fromRow);
  }

  /** Documents of one kind in no workspace (created before workspaces existed), newest first. */
  async listUnassigned(kind: DocumentKind): Promise<DocumentRecord[]> {
    const rows = await this.sql.all<Row>(
      `SELECT ${COLUMNS} FROM documents WHERE workspace_id IS NULL AND kind = ? ORDER BY created_at DESC, id`,
      [kind],
    );
    return rows.map(fromRow);
  }

  /** Every document id of a workspace, for erasure. */
  async idsOfWorkspace(workspaceId: string, sql: SqlExecutor = this.sql): Promise<string[]> {
    const rows = await sql.all<{ id: string }>('SELECT id FROM documents WHERE workspace_id = ?', [
      workspaceId,
    ]);
    return rows.map((row) => row.id);
  }

  async count(): Promise<number> {
    const rows = await this.sql.all<{ n: number | string }>('SELECT COUNT(*) AS n FROM documents');
    return Number(rows[0]?.n ?? 0);
  }
}
