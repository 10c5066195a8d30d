import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DocStore, StoredDoc } from './DocStore.js';
import { AsyncMutex } from './AsyncMutex.js';
import { sqliteMigrations } from './migrations.js';
import type { SqlExecutor } from './SqlExecutor.js';
import { startCheckpointerThread, WalCheckpointer } from './walCheckpointer.js';
import {
  InlineSqliteWriter,
  startWriterThread,
  WorkerSqliteWriter,
  type SqliteWriter,
  type WriterSettings,
} from './sqliteWriter.js';
import { openSqlite } from './sqliteWrites.js';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests that do not need durability. */
  file: string;
  /**
   * 'normal' (the server's default): a commit is in the WAL, which survives a crash of the
   * process; the checkpoint thread flushes the WAL to disk every `checkpointIntervalMs`, which
   * bounds what a power cut can take. 'full': each commit is fsynced, power cuts included.
   */
  synchronous: 'normal' | 'full';
  /**
   * Where writes run. By default: in a worker thread under 'full', whose fsyncs would stall
   * the event loop; on this thread under 'normal', whose commits take less time than a round
   * trip to a worker.
   */
  writes?: 'worker' | 'thread';
  /**
   * How often the WAL is checkpointed, from a thread of its own (see walCheckpointer.ts).
   * Commits then never checkpoint, unless that thread dies.
   */
  checkpointIntervalMs?: number;
}

/**
 * Checkpoints cost a burst of copying and two fsyncs, whatever thread runs them: every second
 * they measurably widened a busy room's latency tail; every five seconds the WAL still stays a
 * few megabytes at most, and a power cut under synchronous=normal can take at most that long a
 * stretch of edits.
 */
const CHECKPOINT_INTERVAL_MS = 5000;

/** SQLite's own automatic checkpoint threshold, in WAL pages: the fallback. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/** How the store starts its threads; tests give their own to reach them (crash one, …). */
export interface SqliteThreads {
  writer(settings: WriterSettings): SqliteWriter;
  checkpointer(file: string, intervalMs: number, onStopped: () => void): WalCheckpointer;
}

const ownThreads: SqliteThreads = {
  writer: (settings) => new WorkerSqliteWriter(startWriterThread(settings)),
  checkpointer: (file, intervalMs, onStopped) =>
    new WalCheckpointer(startCheckpointerThread(file, intervalMs), onStopped),
};

/**
 * The embedded default, on one SQLite file in WAL mode:
 *
 * - writes (update log, compaction, relational changes) go through a SqliteWriter: under
 *   synchronous=full, a connection in a worker thread (see sqliteWriter.ts), so a commit's
 *   fsync never stalls the event loop; under normal, this thread's connection. Either way a
 *   resolved append is committed (and on disk under synchronous=full);
 * - reads (loading a document, relational queries) run on this thread's connection. WAL lets
 *   them proceed beside the writer, and a read issued after a write resolved sees that write;
 * - checkpoints (folding the WAL back into the file) run in a thread of their own every few
 *   seconds (walCheckpointer.ts): no commit waits for one.
 *
 * Every write takes `writes`, so a relational transaction that awaits between statements can
 * never absorb (and, on rollback, lose) a room's append that ran in between.
 */
export class SqliteDocStore implements DocStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private writer: SqliteWriter | undefined;
  private loadStatement: Database.Statement<[string], { seq: number; data: Buffer }> | undefined;
  private readonly writes = new AsyncMutex();
  private checkpointer: WalCheckpointer | undefined;
  readonly sql: SqlExecutor;

  constructor(
    private readonly options: SqliteStoreOptions,
    private readonly threads: SqliteThreads = ownThreads,
  ) {
    if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
    this.db = openSqlite(options.file, this.connectionSettings);
    this.sql = this.executor();
  }

  private get connectionSettings(): WriterSettings {
    return {
      file: this.options.file,
      synchronous: this.options.synchronous,
      walAutocheckpoint: this.checkpointsInBackground ? 0 : SQLITE_DEFAULT_AUTOCHECKPOINT,
    };
  }

  private get write(): SqliteWriter {
    if (!this.writer) throw new Error('SqliteDocStore: migrate() must run first');
    return this.writer;
  }

  private executor(): SqlExecutor {
    const inTransaction: SqlExecutor = {
      dialect: 'sqlite',
      // Inside a transaction, reads go to the writer's connection to see its own changes.
      all: (sql, params = []) => this.write.all(sql, params),
      run: (sql, params = []) => this.write.run(sql, params),
      transaction: () => Promise.reject(new Error('nested transactions are not supported')),
    };
    return {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: readonly unknown[] = []) =>
        this.db.prepare(sql).all(...params) as T[],
      run: (sql, params = []) => this.writes.run(() => this.write.run(sql, params)),
      transaction: (fn) =>
        this.writes.run(async () => {
          await this.write.exec('BEGIN IMMEDIATE');
          try {
            const result = await fn(inTransaction);
            await this.write.exec('COMMIT');
            return result;
          } catch (error) {
            if (await this.write.inTransaction().catch(() => false)) {
              await this.write.exec('ROLLBACK');
            }
            throw error;
          }
        }),
    };
  }

  private get writesOnThisThread(): boolean {
    if (this.options.file === ':memory:') return true; // a worker could not share it
    return (
      (this.options.writes ?? (this.options.synchronous === 'full' ? 'worker' : 'thread')) ===
      'thread'
    );
  }

  private get checkpointsInBackground(): boolean {
    return this.options.file !== ':memory:'; // an in-memory database has no WAL
  }

  async migrate(): Promise<void> {
    // Read and apply in one IMMEDIATE transaction: two processes sharing a DATA_DIR cannot
    // both apply the same migration.
    this.db
      .transaction(() => {
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
      })
      .immediate();
    this.loadStatement = this.db.prepare(
      'SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq',
    );
    // The worker opens its own connection, which must find the migrated schema.
    this.writer ??= this.writesOnThisThread
      ? new InlineSqliteWriter(this.db)
      : this.threads.writer(this.connectionSettings);
    if (this.checkpointsInBackground && !this.checkpointer) {
      this.checkpointer = this.threads.checkpointer(
        this.options.file,
        this.options.checkpointIntervalMs ?? CHECKPOINT_INTERVAL_MS,
        () => void this.checkpointOnCommit(),
      );
    }
    // One round trip: a writer that cannot open the database fails the start, not the first
    // edit.
    await this.writer.inTransaction();
  }

  async load(docId: string): Promise<StoredDoc> {
    if (!this.loadStatement) throw new Error('SqliteDocStore: migrate() must run first');
    const rows = this.loadStatement.all(docId);
    let bytes = 0;
    const updates = rows.map((row) => {
      bytes += row.data.length;
      return new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length);
    });
    return { updates, lastSeq: rows.at(-1)?.seq ?? 0, bytes };
  }

  async append(docId: string, updates: Uint8Array[]): Promise<number> {
    if (updates.length === 0) throw new Error('append: nothing to append');
    return this.writes.run(() => this.write.append(docId, updates));
  }

  async compact(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await this.writes.run(() => this.write.compact(docId, snapshot, throughSeq));
  }

  async deleteDoc(docId: string): Promise<void> {
    await this.writes.run(() => this.write.deleteDoc(docId));
  }

  async reclaimSpace(): Promise<void> {
    await this.writes.run(async () => {
      // VACUUM rewrites the file from live rows only, so freed pages (and what they held) go;
      // the truncating checkpoint then empties the WAL, which still had the old page images.
      await this.write.exec('VACUUM');
      // The checkpoint thread may hold the checkpoint lock for a moment: SQLite then reports
      // the WAL busy instead of waiting. Retry; a purge must not claim what it did not do.
      for (let attempt = 0; ; attempt++) {
        const [result] = await this.write.all<{ busy: number }>(
          'PRAGMA wal_checkpoint(TRUNCATE)',
          [],
        );
        if (result?.busy === 0) return;
        if (attempt >= 100) throw new Error('the WAL stayed busy: old page images remain in it');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
  }

  async ping(): Promise<void> {
    // A store that can read but no longer write would accept edits it cannot keep.
    if (this.writer?.failure) throw this.writer.failure;
    this.db.prepare('SELECT 1').get();
  }

  /**
   * The checkpoint thread died: commits checkpoint again, as SQLite does by default, so the
   * WAL cannot grow without bound. Slower at times, never unbounded.
   */
  private async checkpointOnCommit(): Promise<void> {
    this.checkpointer = undefined;
    const pragma = `PRAGMA wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`;
    if (this.db.open) this.db.exec(pragma);
    await this.writes.run(() => this.writer?.exec(pragma)).catch(() => undefined);
  }

  async close(): Promise<void> {
    // Writes already queued finish first; the writer then closes its connection and thread.
    const checkpointer = this.checkpointer;
    this.checkpointer = undefined;
    await checkpointer?.close();
    await this.writes.run(async () => {
      await this.writer?.close();
    });
    if (this.db.open) this.db.close();
  }
}
