import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import {
  SqliteDocStore,
  WalCheckpointer,
  WorkerSqliteWriter,
  startCheckpointerThread,
  startWriterThread,
  type SqliteThreads,
} from '@boussole/server';
import { tempDir } from './server.js';

type StoreOptions = Omit<ConstructorParameters<typeof SqliteDocStore>[0], 'file'>;

/**
 * Embedded stores on files of their own, migrated, and everything they left removed by
 * `cleanup()` (call it from afterEach). `open(dir)` reopens the file of an earlier store;
 * `threads` (see KeptThreads) lets a test reach the threads that store starts.
 */
export function sqliteStores(options: StoreOptions) {
  const dirs: string[] = [];
  const stores: SqliteDocStore[] = [];
  return {
    async open(
      dir = tempDir('boussole-sqlite-'),
      threads?: SqliteThreads,
    ): Promise<SqliteDocStore> {
      dirs.push(dir);
      const store = new SqliteDocStore(
        { ...options, file: path.join(dir, 'boussole.sqlite') },
        threads,
      );
      stores.push(store);
      await store.migrate();
      return store;
    },
    /** A directory removed at cleanup, for a store to open later. */
    dir(): string {
      const dir = tempDir('boussole-sqlite-');
      dirs.push(dir);
      return dir;
    },
    async cleanup(): Promise<void> {
      for (const store of stores.splice(0)) await store.close().catch(() => undefined);
      for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The store's own threads, kept where a test can reach them: to end one abruptly (as a crash
 * would, with `terminate()`) or to checkpoint now. Pass it as the store's `threads`.
 */
export class KeptThreads implements SqliteThreads {
  /** The writer thread, once the store has started one (synchronous=full). */
  writerThread: Worker | undefined;
  walCheckpointer: WalCheckpointer | undefined;
  checkpointerThread: Worker | undefined;
  /** The store has been told its checkpoint thread died, and has fallen back. */
  checkpointerStopped = false;

  writer(settings: Parameters<SqliteThreads['writer']>[0]): WorkerSqliteWriter {
    this.writerThread = startWriterThread(settings);
    return new WorkerSqliteWriter(this.writerThread);
  }

  checkpointer(file: string, intervalMs: number, onStopped: () => void): WalCheckpointer {
    this.checkpointerThread = startCheckpointerThread(file, intervalMs);
    this.walCheckpointer = new WalCheckpointer(this.checkpointerThread, () => {
      onStopped();
      this.checkpointerStopped = true;
    });
    return this.walCheckpointer;
  }
}
