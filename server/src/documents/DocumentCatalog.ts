import { randomBytes } from 'node:crypto';
import type { BoardTemplateId } from '@boussole/shared';
import type { SqlExecutor } from '../storage/SqlExecutor.js';

/** A document's record: which kind it is decides who may write it and how it is validated. */
export type DocumentKind = 'board';

export interface DocumentRecord {
  id: string;
  kind: DocumentKind;
  title: string;
  template: BoardTemplateId;
  createdAt: string;
}

interface Row {
  id: string;
  kind: DocumentKind;
  title: string;
  template: BoardTemplateId;
  created_at: string;
}

const fromRow = (row: Row): DocumentRecord => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  template: row.template,
  createdAt: row.created_at,
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
  }): Promise<DocumentRecord> {
    const record: DocumentRecord = {
      id: newDocumentId(input.kind),
      kind: input.kind,
      title: input.title,
      template: input.template,
      createdAt: new Date().toISOString(),
    };
    await this.sql.run(
      'INSERT INTO documents (id, kind, title, template, created_at) VALUES (?, ?, ?, ?, ?)',
      [record.id, record.kind, record.title, record.template, record.createdAt],
    );
    return record;
  }

  async get(id: string): Promise<DocumentRecord | undefined> {
    const rows = await this.sql.all<Row>(
      'SELECT id, kind, title, template, created_at FROM documents WHERE id = ?',
      [id],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async list(kind: DocumentKind): Promise<DocumentRecord[]> {
    const rows = await this.sql.all<Row>(
      'SELECT id, kind, title, template, created_at FROM documents WHERE kind = ? ORDER BY created_at DESC, id',
      [kind],
    );
    return rows.map(fromRow);
  }

  async count(): Promise<number> {
    const rows = await this.sql.all<{ n: number | string }>('SELECT COUNT(*) AS n FROM documents');
    return Number(rows[0]?.n ?? 0);
  }
}
