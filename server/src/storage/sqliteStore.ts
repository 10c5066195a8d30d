import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocStore, StoredDoc } from './DocStore.js';
import { AsyncMutex } from './AsyncMutex.js';
import { sqliteMigrations } from './migrations.js';
import type { SqlExecutor } from './SqlExecutor.js';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests that do not need durability. */
  file: string;
  /** 'full' survives power loss; 'normal' survives a process crash only. */
  synchronous: 'normal' | 'full';
}

/**
 * The embedded default. better-sqlite3 is synchronous: each call finishes its write (and, with
 * synchronous=full, its fsync) before returning, so a resolved append is on disk.
 *
 * One connection serves the update log and the relational tables. Every write takes `writes`,
 * so a relational transaction that awaits between statements can never absorb (and, on
 * rollback, lose) a room's append that ran in between.
 */
export class SqliteDocStore implements DocStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private statements: ReturnType<SqliteDocStore['prepare']> | undefined;
  private readonly writes = new AsyncMutex();
  readonly sql: SqlExecutor;

  constructor(options: SqliteStoreOptions) {
    if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.sql = this.executor();
  }

  private executor(): SqlExecutor {
    const db = this.db;
    const direct: SqlExecutor = {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: readonly unknown[] = []) =>
        db.prepare(sql).all(...params) as T[],
      run: async (sql, params = []) => ({ changes: db.prepare(sql).run(...params).changes }),
      transaction: () => Promise.reject(new Error('nested transactions are not supported')),
    };
    return {
      dialect: 'sqlite',
      all: direct.all,
      run: (sql, params) => this.writes.run(() => direct.run(sql, params)),
      transaction: (fn) =>
        this.writes.run(async () => {
          db.exec('BEGIN IMMEDIATE');
          try {
            const result = await fn(direct);
            db.exec('COMMIT');
            return result;
          } catch (error) {
            if (db.inTransaction) db.exec('ROLLBACK');
            throw error;
          }
        }),
    };
  }

  async migrate(): Promise<void> {
    // Read and apply in one IMMEDIATE transaction: two processes sharing a DATA_DIR cannot
    // both apply the same migration.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
      );
      const applied = new Set(
        this.db
          .prepare('SELECT version FROM schema_migrations')
          .all()
          .map((row) => (row as { version: number }).version),
      );
      for (const migration of sqliteMigrations) {
        if (applied.has(migration.version)) continue;
        this.db.exec(migration.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)')
          .run(migration.version, new Date().toISOString());
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    this.statements = this.prepare();
  }

  private prepare() {
    return {
      load: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq',
      ),
      insert: this.db.prepare<[string, Buffer]>(
        'INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)',
      ),
      insertAt: this.db.prepare<[number, string, Buffer]>(
        'INSERT INTO doc_updates (seq, doc_id, data) VALUES (?, ?, ?)',
      ),
      deleteThrough: this.db.prepare<[string, number]>(
        'DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?',
      ),
      deleteAll: this.db.prepare<[string]>('DELETE FROM doc_updates WHERE doc_id = ?'),
    };
  }

  private get statement() {
    if (!this.statements) throw new Error('SqliteDocStore: migrate() must run first');
    return this.statements;
  }

  async load(docId: string): Promise<StoredDoc> {
    const rows = this.statement.load.all(docId);
    let bytes = 0;
    const updates = rows.map((row) => {
      bytes += row.data.length;
      return new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length);
    });
    return { updates, lastSeq: rows.at(-1)?.seq ?? 0, bytes };
  }

  async append(docId: string, updates: Uint8Array[]): Promise<number> {
    if (updates.length === 0) throw new Error('append: nothing to append');
    const run = this.db.transaction(() => {
      let last = 0;
      for (const update of updates) {
        last = Number(this.statement.insert.run(docId, toBuffer(update)).lastInsertRowid);
      }
      return last;
    });
    return this.writes.run(run);
  }

  async compact(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const run = this.db.transaction(() => {
      this.statement.deleteThrough.run(docId, throughSeq);
      this.statement.insertAt.run(throughSeq, docId, toBuffer(snapshot));
    });
    await this.writes.run(run);
  }

  async deleteDoc(docId: string): Promise<void> {
    await this.writes.run(() => this.statement.deleteAll.run(docId));
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
