/**
 * Schema migrations, applied in order at start and recorded in schema_migrations. Never edit a
 * migration that has shipped: add a new one. SQLite and PostgreSQL keep the same versions.
 */
export interface Migration {
  version: number;
  sql: string;
}

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
];
