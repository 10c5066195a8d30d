import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteDocStore } from '@boussole/server';
import {
  childBackendHooks,
  postgresBackend,
  sqliteBackend,
  type ChildBackend,
} from '../helpers/backends.js';
import {
  buildServer,
  printChildOutputOnFailure,
  startChildServer,
} from '../helpers/childServer.js';
import { connectSynced } from '../helpers/clients.js';
import { startServer, tempDir } from '../helpers/server.js';
import { postgresAvailable } from '../helpers/services.js';
import {
  ENTRIES,
  entryNames,
  recordEntries,
  writeContinuously,
} from '../helpers/streamingWriter.js';
import { waitFor } from '../helpers/wait.js';
import { newChildBoard, openDocuments, signInAgain } from '../helpers/collabAccess.js';

/**
 * "An edit someone has seen survives a crash." A writer streams edits into a real server
 * process, an observer records every edit it receives, the server is SIGKILLed mid-stream,
 * and after a restart on the same storage a fresh client must hold every observed edit.
 */
const OBSERVED_BEFORE_KILL = 200;

interface CrashReport {
  written: number;
  observed: Set<string>;
  /** doc_updates rows for the document while the crashed server was down. */
  rowsAfterCrash: number;
  recovered: Set<string>;
}

interface CrashOptions {
  env?: Record<string, string>;
  /**
   * Kill only once storage shows a finished compaction (fewer rows than entries seen). How
   * soon one finishes depends on the machine's load, so the kill waits for it rather than
   * hoping it happened within the first OBSERVED_BEFORE_KILL entries.
   */
  afterCompaction?: boolean;
}

async function crashMidStreamAndReload(
  backend: ChildBackend,
  label: string,
  { env = {}, afterCompaction = false }: CrashOptions = {},
): Promise<CrashReport> {
  const serverEnv = { ...backend.env, ...env };
  const first = await startChildServer({ env: serverEnv });
  const { docId, cookie } = await newChildBoard(first);
  const observer = await connectSynced(first.collabUrl, docId, { cookie });
  const seen = recordEntries(observer.doc);
  const writer = await connectSynced(first.collabUrl, docId, { cookie });
  let armed = !afterCompaction;
  // Killed the moment the observer has seen enough, from inside its update handler: the
  // newest entry it saw has only just been broadcast, the riskiest moment for it.
  observer.doc.getMap(ENTRIES).observe(() => {
    if (armed && seen.size >= OBSERVED_BEFORE_KILL) first.kill('SIGKILL');
  });
  const stream = writeContinuously(writer);
  try {
    if (!armed) {
      await waitFor(
        async () => {
          // Counted before the rows: every entry seen by then is already a row of its own
          // unless a compaction folded it.
          const seenBefore = seen.size;
          return (await backend.countRows(docId)) < seenBefore;
        },
        {
          timeoutMs: 30_000,
          intervalMs: 20,
          what: 'a compaction to show in storage',
        },
      );
      armed = true;
    }
    await waitFor(() => seen.size >= OBSERVED_BEFORE_KILL, {
      timeoutMs: 30_000,
      what: `the observer to receive ${OBSERVED_BEFORE_KILL} entries`,
    });
    const status = await first.waitForExit();
    expect(status.signal).toBe('SIGKILL');
    // The observer reads what was already on the wire before it sees the socket close.
    await waitFor(() => !observer.provider.wsconnected, { what: 'the observer to disconnect' });
  } finally {
    stream.stop();
    // Neither may reconnect and resend its copy: only storage may supply the reloaded state.
    writer.destroy();
    observer.destroy();
  }
  const observed = new Set(seen);
  const rowsAfterCrash = await backend.countRows(docId);

  const second = await startChildServer({ env: serverEnv });
  const again = await signInAgain(second);
  const fresh = await connectSynced(second.collabUrl, docId, { cookie: again });
  const recovered = entryNames(fresh.doc);
  fresh.destroy();
  second.kill('SIGTERM');
  expect((await second.waitForExit()).code).toBe(0);
  process.stderr.write(
    `[durability] ${backend.name} ${label}: writer created ${stream.written}, ` +
      `observer saw ${observed.size}, rows after crash ${rowsAfterCrash}, ` +
      `reloaded ${recovered.size}\n`,
  );
  return { written: stream.written, observed, rowsAfterCrash, recovered };
}

function expectEveryObservedEntryRecovered(report: CrashReport): void {
  expect(report.observed.size).toBeGreaterThanOrEqual(OBSERVED_BEFORE_KILL);
  const missing = [...report.observed].filter((name) => !report.recovered.has(name));
  expect(missing, 'entries the observer saw but the restarted server lost').toEqual([]);
  // Nothing appears that the writer never made.
  expect(report.recovered.size).toBeLessThanOrEqual(report.written);
}

function durabilitySuite(makeBackend: () => Promise<ChildBackend>): void {
  const backend = childBackendHooks(makeBackend);

  it('keeps every edit the observer saw when the server is SIGKILLed', async () => {
    printChildOutputOnFailure();
    const report = await crashMidStreamAndReload(backend(), 'durability-plain');
    expectEveryObservedEntryRecovered(report);
    // Below COMPACT_EVERY_UPDATES every edit is still its own row in the log.
    expect(report.rowsAfterCrash).toBeGreaterThanOrEqual(report.observed.size);
  });

  it('keeps every observed edit when compaction runs mid-stream', async () => {
    printChildOutputOnFailure();
    const docId = 'durability-compacting';
    const report = await crashMidStreamAndReload(backend(), docId, {
      env: { COMPACT_EVERY_UPDATES: '50' },
      afterCompaction: true,
    });
    expectEveryObservedEntryRecovered(report);
    // The crashed run really compacted: without it every recovered entry would still be a row
    // of its own, so there would be at least as many rows as entries.
    expect(report.rowsAfterCrash).toBeLessThan(report.recovered.size);
  });
}

beforeAll(() => buildServer());

describe('durability across SIGKILL: SQLite', () => {
  durabilitySuite(async () => sqliteBackend());
});

// synchronous=full writes from the writer thread: this runs the built one (server/dist).
describe('durability across SIGKILL: SQLite, synchronous=full', () => {
  durabilitySuite(async () => {
    const backend = sqliteBackend();
    return { ...backend, env: { ...backend.env, SQLITE_SYNCHRONOUS: 'full' } };
  });
});

const pgAvailable = await postgresAvailable();
describe.skipIf(!pgAvailable)('durability across SIGKILL: PostgreSQL', () => {
  durabilitySuite(() => postgresBackend('boussole_dur'));
});

describe('an edit the store refused', () => {
  it('is broadcast to no one', async () => {
    const dir = tempDir('boussole-refused-');
    const store = new SqliteDocStore({
      file: path.join(dir, 'boussole.sqlite'),
      synchronous: 'normal',
    });
    await store.migrate();
    const server = await startServer({ store, env: { LOG_LEVEL: 'silent' } });
    const docId = 'refused-edit';
    const cookie = await openDocuments(server, docId);
    const writer = await connectSynced(server.collabUrl, docId, { cookie });
    const observer = await connectSynced(server.collabUrl, docId, { cookie });
    try {
      const seen = recordEntries(observer.doc);
      let seenAtDisconnect: Set<string> | undefined;
      observer.provider.on('status', ({ status }) => {
        if (status === 'disconnected') seenAtDisconnect ??= new Set(seen);
      });
      // The path works while storage does.
      writer.doc.getMap(ENTRIES).set('committed', 1);
      await waitFor(() => seen.has('committed'), { what: 'the committed entry to arrive' });

      // Storage fails for real: every later append throws.
      await store.close();
      writer.doc.getMap(ENTRIES).set('refused', 2);
      // The failed room closes every socket; frames sent before the close arrive before it.
      await waitFor(() => seenAtDisconnect !== undefined, { what: 'the observer to be closed' });
      expect([...(seenAtDisconnect ?? [])]).toEqual(['committed']);
    } finally {
      writer.destroy();
      observer.destroy();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
