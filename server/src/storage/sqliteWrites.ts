import Database from 'better-sqlite3';

/**
 * The embedded store's connections and writes, written once: the store's own connection, the
 * inline writer (same thread) and the writer thread (sqliteWriterThread.ts) all use them.
 */

export interface ConnectionSettings {
  synchronous: 'normal' | 'full';
  /** SQLite's automatic checkpoint threshold in WAL pages; 0 when a WalCheckpointer runs. */
  walAutocheckpoint: number;
}

export interface WriterSettings extends ConnectionSettings {
  file: string;
}

/** Opens `file` (':memory:' included) with the pragmas every connection of the store shares. */
export function openSqlite(file: string, settings: ConnectionSettings): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${settings.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`wal_autocheckpoint = ${Number(settings.walAutocheckpoint)}`);
  return db;
}

/** The store's writes on one connection, synchronous: callers decide which thread they hold. */
export interface SqliteWrites {
  /** Appends the updates in one transaction; returns the last seq. */
  append(docId: string, updates: Uint8Array[]): number;
  compact(docId: string, snapshot: Uint8Array, throughSeq: number): void;
  deleteDoc(docId: string): void;
  run(sql: string, params: readonly unknown[]): { changes: number };
  /** Reads that must see the open transaction's own writes. */
  all<T>(sql: string, params: readonly unknown[]): T[];
  exec(sql: string): void;
  inTransaction(): boolean;
}

export function sqliteWrites(db: Database.Database): SqliteWrites {
  const insert = db.prepare<[string, Buffer]>(
    'INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)',
  );
  const insertAt = db.prepare<[number, string, Buffer]>(
    'INSERT INTO doc_updates (seq, doc_id, data) VALUES (?, ?, ?)',
  );
  const deleteThrough = db.prepare<[string, number]>(
    'DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?',
  );
  const deleteAll = db.prepare<[string]>('DELETE FROM doc_updates WHERE doc_id = ?');
  // Built once: `db.transaction(fn)` makes new wrapper functions on each call, a measurable part
  // of a commit, which is on the path of every edit.
  const append = db.transaction((docId: string, updates: Uint8Array[]) => {
    let last = 0;
    for (const update of updates)
      last = Number(insert.run(docId, toBuffer(update)).lastInsertRowid);
    return last;
  });
  const compact = db.transaction((docId: string, snapshot: Uint8Array, throughSeq: number) => {
    deleteThrough.run(docId, throughSeq);
    insertAt.run(throughSeq, docId, toBuffer(snapshot));
  });
  return {
    append: (docId, updates) => append(docId, updates),
    compact: (docId, snapshot, throughSeq) => compact(docId, snapshot, throughSeq),
    deleteDoc: (docId) => void deleteAll.run(docId),
    run: (sql, params) => ({ changes: db.prepare(sql).run(...params).changes }),
    all: <T>(sql: string, params: readonly unknown[]) => db.prepare(sql).all(...params) as T[],
    exec: (sql) => void db.exec(sql),
    inTransaction: () => db.inTransaction,
  };
}

/** What the writer thread answers to: the writes, and closing its connection. */
export type WriterOps = SqliteWrites & { close(): void };

export type WriterRequest = {
  [Op in keyof WriterOps]: { id: number; op: Op; args: Parameters<WriterOps[Op]> };
}[keyof WriterOps];

export type WriterReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { message: string; code: string | undefined } };

export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
