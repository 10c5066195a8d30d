import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteDocStore } from '@boussole/server';
import { KeptThreads, sqliteStores } from '../helpers/sqliteStores.js';

/**
 * The embedded store checkpoints its WAL from a thread of its own
 * (server/src/storage/walCheckpointer.ts) so that no commit — and no edit waiting to be
 * broadcast after it — pays for a checkpoint. SQLite's automatic checkpoint would fold the WAL
 * inside the commit that crosses 1000 pages.
 */
describe.each(['normal', 'full'] as const)(
  'SQLite WAL checkpoints (synchronous=%s)',
  (synchronous) => {
    const stores = sqliteStores({
      synchronous,
      // The test checkpoints when it wants to; the timer must not do it behind its back.
      checkpointIntervalMs: 3_600_000,
    });
    const openStore = (dir?: string, threads?: KeptThreads) => stores.open(dir, threads);
    afterEach(() => stores.cleanup());

    /** About 2 500 WAL pages: well past SQLite's automatic threshold of 1 000. */
    async function writePages(store: SqliteDocStore, docId: string): Promise<void> {
      for (let batch = 0; batch < 25; batch++) {
        await store.append(
          docId,
          Array.from({ length: 100 }, (_, i) => new Uint8Array(4000).fill((batch + i) % 256)),
        );
      }
    }

    /** Frames in the WAL, read from a connection of the test's own (it also checkpoints them). */
    function walFrames(dir: string): number {
      const db = new Database(path.join(dir, 'boussole.sqlite'));
      try {
        db.pragma('wal_autocheckpoint = 0');
        const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
        return result?.log ?? 0;
      } finally {
        db.close();
      }
    }

    it('never checkpoints in a commit; its own thread folds the WAL, which then restarts', async () => {
      const dir = stores.dir();
      const threads = new KeptThreads();
      const store = await openStore(dir, threads);
      await writePages(store, 'doc');
      const checkpointer = threads.walCheckpointer;
      if (!checkpointer) throw new Error('expected a checkpoint thread');
      const first = await checkpointer.checkpointNow();
      // Had a commit checkpointed, the WAL would have restarted below 1 000 frames.
      expect(first?.log).toBeGreaterThan(2_400);
      expect(first?.checkpointed).toBe(first?.log);
      // The next commit starts the WAL over instead of growing it.
      await store.append('doc', [new Uint8Array(10).fill(7)]);
      expect((await checkpointer.checkpointNow())?.log).toBeLessThan(10);

      await store.close();
      const reopened = await openStore(dir);
      expect((await reopened.load('doc')).updates).toHaveLength(2_501);
    });

    it('gives checkpoints back to the commits when its thread dies, so the WAL stays bounded', async () => {
      const dir = stores.dir();
      const threads = new KeptThreads();
      const store = await openStore(dir, threads);
      await threads.checkpointerThread?.terminate();
      // The store has dropped its checkpoint thread and given checkpoints back to the commits.
      await expect.poll(() => threads.checkpointerStopped).toBe(true);
      await writePages(store, 'doc');
      expect(walFrames(dir)).toBeLessThan(1_200);
      expect((await store.load('doc')).updates).toHaveLength(2_500);
    });
  },
);
