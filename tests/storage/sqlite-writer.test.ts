import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerSqliteWriter, startWriterThread } from '@boussole/server';
import { KeptThreads, sqliteStores } from '../helpers/sqliteStores.js';

/**
 * The embedded store writes from a worker thread (server/src/storage/sqliteWriter.ts): what
 * that must change (the event loop keeps turning during a commit) and what it must not (a
 * resolved write is stored and visible; nothing hangs when the worker dies).
 */
describe('SQLite writes in a worker thread', () => {
  const stores = sqliteStores({ synchronous: 'full' });
  const openStore = (dir?: string) => stores.open(dir);
  afterEach(() => stores.cleanup());

  const update = (byte: number, size = 1024) => new Uint8Array(size).fill(byte);

  it('keeps the event loop turning while a commit runs', async () => {
    const store = await openStore();
    let turns = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    // 8 MiB in one transaction, fsynced: long enough for the loop to turn many times.
    await store.append(
      'big',
      Array.from({ length: 128 }, (_, i) => update(i, 64 * 1024)),
    );
    done = true;
    // On the event loop, the whole commit would run before the first turn.
    expect(turns).toBeGreaterThan(1);
  });

  it('sees a write as soon as it resolves, from the reading connection', async () => {
    const store = await openStore();
    for (let i = 1; i <= 20; i++) {
      await store.append('doc', [update(i)]);
      const loaded = await store.load('doc');
      expect(loaded.updates).toHaveLength(i);
    }
    await store.sql.run(
      "INSERT INTO documents (id, kind, title, template, created_at) VALUES ('d1', 'board', 't', 'blank', 'now')",
    );
    expect(await store.sql.all('SELECT id FROM documents')).toEqual([{ id: 'd1' }]);
  });

  it('finishes the writes already asked for before closing', async () => {
    const dir = stores.dir();
    const store = await openStore(dir);
    const appends = Array.from({ length: 50 }, (_, i) => store.append('doc', [update(i)]));
    const transaction = store.sql.transaction((tx) =>
      tx.run(
        "INSERT INTO documents (id, kind, title, template, created_at) VALUES ('d1', 'board', 't', 'blank', 'now')",
      ),
    );
    await store.close();
    await Promise.all([...appends, transaction]);
    // Closed means closed: a later write fails instead of reaching a stopped worker.
    await expect(store.append('doc', [update(99)])).rejects.toThrow(/SQLite writer/);
    const reopened = await openStore(dir);
    expect((await reopened.load('doc')).updates).toHaveLength(50);
    expect(await reopened.sql.all('SELECT id FROM documents')).toEqual([{ id: 'd1' }]);
  });

  it('rolls back a relational transaction that fails, on the writer connection', async () => {
    const store = await openStore();
    await expect(
      store.sql.transaction(async (tx) => {
        await tx.run(
          "INSERT INTO documents (id, kind, title, template, created_at) VALUES ('d1', 'board', 't', 'blank', 'now')",
        );
        // Inside the transaction its own write is visible.
        expect(await tx.all('SELECT id FROM documents')).toEqual([{ id: 'd1' }]);
        await tx.run(
          "INSERT INTO documents (id, kind, title, template, created_at) VALUES ('d1', 'board', 't', 'blank', 'now')",
        );
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await store.sql.all('SELECT id FROM documents')).toEqual([]);
    // The connection is usable afterwards.
    await store.append('doc', [update(1)]);
    expect((await store.load('doc')).updates).toHaveLength(1);
    // A blob read inside a transaction (on the worker) is a Buffer, as it is outside.
    const [row] = await store.sql.transaction((tx) =>
      tx.all<{ data: unknown }>('SELECT data FROM doc_updates'),
    );
    expect(Buffer.isBuffer(row?.data)).toBe(true);
  });

  it('fails loudly, without hanging, when the worker cannot open the database', async () => {
    const dir = stores.dir();
    // The worker throws while starting (the directory does not exist): its 'error' event, not
    // a reply, has to settle the call.
    const writer = new WorkerSqliteWriter(
      startWriterThread({
        file: path.join(dir, 'missing', 'boussole.sqlite'),
        synchronous: 'full',
        walAutocheckpoint: 1000,
      }),
    );
    await expect(writer.append('doc', [update(1)])).rejects.toThrow(
      /SQLite writer stopped: .*directory does not exist/,
    );
    await expect(writer.run('DELETE FROM documents', [])).rejects.toThrow(/SQLite writer stopped/);
    expect(writer.failure).toBeInstanceOf(Error);
    await writer.close();
  });

  it('fails every pending and later write loudly when the worker dies', async () => {
    const threads = new KeptThreads();
    const store = await stores.open(undefined, threads);
    const thread = threads.writerThread;
    if (!thread) throw new Error('expected the worker writer');
    const pending = store.append(
      'doc',
      Array.from({ length: 64 }, (_, i) => update(i, 64 * 1024)),
    );
    // End the thread abruptly, as a crash would.
    await thread.terminate();
    await expect(pending).rejects.toThrow(/SQLite writer stopped/);
    await expect(store.append('doc', [update(1)])).rejects.toThrow(/SQLite writer stopped/);
    await expect(store.sql.run('DELETE FROM documents')).rejects.toThrow(/SQLite writer stopped/);
    // Readiness reports it: the store can still read but would refuse every edit.
    await expect(store.ping()).rejects.toThrow(/SQLite writer stopped/);
  });
});
