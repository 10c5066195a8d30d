import { randomBytes } from 'node:crypto';
import {
  defaultStepOfTemplate,
  type BoardStep,
  type BoardTemplateId,
  type DocumentKind,
} from '@boussole/shared';
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
  /** The ABS step a board is grouped under: chosen, or the one its template suggests. */
  step: BoardStep;
  /** When it was archived (hidden from the workspace's main list), or null. */
  archivedAt: string | null;
  /** When its content last changed, as far as storage knows (BoardActivity), or null. */
  changedAt: string | null;
}

interface Row {
  id: string;
  kind: DocumentKind;
  title: string;
  template: BoardTemplateId;
  created_at: string;
  workspace_id: string | null;
  step: BoardStep | null;
  archived_at: string | null;
  changed_at: string | null;
}

const INSERTED_COLUMNS = 'id, kind, title, template, created_at, workspace_id';
const COLUMNS = `${INSERTED_COLUMNS}, step, archived_at, changed_at`;

const fromRow = (row: Row): DocumentRecord => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  template: row.template,
  createdAt: row.created_at,
  workspaceId: row.workspace_id,
  step: row.step ?? defaultStepOfTemplate[row.template] ?? 'autres',
  archivedAt: row.archived_at,
  changedAt: row.changed_at,
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
      step: defaultStepOfTemplate[input.template],
      archivedAt: null,
      changedAt: null,
    };
    await this.sql.run(`INSERT INTO documents (${INSERTED_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`, [
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

  /** Rename a document, move a board to another step, archive or bring it back. */
  async update(
    id: string,
    change: { title?: string; step?: BoardStep; archivedAt?: string | null },
  ): Promise<DocumentRecord | undefined> {
    const columns = { title: change.title, step: change.step, archived_at: change.archivedAt };
    const set = Object.entries(columns).filter(([, value]) => value !== undefined);
    if (set.length > 0) {
      await this.sql.run(
        `UPDATE documents SET ${set.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`,
        [...set.map(([, value]) => value ?? null), id],
      );
    }
    return this.get(id);
  }

  /** Record when a document's content last changed (BoardActivity throttles the calls). */
  async markChanged(id: string, at: string): Promise<void> {
    await this.sql.run('UPDATE documents SET changed_at = ? WHERE id = ?', [at, id]);
  }

  /** Remove a document's row; its versions go with it (ON DELETE CASCADE). */
  async delete(id: string, sql: SqlExecutor = this.sql): Promise<void> {
    await sql.run('DELETE FROM document_versions WHERE doc_id = ?', [id]);
    await sql.run('DELETE FROM documents WHERE id = ?', [id]);
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
