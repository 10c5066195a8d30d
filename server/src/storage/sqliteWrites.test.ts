import { describe, expect, it } from 'vitest';
import { sqliteMigrations } from './migrations.js';
import { openSqlite, sqliteWrites } from './sqliteWrites.js';

function migrated() {
  const db = openSqlite(':memory:', { synchronous: 'normal', walAutocheckpoint: 1000 });
  for (const migration of sqliteMigrations) db.exec(migration.sql);
  return db;
}

const rows = (db: ReturnType<typeof migrated>, docId: string) =>
  db
    .prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq',
    )
    .all(docId)
    .map((row) => [row.seq, [...row.data]]);

describe('the SQLite writes both writers run', () => {
  it('appends in order and answers the last seq; compacts through a seq; deletes a document', () => {
    const db = migrated();
    const writes = sqliteWrites(db);
    expect(writes.append('a', [Uint8Array.of(1), Uint8Array.of(2)])).toBe(2);
    expect(writes.append('b', [Uint8Array.of(9)])).toBe(3);
    expect(writes.append('a', [Uint8Array.of(3)])).toBe(4);
    writes.compact('a', Uint8Array.of(7, 7), 2);
    expect(rows(db, 'a')).toEqual([
      [2, [7, 7]],
      [4, [3]],
    ]);
    writes.deleteDoc('a');
    expect(rows(db, 'a')).toEqual([]);
    expect(rows(db, 'b')).toEqual([[3, [9]]]);
  });

  it('appends all or nothing', () => {
    const db = migrated();
    const writes = sqliteWrites(db);
    // The second update is not bytes: the append throws after its first insert, which rolls back.
    const broken = [Uint8Array.of(1), null as unknown as Uint8Array];
    expect(() => writes.append('a', broken)).toThrow();
    expect(rows(db, 'a')).toEqual([]);
    expect(writes.inTransaction()).toBe(false);
  });
});
