import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresDocStore, SqliteDocStore, type DocStore } from '@boussole/server';
import { seededRandom } from '../helpers/random.js';
import { tempDir } from '../helpers/server.js';
import {
  TEST_DATABASE_URL,
  dropSchema,
  postgresAvailable,
  uniqueSchema,
} from '../helpers/services.js';
import { canonicalState } from '../helpers/yjsState.js';

/**
 * One contract, every DocStore. Each implementation provides a way to open a store on fresh
 * storage and another instance on that same storage (for idempotent and concurrent migration,
 * and for closing one instance without disturbing the others).
 */
interface StoreFactory {
  /** Prepare fresh, empty storage (a temp SQLite file, a new PostgreSQL schema). */
  setUp(): Promise<void>;
  /** A new, unmigrated instance on the storage prepared by setUp. */
  open(): DocStore;
  tearDown(): Promise<void>;
}

/** SQLite in both of its write paths: a worker thread (the default under 'full'), this thread. */
function sqliteFactory(
  options: Omit<ConstructorParameters<typeof SqliteDocStore>[0], 'file'>,
): () => StoreFactory {
  return () => {
    let dir = '';
    return {
      async setUp() {
        dir = tempDir('boussole-contract-');
      },
      open: () => new SqliteDocStore({ file: path.join(dir, 'boussole.sqlite'), ...options }),
      async tearDown() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  };
}

function postgresFactory(): StoreFactory {
  let schema = '';
  return {
    async setUp() {
      schema = uniqueSchema('contract');
    },
    open: () => new PostgresDocStore({ url: TEST_DATABASE_URL, schema, poolSize: 4 }),
    async tearDown() {
      await dropSchema(schema);
    },
  };
}

/** Rows compared byte for byte; a mismatch names the rows instead of dumping a megabyte. */
function expectSameRows(actual: Uint8Array[], expected: Uint8Array[]): void {
  expect(actual.map((row) => row.length)).toEqual(expected.map((row) => row.length));
  const differing = actual.flatMap((row, i) =>
    Buffer.from(row).equals(Buffer.from(expected[i] as Uint8Array)) ? [] : [i],
  );
  expect(differing, 'rows whose bytes differ').toEqual([]);
}

/** A real document edited many times; every update it emitted, in order. */
function editedDoc(seed: number, edits: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const random = seededRandom(seed);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('notes');
  const cards = doc.getMap<{ x: number; label: string }>('cards');
  for (let n = 0; n < edits; n++) {
    const roll = random();
    if (roll < 0.4) text.insert(Math.floor(random() * (text.length + 1)), `é${n} `);
    else if (roll < 0.55 && text.length > 2)
      text.delete(Math.floor(random() * (text.length - 2)), 2);
    else if (roll < 0.9)
      cards.set(`card-${Math.floor(random() * 20)}`, { x: n, label: `Idée ${n}` });
    else cards.delete(`card-${Math.floor(random() * 20)}`);
  }
  return { doc, updates };
}

function docFrom(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

function storeContract(kind: string, makeFactory: () => StoreFactory): void {
  const factory = makeFactory();
  describe(`DocStore contract: ${kind}`, () => {
    let store: DocStore;
    const opened: DocStore[] = [];
    const open = () => {
      const s = factory.open();
      opened.push(s);
      return s;
    };
    let docCounter = 0;
    const freshDocId = () => `contract-doc-${++docCounter}`;

    beforeAll(async () => {
      await factory.setUp();
      store = open();
      await store.migrate();
    });

    afterAll(async () => {
      for (const s of opened) await s.close().catch(() => {});
      await factory.tearDown();
    });

    it('loads a document that was never written as no updates and lastSeq 0', async () => {
      expect(await store.load(freshDocId())).toEqual({ updates: [], lastSeq: 0, bytes: 0 });
    });

    it('returns exactly the bytes appended, in order, including every byte value and 1 MiB', async () => {
      const docId = freshDocId();
      const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
      const random = seededRandom(7);
      const big = Uint8Array.from({ length: 1024 * 1024 + 3 }, () => Math.floor(random() * 256));
      // A view into the middle of a larger buffer: only its own bytes must be stored.
      const backing = Uint8Array.from({ length: 64 }, (_, i) => 255 - i);
      const view = backing.subarray(10, 20);
      const single = Uint8Array.of(0);

      const first = await store.append(docId, [everyByte]);
      await store.append(docId, [big, view]);
      const last = await store.append(docId, [single]);

      const loaded = await store.load(docId);
      expectSameRows(loaded.updates, [everyByte, big, view, single]);
      expect(loaded.lastSeq).toBe(last);
      expect(last).toBeGreaterThan(first);
      expect(loaded.bytes).toBe(256 + big.length + 10 + 1);
    });

    it('appends several updates atomically and returns the seq of the last one', async () => {
      const docId = freshDocId();
      const { updates } = editedDoc(1, 30);
      const seq = await store.append(docId, updates);
      const loaded = await store.load(docId);
      expect(loaded.lastSeq).toBe(seq);
      expectSameRows(loaded.updates, updates);

      // A batch that fails part-way leaves nothing behind: the earlier rows are rolled back.
      const broken = [updates[0] as Uint8Array, null as unknown as Uint8Array, Uint8Array.of(1)];
      const otherDoc = freshDocId();
      await expect(store.append(otherDoc, broken)).rejects.toThrow();
      expect(await store.load(otherDoc)).toEqual({ updates: [], lastSeq: 0, bytes: 0 });

      await expect(store.append(otherDoc, [])).rejects.toThrow();
    });

    it('numbers appends with seqs that keep increasing across documents', async () => {
      const a = freshDocId();
      const b = freshDocId();
      const seqs = [
        await store.append(a, [Uint8Array.of(1)]),
        await store.append(b, [Uint8Array.of(2), Uint8Array.of(3)]),
        await store.append(a, [Uint8Array.of(4)]),
        await store.append(b, [Uint8Array.of(5)]),
      ];
      for (let i = 1; i < seqs.length; i++) {
        expect(seqs[i]).toBeGreaterThan(seqs[i - 1] as number);
      }
      expect((await store.load(a)).lastSeq).toBe(seqs[2]);
      expect((await store.load(b)).lastSeq).toBe(seqs[3]);
    });

    it('keeps documents isolated, even with ids that look alike', async () => {
      const base = freshDocId();
      const ids = [base, `${base}%`, `${base}_`, base.toUpperCase(), `${base}-x`];
      for (const [i, id] of ids.entries()) await store.append(id, [Uint8Array.of(i, i)]);
      for (const [i, id] of ids.entries()) {
        expectSameRows((await store.load(id)).updates, [Uint8Array.of(i, i)]);
      }
    });

    it('compacts through a seq while an update appended after it survives', async () => {
      const docId = freshDocId();
      const { doc, updates } = editedDoc(2, 60);
      const early = updates.slice(0, 40);
      const late = updates.slice(40);

      const firstSeq = await store.append(docId, early.slice(0, 20));
      const throughSeq = await store.append(docId, early.slice(20));
      // The race in a room: the snapshot was taken at throughSeq, then more edits committed
      // before the compaction reached the store.
      const snapshot = Y.encodeStateAsUpdate(docFrom(early));
      const lateSeq = await store.append(docId, late);
      expect(throughSeq).toBeGreaterThan(firstSeq);

      await store.compact(docId, snapshot, throughSeq);

      const loaded = await store.load(docId);
      expectSameRows(loaded.updates, [snapshot, ...late]);
      expect(loaded.lastSeq).toBe(lateSeq);
      expect(loaded.bytes).toBe(
        snapshot.length + late.reduce((sum, update) => sum + update.length, 0),
      );
      expect(canonicalState(loaded.updates).equals(canonicalState(doc))).toBe(true);

      // Compacting again folds everything, and later appends still get larger seqs.
      const all = Y.encodeStateAsUpdate(doc);
      await store.compact(docId, all, lateSeq);
      const folded = await store.load(docId);
      expectSameRows(folded.updates, [all]);
      expect(folded.lastSeq).toBe(lateSeq);
      expect(await store.append(docId, [Uint8Array.of(0)])).toBeGreaterThan(lateSeq);
    });

    it('loads a compacted real document identical to the original', async () => {
      const docId = freshDocId();
      const { doc, updates } = editedDoc(3, 400);
      let seq = 0;
      for (let i = 0; i < updates.length; i += 37) {
        seq = await store.append(docId, updates.slice(i, i + 37));
      }
      await store.compact(docId, Y.encodeStateAsUpdate(doc), seq);
      const loaded = await store.load(docId);
      expect(loaded.updates).toHaveLength(1);
      const reloaded = docFrom(loaded.updates);
      expect(canonicalState(reloaded).equals(canonicalState(doc))).toBe(true);
      expect(reloaded.getText('notes').toString()).toBe(doc.getText('notes').toString());
      expect(reloaded.getText('notes').length).toBeGreaterThan(0);
    });

    it('deletes one document and only that one', async () => {
      const gone = freshDocId();
      const kept = freshDocId();
      await store.append(gone, [Uint8Array.of(1), Uint8Array.of(2)]);
      const keptSeq = await store.append(kept, [Uint8Array.of(3)]);
      await store.deleteDoc(gone);
      expect(await store.load(gone)).toEqual({ updates: [], lastSeq: 0, bytes: 0 });
      expect(await store.load(kept)).toEqual({
        updates: [new Uint8Array([3])],
        lastSeq: keptSeq,
        bytes: 1,
      });
      // Deleting what does not exist is not an error.
      await store.deleteDoc(freshDocId());
    });

    it('migrates idempotently, keeping the data', async () => {
      const docId = freshDocId();
      const seq = await store.append(docId, [Uint8Array.of(42)]);
      const again = open();
      await again.migrate();
      await again.migrate();
      expect(await again.load(docId)).toEqual({
        updates: [new Uint8Array([42])],
        lastSeq: seq,
        bytes: 1,
      });
    });

    it('migrates fresh storage from several instances at once', async () => {
      // Several servers starting together on an empty database (a rolling deploy).
      const separate = makeFactory();
      await separate.setUp();
      const instances = Array.from({ length: 4 }, () => separate.open());
      try {
        await Promise.all(instances.map((instance) => instance.migrate()));
        const seq = await instances[0]!.append('shared-doc', [Uint8Array.of(9)]);
        for (const instance of instances) {
          expect((await instance.load('shared-doc')).lastSeq).toBe(seq);
        }
      } finally {
        for (const instance of instances) await instance.close();
        await separate.tearDown();
      }
    });

    it('runs relational statements with ? placeholders next to the log', async () => {
      const id = `doc-sql-${++docCounter}`;
      const result = await store.sql.run(
        'INSERT INTO documents (id, kind, title, template, created_at) VALUES (?, ?, ?, ?, ?)',
        [id, 'board', 'Hypothèses « logement »', 'blank', '2026-09-17T10:00:00.000Z'],
      );
      expect(result.changes).toBe(1);
      const rows = await store.sql.all<{ title: string }>(
        'SELECT title FROM documents WHERE id = ? AND kind = ?',
        [id, 'board'],
      );
      expect(rows).toEqual([{ title: 'Hypothèses « logement »' }]);
    });

    it('commits a relational transaction whole, or rolls it back whole', async () => {
      const a = `doc-tx-${++docCounter}`;
      const b = `doc-tx-${++docCounter}`;
      const insert =
        'INSERT INTO documents (id, kind, title, template, created_at) VALUES (?, ?, ?, ?, ?)';
      await store.sql.transaction(async (tx) => {
        await tx.run(insert, [a, 'board', 'A', 'blank', 'now']);
      });
      await expect(
        store.sql.transaction(async (tx) => {
          await tx.run(insert, [b, 'board', 'B', 'blank', 'now']);
          throw new Error('abandon');
        }),
      ).rejects.toThrow('abandon');
      const ids = await store.sql.all<{ id: string }>(
        'SELECT id FROM documents WHERE id IN (?, ?) ORDER BY id',
        [a, b],
      );
      expect(ids.map((r) => r.id)).toEqual([a]);
    });

    it('never loses an update appended while a relational transaction rolls back', async () => {
      const docId = freshDocId();
      const update = Y.encodeStateAsUpdate(editedDoc(7, 5).doc);
      let appended: Promise<number> | undefined;
      await expect(
        store.sql.transaction(async (tx) => {
          await tx.run(
            'INSERT INTO documents (id, kind, title, template, created_at) VALUES (?, ?, ?, ?, ?)',
            [`doc-rb-${docCounter}`, 'board', 'x', 'blank', 'now'],
          );
          // A room commits in the middle of someone else's transaction…
          appended = store.append(docId, [update]);
          await new Promise((resolve) => setImmediate(resolve));
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      // …and its update is still there after that transaction rolled back.
      await appended;
      expectSameRows((await store.load(docId)).updates, [update]);
    });

    it('shows every write to the next read, as soon as the write resolves', async () => {
      // The SQLite store writes on one connection (possibly in another thread) and reads on
      // another: a room that loads right after its last commit must find it.
      const docId = freshDocId();
      for (let i = 1; i <= 10; i++) {
        const seq = await store.append(docId, [Uint8Array.of(i)]);
        expect((await store.load(docId)).lastSeq).toBe(seq);
      }
      const seq = await store.append(docId, [Uint8Array.of(11)]);
      await store.compact(docId, Uint8Array.of(0), seq);
      expect(await store.load(docId)).toEqual({
        updates: [Uint8Array.of(0)],
        lastSeq: seq,
        bytes: 1,
      });
      await store.deleteDoc(docId);
      expect((await store.load(docId)).lastSeq).toBe(0);

      const id = `doc-ryw-${++docCounter}`;
      await store.sql.run(
        'INSERT INTO documents (id, kind, title, template, created_at) VALUES (?, ?, ?, ?, ?)',
        [id, 'board', 'avant', 'blank', 'now'],
      );
      expect(await store.sql.all('SELECT title FROM documents WHERE id = ?', [id])).toEqual([
        { title: 'avant' },
      ]);
      await store.sql.transaction((tx) =>
        tx.run('UPDATE documents SET title = ? WHERE id = ?', ['après', id]),
      );
      expect(await store.sql.all('SELECT title FROM documents WHERE id = ?', [id])).toEqual([
        { title: 'après' },
      ]);
    });

    it('rejects the caller of a failing write, and keeps writing for the others', async () => {
      const id = `doc-err-${++docCounter}`;
      const insert =
        'INSERT INTO documents (id, kind, title, template, created_at) VALUES (?, ?, ?, ?, ?)';
      await store.sql.run(insert, [id, 'board', 'un', 'blank', 'now']);
      await expect(store.sql.run(insert, [id, 'board', 'deux', 'blank', 'now'])).rejects.toThrow(
        /unique|duplicate/i,
      );
      await expect(
        store.sql.transaction((tx) => tx.run(insert, [id, 'board', 'trois', 'blank', 'now'])),
      ).rejects.toThrow(/unique|duplicate/i);
      await expect(store.sql.run('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
      // Nothing of the failed writes remains, and the store still writes.
      expect(await store.sql.all('SELECT title FROM documents WHERE id = ?', [id])).toEqual([
        { title: 'un' },
      ]);
      const docId = freshDocId();
      const seq = await store.append(docId, [Uint8Array.of(1)]);
      expect((await store.load(docId)).lastSeq).toBe(seq);
    });

    it('answers ping while open and rejects it once closed', async () => {
      const own = open();
      await own.migrate();
      await expect(own.ping()).resolves.toBeUndefined();
      await own.close();
      await expect(own.ping()).rejects.toThrow();
      // The other instances on the same storage are unaffected.
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

storeContract(
  'sqlite (synchronous=full, writes in a worker thread)',
  sqliteFactory({ synchronous: 'full' }),
);
storeContract(
  'sqlite (synchronous=normal, writes on this thread)',
  sqliteFactory({ synchronous: 'normal' }),
);

const pgAvailable = await postgresAvailable();
describe.skipIf(!pgAvailable)('PostgreSQL', () => {
  storeContract('postgres', postgresFactory);
});
