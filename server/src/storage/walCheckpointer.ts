import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

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
 * WAL into the database and for two fsyncs, milliseconds every few seconds. The store's writing
 * connections turn it off (`wal_autocheckpoint = 0`) and this thread checkpoints on a timer. A PASSIVE checkpoint blocks neither writers nor
 * readers; SQLite restarts the WAL from its beginning at the first write after a complete one,
 * so the file stays as small as a few intervals of writes.
 *
 * The program is a string run with `eval`, not a file: it imports nothing of ours, so it needs
 * no TypeScript loader when tests run the sources, and every test server starts one.
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

/** Starts the checkpoint thread on `file`, loading the same better-sqlite3 as this thread. */
export function startCheckpointerThread(file: string, intervalMs: number): Worker {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Worker(checkpointerSource, {
    eval: true,
    workerData: { file, intervalMs, driverPath },
  });
}

/** Talks to a thread given by startCheckpointerThread (tests keep it to end it abruptly). */
export class WalCheckpointer {
  private readonly pending = new Map<number, (result: unknown) => void>();
  private nextId = 1;
  private stopped = false;

  /** `onStopped` runs once if the thread dies (it never runs after close()). */
  constructor(
    private readonly worker: Worker,
    onStopped: (error: Error) => void,
  ) {
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

  async close(): Promise<void> {
    if (this.stopped) return;
    await this.call('close');
    this.stopped = true;
    await this.worker.terminate();
  }
}
