import { startSqliteWorker } from './sqliteWriter.js';

/** What `PRAGMA wal_checkpoint` reports: WAL frames in all, and how many are now in the file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Folds the WAL back into the database file from a worker thread of its own.
 *
 * SQLite's automatic checkpoint runs inside the commit that crosses its threshold (1000 WAL
 * pages): that commit, and every edit waiting to be broadcast after it, pays for copying the
 * WAL into the database and for two fsyncs — 2 to 4 ms every few seconds on the development VM
 * (BENCHMARKS.md). The store's writing connections turn it off (`wal_autocheckpoint = 0`) and
 * this thread checkpoints on a timer instead. A PASSIVE checkpoint blocks neither writers nor
 * readers; SQLite restarts the WAL from its beginning at the first write after a complete one,
 * so the file stays as small as a few intervals of writes.
 */
const checkpointerSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file);
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
// A failure here ends the thread (its 'error' event): the store then gives checkpoints back
// to SQLite's automatic ones rather than let the WAL grow.
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', ({ id, op }) => {
  if (op === 'close') {
    clearInterval(timer);
    db.close();
    parentPort.postMessage({ id, result: null });
    return;
  }
  parentPort.postMessage({ id, result: checkpoint() });
});
`;

export class WalCheckpointer {
  private readonly worker;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private nextId = 1;
  private stopped = false;

  /** `onStopped` runs once if the thread dies (it never runs after close()). */
  constructor(file: string, intervalMs: number, onStopped: (error: Error) => void) {
    this.worker = startSqliteWorker(checkpointerSource, { file, intervalMs });
    this.worker.on('message', ({ id, result }: { id: number; result: unknown }) => {
      this.pending.get(id)?.(result);
      this.pending.delete(id);
    });
    const stop = (error: Error) => {
      if (this.stopped) return;
      this.stopped = true;
      for (const resolve of this.pending.values()) resolve(undefined);
      this.pending.clear();
      onStopped(error);
    };
    this.worker.on('error', stop);
    this.worker.on('exit', (code) => stop(new Error(`WAL checkpointer exited (code ${code})`)));
  }

  private call(op: string): Promise<unknown> {
    if (this.stopped) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, op });
    });
  }

  /** Checkpoint now, beside the timer; undefined once the thread is gone. */
  async checkpointNow(): Promise<CheckpointResult | undefined> {
    return (await this.call('checkpoint')) as CheckpointResult | undefined;
  }

  /** For tests: end the thread abruptly, as a crash would. */
  async crash(): Promise<void> {
    await this.worker.terminate();
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    await this.call('close');
    this.stopped = true;
    await this.worker.terminate();
  }
}
