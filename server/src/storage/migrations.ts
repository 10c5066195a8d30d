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

/**
 * Accounts, workspaces (one ABS each), who belongs to what, invitation links, guests and the
 * audit log. Tokens are never stored, only their SHA-256. Everything a workspace owns cascades
 * from it, so erasing a workspace leaves no row behind. `instance_members.member_id` names a
 * user or a guest, hence no foreign key to either; its rows go with their workspace. Boards
 * created before workspaces existed keep a NULL workspace_id and are reachable by instance
 * administrators only.
 */
const accessTables: Migration = {
  version: 3,
  sql: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      is_admin INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE TABLE workspaces (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      period_start TEXT NOT NULL,
      period_end TEXT NOT NULL,
      topics TEXT NOT NULL,
      publics TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE workspace_communes (
      workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      insee_code TEXT NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (workspace_id, insee_code)
    );
    CREATE TABLE memberships (
      workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role TEXT NOT NULL,
      PRIMARY KEY (workspace_id, user_id)
    );
    CREATE INDEX memberships_user ON memberships (user_id);
    CREATE TABLE instance_members (
      workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      instance TEXT NOT NULL,
      member_id TEXT NOT NULL,
      PRIMARY KEY (workspace_id, instance, member_id)
    );
    CREATE TABLE invitation_links (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      token_hash TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL,
      instance TEXT,
      expires_at TEXT NOT NULL,
      max_uses INTEGER NOT NULL,
      uses INTEGER NOT NULL DEFAULT 0,
      revoked_at TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE guests (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      link_id TEXT NOT NULL REFERENCES invitation_links (id) ON DELETE CASCADE,
      display_name TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL
    );
    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY,
      workspace_id TEXT REFERENCES workspaces (id) ON DELETE CASCADE,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL,
      details TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX audit_log_workspace ON audit_log (workspace_id, at);
    ALTER TABLE documents ADD COLUMN workspace_id TEXT REFERENCES workspaces (id) ON DELETE CASCADE;
    CREATE INDEX documents_workspace ON documents (workspace_id, kind);
  `,
};

/**
 * Named versions of a document ("Version validée COPIL du 17/09/2026"): a frozen Yjs state,
 * kept apart from the update log so that compaction and history purges never touch them. The
 * author is kept by name as well as by id, since a guest or an erased account leaves no row.
 */
function versionsTable(blob: 'BLOB' | 'BYTEA'): Migration {
  return {
    version: 4,
    sql: `
      CREATE TABLE document_versions (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state ${blob} NOT NULL
      );
      CREATE INDEX document_versions_doc ON document_versions (doc_id, created_at);
    `,
  };
}

/**
 * Creating workspaces becomes a right that instance administrators grant (issue #12): no
 * account has it stored at first; instance administrators hold it implicitly (is_admin), so
 * every existing instance keeps someone able to create workspaces.
 */
const workspaceCreationRight: Migration = {
  version: 6,
  sql: 'ALTER TABLE users ADD COLUMN can_create_workspaces INTEGER NOT NULL DEFAULT 0;',
};

/**
 * The workspace page groups boards by the ABS's steps and shows when each last changed (issue
 * #14): a board's chosen step (NULL: the one its template suggests), when it was archived
 * (NULL: it was not) and when its content last changed (NULL: not since it was created).
 */
const boardOverviewColumns: Migration = {
  version: 7,
  sql: `
    ALTER TABLE documents ADD COLUMN step TEXT;
    ALTER TABLE documents ADD COLUMN archived_at TEXT;
    ALTER TABLE documents ADD COLUMN changed_at TEXT;
  `,
};

/**
 * Dot-votes (issue #15): a vote's settings and status, each person's ballot and its dots. Ballots
 * are kept here, never in a Yjs document, so that nobody's client receives others' dots before
 * the vote closes. Everything cascades from the board's row (erasure of a board or workspace).
 * `recent_ops` holds the last operation ids a ballot applied, so a replayed request counts once.
 */
const voteTables: Migration = {
  version: 8,
  sql: `
    CREATE TABLE votes (
      id TEXT PRIMARY KEY,
      board_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      settings TEXT NOT NULL,
      status TEXT NOT NULL,
      opened_at TEXT NOT NULL,
      closed_at TEXT
    );
    CREATE INDEX votes_board ON votes (board_id, opened_at);
    CREATE TABLE vote_ballots (
      vote_id TEXT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
      person_id TEXT NOT NULL,
      person_name TEXT NOT NULL,
      recent_ops TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (vote_id, person_id)
    );
    CREATE TABLE vote_dots (
      vote_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      card_id TEXT NOT NULL,
      dots INTEGER NOT NULL,
      PRIMARY KEY (vote_id, person_id, card_id),
      FOREIGN KEY (vote_id, person_id) REFERENCES vote_ballots (vote_id, person_id) ON DELETE CASCADE
    );
  `,
};

/**
 * Held cards (issue #15): cards written while a board is in « écrire seul, révéler ensemble »
 * (purpose 'private') or moderated (purpose 'inbox'), kept here until revealed or accepted so
 * that they are in no Yjs document nor any frame sent to others before. `person_id` is the
 * author (user or guest id, no foreign key to either); rows cascade from the board's row.
 */
const heldCardsTable: Migration = {
  version: 9,
  sql: `
    CREATE TABLE held_cards (
      id TEXT PRIMARY KEY,
      board_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      person_id TEXT NOT NULL,
      purpose TEXT NOT NULL,
      kind TEXT NOT NULL,
      props TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX held_cards_board ON held_cards (board_id, purpose, created_at);
    CREATE INDEX held_cards_person ON held_cards (board_id, person_id);
  `,
};

/**
 * Each workspace's information notice for guests (issue #15, RGPD): one row once an
 * administrator wrote their own text (none: guests read the default one), erased with the
 * workspace.
 */
const workspaceNoticesTable: Migration = {
  version: 10,
  sql: `
    CREATE TABLE workspace_notices (
      workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
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
  accessTables,
  versionsTable('BLOB'),
  {
    /**
     * The update log without AUTOINCREMENT: that keyword makes every insert also rewrite
     * sqlite_sequence, a third page in each commit's WAL write, which made a room's flush of
     * one edit measurably slower. A new row now takes the table's highest seq + 1.
     * What AUTOINCREMENT prevented, reusing the seq of a deleted highest row, is harmless
     * here: a document's rows are read by doc_id, and its own highest row is only ever
     * deleted with the whole document.
     */
    version: 5,
    sql: `
      CREATE TABLE doc_updates_v5 (
        seq INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        data BLOB NOT NULL
      );
      INSERT INTO doc_updates_v5 (seq, doc_id, data) SELECT seq, doc_id, data FROM doc_updates;
      DROP TABLE doc_updates;
      ALTER TABLE doc_updates_v5 RENAME TO doc_updates;
      CREATE INDEX doc_updates_doc_seq ON doc_updates (doc_id, seq);
    `,
  },
  workspaceCreationRight,
  boardOverviewColumns,
  voteTables,
  heldCardsTable,
  workspaceNoticesTable,
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
  accessTables,
  versionsTable('BYTEA'),
  // SQLite's version 5 drops AUTOINCREMENT; a BIGSERIAL has no such cost.
  { version: 5, sql: 'SELECT 1' },
  workspaceCreationRight,
  boardOverviewColumns,
  voteTables,
  heldCardsTable,
  workspaceNoticesTable,
];
