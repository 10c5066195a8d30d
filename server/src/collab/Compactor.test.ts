import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silent, storesAndCleanups } from '../testing/collabTestSetup.js';
import type { DocStore } from '../storage/DocStore.js';
import { Compactor, type CommitGate } from './Compactor.js';

const { stores } = storesAndCleanups();

const openStore = () => stores.open();

/** A commit pipeline at rest: the doc equals what is stored. */
const quiet: CommitGate = { committing: false, idle: true, failed: false, drain: async () => {} };

/** Writes `texts` to the doc, one stored row each, as the commit pipeline would. */
async function commit(store: DocStore, compactor: Compactor, doc: Y.Doc, ...texts: string[]) {
  const rows: Uint8Array[] = [];
  const capture = (update: Uint8Array) => rows.push(update);
  doc.on('update', capture);
  for (const text of texts) doc.getText('t').insert(0, text);
  doc.off('update', capture);
  const lastSeq = await store.append('doc', rows);
  compactor.appended(
    lastSeq,
    rows.length,
    rows.reduce((sum, row) => sum + row.length, 0),
  );
}

function loaded(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('Compactor', () => {
  it('is due after compactEveryUpdates rows, and folds them into one snapshot row', async () => {
    const store = await openStore();
    const doc = new Y.Doc();
    const compactor = new Compactor('doc', doc, store, { compactEveryUpdates: 3 }, silent, {
      lastSeq: 0,
      bytes: 0,
      rows: 0,
    });
    await commit(store, compactor, doc, 'a', 'b');
    expect(compactor.due).toBe(false);
    await commit(store, compactor, doc, 'c');
    expect(compactor.due).toBe(true);

    await compactor.compact(quiet);
    const stored = await store.load('doc');
    expect(stored.updates).toHaveLength(1);
    expect(loaded(stored.updates)).toBe('cba');
    expect(compactor.uncompacted).toBe(0);
    expect(compactor.storedBytes).toBe(stored.updates[0]!.length);
  });

  it('counts a loaded log of several rows as due at once, a single row as folded', () => {
    const doc = new Y.Doc();
    const store = {} as DocStore;
    const options = { compactEveryUpdates: 2 };
    const many = new Compactor('doc', doc, store, options, silent, {
      lastSeq: 5,
      bytes: 50,
      rows: 5,
    });
    const one = new Compactor('doc', doc, store, options, silent, {
      lastSeq: 1,
      bytes: 10,
      rows: 1,
    });
    expect(many.due).toBe(true);
    expect(one.uncompacted).toBe(0);
    one.compactSoon();
    expect(one.due).toBe(true);
  });

  it('keeps counted the rows committed while a compaction was writing', async () => {
    const store = await openStore();
    const doc = new Y.Doc();
    const compactor = new Compactor('doc', doc, store, { compactEveryUpdates: 10 }, silent, {
      lastSeq: 0,
      bytes: 0,
      rows: 0,
    });
    await commit(store, compactor, doc, 'a', 'b');
    const compaction = compactor.compact(quiet);
    expect(compactor.running).toBe(compaction);
    await commit(store, compactor, doc, 'c');
    await compaction;
    expect(compactor.running).toBeUndefined();
    expect(compactor.uncompacted).toBe(1);
    const stored = await store.load('doc');
    expect(loaded(stored.updates)).toBe('cba');
    expect(compactor.storedBytes).toBe(stored.bytes);
  });

  it('never snapshots a doc while a commit is between apply and append', async () => {
    const store = await openStore();
    const doc = new Y.Doc();
    const compactor = new Compactor('doc', doc, store, { compactEveryUpdates: 1 }, silent, {
      lastSeq: 0,
      bytes: 0,
      rows: 0,
    });
    await commit(store, compactor, doc, 'a', 'b');
    await compactor.compact({ ...quiet, committing: true, idle: false });
    expect((await store.load('doc')).updates).toHaveLength(2);
  });

  it('compactNow waits for the commits, then throws why the compaction failed', async () => {
    const store = await openStore();
    const doc = new Y.Doc();
    const failing: DocStore = Object.assign(Object.create(store) as DocStore, {
      compact: () => Promise.reject(new Error('disk full')),
    });
    const compactor = new Compactor('doc', doc, failing, { compactEveryUpdates: 10 }, silent, {
      lastSeq: 0,
      bytes: 0,
      rows: 0,
    });
    let drained = 0;
    const gate: CommitGate = {
      ...quiet,
      drain: async () => {
        drained++;
        await commit(store, compactor, doc, 'late');
      },
    };
    await expect(compactor.compactNow(gate)).rejects.toThrow('disk full');
    expect(drained).toBe(1);
    // Nothing was lost: the log is as it was.
    expect(loaded((await store.load('doc')).updates)).toBe('late');
  });

  it('compactNow refuses when storage already failed, and has nothing to do on an empty log', async () => {
    const store = await openStore();
    const compactor = new Compactor(
      'doc',
      new Y.Doc(),
      store,
      { compactEveryUpdates: 10 },
      silent,
      {
        lastSeq: 0,
        bytes: 0,
        rows: 0,
      },
    );
    await expect(compactor.compactNow({ ...quiet, failed: true })).rejects.toThrow(
      'storage failed for doc',
    );
    await expect(compactor.compactNow(quiet)).resolves.toBeUndefined();
  });
});
