import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import {
  sqliteWrites,
  type SqliteWrites,
  type WriterOps,
  type WriterReply,
  type WriterRequest,
  type WriterSettings,
} from './sqliteWrites.js';

export type { WriterSettings } from './sqliteWrites.js';

/**
 * Where the embedded store's writes run. better-sqlite3 is synchronous: a commit (and, with
 * synchronous=full, its fsync) holds whatever thread calls it. On the event loop that stalls
 * every room, presence and request for the length of a disk flush; in a worker thread only
 * the caller of that write waits, and each room's pipeline queues its next batch meanwhile.
 *
 * Both writers run the same writes (sqliteWrites.ts); SqliteDocStore serialises calls to them
 * (one writer at a time), so a relational transaction spanning several calls never interleaves
 * with an append.
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

/**
 * Starts the writer thread (sqliteWriterThread). From the build it is the compiled .js beside
 * this file; from the TypeScript sources (vitest runs them), Node cannot load the .ts by itself,
 * so the thread registers tsx, a dev dependency, before importing it.
 */
export function startWriterThread(settings: WriterSettings): Worker {
  const workerData = { ...settings };
  if (import.meta.url.endsWith('.js')) {
    return new Worker(new URL('./sqliteWriterThread.js', import.meta.url), { workerData });
  }
  const program = new URL('./sqliteWriterThread.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi())}).then(({ register }) => {
    register();
    return import(${JSON.stringify(program)});
  });`;
  return new Worker(boot, { eval: true, workerData });
}

/** tsx's ESM API (its CommonJS one cannot register hooks from a worker on Node 20). */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } };
  };
  return new URL(exports['./esm/api'].import.default, pathToFileURL(manifest)).href;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

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

/** Writes in a worker thread, given by startWriterThread (tests keep it to end it abruptly). */
export class WorkerSqliteWriter implements SqliteWriter {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set once the worker is gone: every later call fails with it instead of hanging. */
  private stopped: Error | undefined;

  constructor(private readonly worker: Worker) {
    this.worker.on('message', (reply: WriterReply) => {
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

  private call<Op extends keyof WriterOps>(
    op: Op,
    ...args: Parameters<WriterOps[Op]>
  ): Promise<ReturnType<WriterOps[Op]>> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, op, args } as WriterRequest);
    });
  }

  append(docId: string, updates: Uint8Array[]): Promise<number> {
    return this.call('append', docId, updates);
  }

  compact(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    return this.call('compact', docId, snapshot, throughSeq);
  }

  deleteDoc(docId: string): Promise<void> {
    return this.call('deleteDoc', docId);
  }

  run(sql: string, params: readonly unknown[]): Promise<{ changes: number }> {
    return this.call('run', sql, params);
  }

  async all<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const rows = (await this.call('all', sql, params)) as Record<string, unknown>[];
    // A Buffer crosses threads as a plain Uint8Array; give callers what a read on this thread
    // returns.
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value instanceof Uint8Array) {
          row[column] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        }
      }
    }
    return rows as T[];
  }

  exec(sql: string): Promise<void> {
    return this.call('exec', sql);
  }

  inTransaction(): Promise<boolean> {
    return this.call('inTransaction');
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
 * could not share, and under synchronous=normal, whose commits are shorter than a round trip
 * to a worker.
 */
export class InlineSqliteWriter implements SqliteWriter {
  readonly failure = undefined;
  private readonly writes: SqliteWrites;

  constructor(db: Database.Database) {
    this.writes = sqliteWrites(db);
  }

  async append(docId: string, updates: Uint8Array[]): Promise<number> {
    return this.writes.append(docId, updates);
  }

  async compact(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.writes.compact(docId, snapshot, throughSeq);
  }

  async deleteDoc(docId: string): Promise<void> {
    this.writes.deleteDoc(docId);
  }

  async run(sql: string, params: readonly unknown[]): Promise<{ changes: number }> {
    return this.writes.run(sql, params);
  }

  async all<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return this.writes.all<T>(sql, params);
  }

  async exec(sql: string): Promise<void> {
    this.writes.exec(sql);
  }

  async inTransaction(): Promise<boolean> {
    return this.writes.inTransaction();
  }

  async close(): Promise<void> {}
}
