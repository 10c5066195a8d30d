import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { PostgresDocStore, SqliteDocStore, type DocStore } from '@boussole/server';
import {
  childBackendHooks,
  postgresBackend,
  sqliteBackend,
  type ChildBackend,
} from '../helpers/backends.js';
import {
  buildServer,
  killAllChildren,
  printChildOutputOnFailure,
  startChildServer,
  type ChildServer,
} from '../helpers/childServer.js';
import { connectSynced, type TestClient } from '../helpers/clients.js';
import { startServer, tempDir } from '../helpers/server.js';
import {
  TEST_DATABASE_URL,
  dropSchema,
  postgresAvailable,
  uniqueSchema,
} from '../helpers/services.js';
import { ENTRIES, entryNames, recordEntries } from '../helpers/streamingWriter.js';
import { waitFor } from '../helpers/wait.js';
import { canonicalState } from '../helpers/yjsState.js';
import { newChildBoard, signInAgain } from '../helpers/collabAccess.js';

const pgAvailable = await postgresAvailable();

/** One edit per transaction (one frame each): an entry, and text that is typed and trimmed. */
function edit(doc: Y.Doc, n: number): void {
  doc.transact(() => {
    doc.getMap<number>(ENTRIES).set(`entry-${n}`, n);
    const notes = doc.getText('notes');
    if (n % 5 === 4) notes.delete(0, 2);
    else notes.insert(notes.length, `é${n % 10}`);
  });
}

async function stopGracefully(server: ChildServer): Promise<void> {
  server.kill('SIGTERM');
  expect(await server.waitForExit()).toEqual({ code: 0, signal: null });
}

/** A client that loads the document from a freshly started server, then leaves. */
async function loadFresh(server: ChildServer, docId: string, cookie: string): Promise<Y.Doc> {
  const fresh = await connectSynced(server.collabUrl, docId, { cookie });
  fresh.provider.destroy();
  return fresh.doc;
}

/** Stops the provider (so it cannot resend its copy to the next server) but keeps its doc. */
function disconnect(...clients: TestClient[]): void {
  for (const client of clients) client.provider.destroy();
}

beforeAll(() => buildServer());
afterAll(() => killAllChildren());

function gracefulShutdownSuite(makeBackend: () => Promise<ChildBackend>): void {
  const storage = childBackendHooks(makeBackend);

  it('commits every update accepted before SIGTERM, exits 0, and reloads it exactly', async () => {
    const backend = storage();
    printChildOutputOnFailure();
    const BURST = 120;
    // A long group-commit window: the burst is accepted but not yet committed at the signal.
    const env = { ...backend.env, COMMIT_DELAY_MS: '1000', AWARENESS_FLUSH_MS: '0' };
    const first = await startChildServer({ env });
    const { docId, cookie } = await newChildBoard(first);
    const writer = await connectSynced(first.collabUrl, docId, { cookie });
    const observer = await connectSynced(first.collabUrl, docId, { cookie });
    const seen = recordEntries(observer.doc);

    for (let n = 1; n <= BURST; n++) edit(writer.doc, n);
    // Frames of one socket are handled in order, and presence is relayed without a commit:
    // once the observer sees this, the server has accepted every edit of the burst.
    writer.provider.awareness.setLocalStateField('burst', 'sent');
    await waitFor(
      () => [...observer.provider.awareness.getStates().values()].some((s) => s.burst === 'sent'),
      { what: 'the observer to see the marker sent after the burst' },
    );
    const seenAtSignal = seen.size;
    await stopGracefully(first);
    disconnect(writer, observer);
    expect(seenAtSignal, 'edits already committed when the signal came').toBeLessThan(BURST);

    const second = await startChildServer({ env: backend.env });
    const reloaded = await loadFresh(second, docId, await signInAgain(second));
    await stopGracefully(second);
    expect(entryNames(reloaded).size).toBe(BURST);
    expect(reloaded.getText('notes').toString()).toBe(writer.doc.getText('notes').toString());
    expect(canonicalState(reloaded).equals(canonicalState(writer.doc))).toBe(true);
    writer.doc.destroy();
    observer.doc.destroy();
    reloaded.destroy();
  });
}

describe('graceful shutdown: SQLite', () => {
  gracefulShutdownSuite(async () => sqliteBackend());
});

describe.skipIf(!pgAvailable)('graceful shutdown: PostgreSQL', () => {
  gracefulShutdownSuite(() => postgresBackend('boussole_restart'));
});

describe('compaction keeps the log short: SQLite', () => {
  const storage = childBackendHooks(sqliteBackend);

  it('folds hundreds of updates into a few rows that load identically', async () => {
    const backend = storage();
    printChildOutputOnFailure();
    const COMPACT_EVERY = 25;
    const ROUNDS = 40;
    const PER_ROUND = 10;
    const folding = { ...backend.env, COMPACT_EVERY_UPDATES: String(COMPACT_EVERY) };
    const first = await startChildServer({ env: folding });
    const { docId, cookie } = await newChildBoard(first);
    const writer = await connectSynced(first.collabUrl, docId, { cookie });
    const observer = await connectSynced(first.collabUrl, docId, { cookie });
    const seen = recordEntries(observer.doc);
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < PER_ROUND; i++) edit(writer.doc, ++n);
      // Seen by the observer means committed: each round is one commit or a few.
      await waitFor(() => seen.size === n, { what: `round ${round} to be committed` });
    }
    // A crash, not a shutdown: what is on disk is what periodic compaction left.
    first.kill('SIGKILL');
    await first.waitForExit();
    disconnect(writer, observer);
    const rowsAfterCrash = await backend.countRows(docId);
    process.stderr.write(`[restart] ${n} updates left ${rowsAfterCrash} rows after a crash\n`);
    expect(rowsAfterCrash).toBeGreaterThan(0);
    // At most one compaction period plus the round that crossed it; one row per update without.
    expect(rowsAfterCrash).toBeLessThanOrEqual(COMPACT_EVERY + PER_ROUND);

    // Restarted with the default (large) period, so only the graceful stop can fold the log.
    const second = await startChildServer({ env: backend.env });
    const secondCookie = await signInAgain(second);
    const editor = await connectSynced(second.collabUrl, docId, { cookie: secondCookie });
    expect(entryNames(editor.doc).size).toBe(n);
    expect(canonicalState(editor.doc).equals(canonicalState(writer.doc))).toBe(true);
    const watcher = await connectSynced(second.collabUrl, docId, { cookie: secondCookie });
    const watched = recordEntries(watcher.doc);
    for (let i = 0; i < 3; i++) edit(editor.doc, ++n);
    await waitFor(() => watched.size === n, { what: 'the last edits to be committed' });
    // WAL mode lets a reader look while the server runs.
    expect(await backend.countRows(docId)).toBe(rowsAfterCrash + 3);
    await stopGracefully(second);
    disconnect(editor, watcher);
    expect(await backend.countRows(docId), 'rows after a graceful stop').toBe(1);

    const third = await startChildServer({ env: backend.env });
    const again = await loadFresh(third, docId, await signInAgain(third));
    await stopGracefully(third);
    expect(entryNames(again).size).toBe(n);
    expect(canonicalState(again).equals(canonicalState(editor.doc))).toBe(true);
    for (const doc of [writer.doc, observer.doc, editor.doc, watcher.doc, again]) doc.destroy();
  });
});

/** /readyz reports whether the store answers; a closed store stands for one that is down. */
function readinessSuite(
  kind: string,
  openStore: () => { store: DocStore; cleanUp(): Promise<void> },
): void {
  it(`answers 200 while the ${kind} store is open and 503 once it is closed`, async () => {
    const { store, cleanUp } = openStore();
    await store.migrate();
    const server = await startServer({ store, env: { LOG_LEVEL: 'silent' } });
    try {
      const ready = await fetch(`${server.httpUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', storage: kind });

      await store.close();
      const down = await fetch(`${server.httpUrl}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', storage: kind });
      // The process itself is still up.
      expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
      await store.close().catch(() => {});
      await cleanUp();
    }
  });
}

describe('/readyz', () => {
  readinessSuite('sqlite', () => {
    const dir = tempDir('boussole-readyz-');
    return {
      store: new SqliteDocStore({ file: path.join(dir, 'boussole.sqlite'), synchronous: 'full' }),
      cleanUp: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  });

  describe.skipIf(!pgAvailable)('PostgreSQL', () => {
    readinessSuite('postgres', () => {
      const schema = uniqueSchema('readyz');
      return {
        store: new PostgresDocStore({ url: TEST_DATABASE_URL, schema, poolSize: 2 }),
        cleanUp: () => dropSchema(schema),
      };
    });
  });
});
