import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * Where the embedded store's writes run. better-sqlite3 is synchronous: a commit (and, with
 * synchronous=full, its fsync) holds whatever thread calls it. On the event loop that stalls
 * every room, presence and request for the length of a disk flush; in a worker thread only
 * the caller of that write waits, and each room's pipeline queues its next batch meanwhile.
 *
 * Both writers expose the same small set of operations; SqliteDocStore serialises calls to
 * them (one writer at a time), so a relational transaction spanning several calls never
 * interleaves with an append.
 */
export interface SqliteWriter {
  append(docId: string, updates: Uint8Array[]): Promise<number>;
  compact(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  deleteDoc(docId: string): Promise<void>;
  run(sql: string, params: readonly unknown[]): Promise<{ changes: number }>;
  /** Reads that must see the open transaction's own writes. */
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  inTransaction(): Promise<boolean>;
  /** Set once writes can no longer succeed (the worker thread died). */
  readonly failure: Error | undefined;
  close(): Promise<void>;
}

export interface WriterSettings {
  file: string;
  synchronous: 'normal' | 'full';
  /** SQLite's automatic checkpoint threshold in WAL pages; 0 when a WalCheckpointer runs. */
  walAutocheckpoint: number;
}

/**
 * Starts a worker thread running `source`: plain CommonJS, run with `eval: true` so that the
 * same code works from the TypeScript sources (tests) and from the build (production) without
 * a separate file to locate. It receives `workerData.driverPath`, the resolved path of
 * better-sqlite3, so it loads the very same driver as the main thread.
 */
export function startSqliteWorker(source: string, data: Record<string, unknown>): Worker {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Worker(source, { eval: true, workerData: { ...data, driverPath } });
}

/** The writer thread's program (see startSqliteWorker). */
const workerSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = ' + (workerData.synchronous === 'full' ? 'FULL' : 'NORMAL'));
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = ' + Number(workerData.walAutocheckpoint));
const insert = db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)');
const insertAt = db.prepare('INSERT INTO doc_updates (seq, doc_id, data) VALUES (?, ?, ?)');
const deleteThrough = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
const deleteAll = db.prepare('DELETE FROM doc_updates WHERE doc_id = ?');
const buffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const append = db.transaction((docId, updates) => {
  let last = 0;
  for (const update of updates) last = Number(insert.run(docId, buffer(update)).lastInsertRowid);
  return last;
});
const compact = db.transaction((docId, snapshot, throughSeq) => {
  deleteThrough.run(docId, throughSeq);
  insertAt.run(throughSeq, docId, buffer(snapshot));
});
const ops = {
  append: (a) => append(a.docId, a.updates),
  compact: (a) => { compact(a.docId, a.snapshot, a.throughSeq); return null; },
  deleteDoc: (a) => { deleteAll.run(a.docId); return null; },
  run: (a) => ({ changes: db.prepare(a.sql).run(...a.params).changes }),
  all: (a) => db.prepare(a.sql).all(...a.params),
  exec: (a) => { db.exec(a.sql); return null; },
  inTransaction: () => db.inTransaction,
  close: () => { db.close(); return null; },
};
parentPort.on('message', ({ id, op, args }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: ops[op](args) });
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      error: { message: String(error && error.message), code: error && error.code },
    });
  }
});
`;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

type Reply =
  | { id: number; ok: true; result: unknown }
  | {
      id: number;
      ok: false;
      error: { message: string; code?: string };
    };

/** An error raised by SQLite in the worker, with its code (e.g. SQLITE_CONSTRAINT_UNIQUE). */
export class SqliteWorkerError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteWorkerError';
  }
}

export class WorkerSqliteWriter implements SqliteWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set once the worker is gone: every later call fails with it instead of hanging. */
  private stopped: Error | undefined;

  constructor(settings: WriterSettings) {
    this.worker = startSqliteWorker(workerSource, { ...settings });
    this.worker.on('message', (reply: Reply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(new SqliteWorkerError(reply.error.message, reply.error.code));
    });
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`SQLite writer exited (code ${code})`)));
  }

  /** Why the worker is gone, once it is: the store reports it as not ready. */
  get failure(): Error | undefined {
    return this.stopped;
  }

  private stop(reason: Error): void {
    this.stopped ??= new Error(`SQLite writer stopped: ${reason.message}`, { cause: reason });
    for (const pending of this.pending.values()) pending.reject(this.stopped);
    this.pending.clear();
  }

  private call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  append(docId: string, updates: Uint8Array[]): Promise<number> {
    return this.call('append', { docId, updates });
  }

  compact(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    return this.call('compact', { docId, snapshot, throughSeq });
  }

  deleteDoc(docId: string): Promise<void> {
    return this.call('deleteDoc', { docId });
  }

  run(sql: string, params: readonly unknown[]): Promise<{ changes: number }> {
    return this.call('run', { sql, params });
  }

  async all<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const rows = await this.call<Record<string, unknown>[]>('all', { sql, params });
    // A Buffer crosses threads as a plain Uint8Array; give callers what a read on this thread
    // returns.
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value instanceof Uint8Array) row[column] = toBuffer(value);
      }
    }
    return rows as T[];
  }

  exec(sql: string): Promise<void> {
    return this.call('exec', { sql });
  }

  inTransaction(): Promise<boolean> {
    return this.call('inTransaction');
  }

  /** For tests: end the worker abruptly, as a crash of its thread would. */
  async crash(): Promise<void> {
    await this.worker.terminate();
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    await this.call('close');
    this.stopped = new Error('SQLite writer closed');
    await this.worker.terminate();
  }
}

/**
 * Writes on the calling thread: for an in-memory database, which a worker's own connection
 * could not share.
 */
export class InlineSqliteWriter implements SqliteWriter {
  readonly failure = undefined;
  private readonly statements;
  /**
   * Built once: better-sqlite3's `db.transaction(fn)` makes a new set of wrapper functions on
   * every call, and a room's commit is on the path of every edit. With a commit every 30 ms,
   * building them each time cost ~80 µs of a ~200 µs commit at the median; in the running
   * server at N = 10, 20–50 µs (BENCHMARKS.md).
   */
  private readonly appendTransaction;
  private readonly compactTransaction;

  constructor(private readonly db: Database.Database) {
    const statements = {
      insert: db.prepare<[string, Buffer]>('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)'),
      insertAt: db.prepare<[number, string, Buffer]>(
        'INSERT INTO doc_updates (seq, doc_id, data) VALUES (?, ?, ?)',
      ),
      deleteThrough: db.prepare<[string, number]>(
        'DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?',
      ),
      deleteAll: db.prepare<[string]>('DELETE FROM doc_updates WHERE doc_id = ?'),
    };
    this.statements = statements;
    this.appendTransaction = db.transaction((docId: string, updates: Uint8Array[]) => {
      let last = 0;
      for (const update of updates) {
        last = Number(statements.insert.run(docId, toBuffer(update)).lastInsertRowid);
      }
      return last;
    });
    this.compactTransaction = db.transaction(
      (docId: string, snapshot: Uint8Array, throughSeq: number) => {
        statements.deleteThrough.run(docId, throughSeq);
        statements.insertAt.run(throughSeq, docId, toBuffer(snapshot));
      },
    );
  }

  async append(docId: string, updates: Uint8Array[]): Promise<number> {
    return this.appendTransaction(docId, updates);
  }

  async compact(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.compactTransaction(docId, snapshot, throughSeq);
  }

  async deleteDoc(docId: string): Promise<void> {
    this.statements.deleteAll.run(docId);
  }

  async run(sql: string, params: readonly unknown[]): Promise<{ changes: number }> {
    return { changes: this.db.prepare(sql).run(...params).changes };
  }

  async all<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return this.db.prepare(sql).all(...params) as T[];
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  async inTransaction(): Promise<boolean> {
    return this.db.inTransaction;
  }

  async close(): Promise<void> {}
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
