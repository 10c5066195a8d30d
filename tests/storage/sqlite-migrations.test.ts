import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteMigrations } from '@boussole/server';
import { sqliteStores } from '../helpers/sqliteStores.js';

const bytes = (...values: number[]) => new Uint8Array(values);

/**
 * A database written by an earlier Boussole, at schema version 4: the update log still had
 * AUTOINCREMENT. Rows of two documents, and the highest row deleted (AUTOINCREMENT's sequence
 * still remembers it).
 */
function databaseAtVersion4(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    for (const migration of sqliteMigrations.filter((m) => m.version <= 4)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        migration.version,
        '2026-10-01T00:00:00.000Z',
      );
    }
    const insert = db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)');
    insert.run('a', Buffer.from([1]));
    insert.run('b', Buffer.from([2]));
    insert.run('a', Buffer.from([3, 3]));
    insert.run('b', Buffer.from([4]));
    db.prepare('DELETE FROM doc_updates WHERE seq = 4').run();
  } finally {
    db.close();
  }
}

describe('SQLite schema migrations', () => {
  const stores = sqliteStores({ synchronous: 'normal' });
  afterEach(() => stores.cleanup());

  it('rebuilds the update log without AUTOINCREMENT, keeping every row and its seq', async () => {
    const dir = stores.dir();
    const file = path.join(dir, 'boussole.sqlite');
    databaseAtVersion4(file);

    const store = await stores.open(dir);
    expect(await store.load('a')).toEqual({
      updates: [bytes(1), bytes(3, 3)],
      lastSeq: 3,
      bytes: 3,
    });
    expect(await store.load('b')).toEqual({ updates: [bytes(2)], lastSeq: 2, bytes: 1 });
    // Appends go on after the highest row still there.
    expect(await store.append('a', [bytes(5)])).toBe(4);
    expect((await store.load('a')).updates).toEqual([bytes(1), bytes(3, 3), bytes(5)]);
    await store.close();

    const db = new Database(file, { readonly: true });
    try {
      const table = db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'doc_updates'")
        .get() as { sql: string };
      // Each commit would rewrite sqlite_sequence as well: a third page in every WAL write.
      expect(table.sql).not.toMatch(/AUTOINCREMENT/i);
      const index = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'doc_updates'")
        .all();
      expect(index).toEqual([{ name: 'doc_updates_doc_seq' }]);
    } finally {
      db.close();
    }
  });
});
