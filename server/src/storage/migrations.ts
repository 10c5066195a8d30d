/**
 * Schema migrations, applied in order at start and recorded in schema_migrations. Never edit a
 * migration that has shipped: add a new one. SQLite and PostgreSQL keep the same versions.
 */
export interface Migration {
  version: number;
  sql: string;
}

/** Portable SQL (TEXT ids and ISO timestamps) is written once for both dialects. */
const documentsTable: Migration = {
  version: 2,
  sql: `
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      template TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX documents_kind ON documents (kind, created_at);
  `,
};

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX doc_updates_doc_seq ON doc_updates (doc_id, seq);
    `,
  },
  documentsTable,
];

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE doc_updates (
        seq BIGSERIAL PRIMARY KEY,
        doc_id TEXT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX doc_updates_doc_seq ON doc_updates (doc_id, seq);
    `,
  },
  documentsTable,
];
