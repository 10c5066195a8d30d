import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoardRecords, type ImportPreview } from '@boussole/shared';
import {
  call,
  createAdmin,
  createBoard,
  createWorkspace,
  setupTokenFromLogs,
} from '../helpers/accounts.js';
import {
  childBackendHooks,
  postgresBackend,
  sqliteBackend,
  type ChildBackend,
} from '../helpers/backends.js';
import { connectBoard } from '../helpers/boardClients.js';
import {
  buildServer,
  killAllChildren,
  printChildOutputOnFailure,
  startChildServer,
} from '../helpers/childServer.js';
import { postgresAvailable } from '../helpers/services.js';
import { waitFor } from '../helpers/wait.js';
import { commit, personalStrings, surveyCsv, surveyMapping, upload } from '../helpers/importApi.js';

/**
 * Issue #13: what is imported is the reviewed text only. After imports committed, cancelled,
 * dry-run and left open, the server is stopped and everything it wrote is searched — the
 * database (every table, and on SQLite the files' bytes), the Yjs updates (raw and decoded),
 * the audit log, and its whole log output — for each personal item of the file: none is there.
 */

const pgAvailable = await postgresAvailable();
const FILE_NAME = 'enquete-verdier-confidentiel.csv';

type Row = Record<string, unknown>;

/** Every row of every table, read directly as an operator would, with the server stopped. */
async function everyTable(backend: ChildBackend): Promise<Map<string, Row[]>> {
  const tables = new Map<string, Row[]>();
  if (backend.name === 'sqlite') {
    const db = new Database(path.join(backend.env.DATA_DIR!, 'boussole.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      const names = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .all();
      for (const { name } of names)
        tables.set(name, db.prepare<[], Row>(`SELECT * FROM ${name}`).all());
    } finally {
      db.close();
    }
    return tables;
  }
  const client = new pg.Client({ connectionString: backend.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    for (const { name } of rows)
      tables.set(name, (await client.query<Row>(`SELECT * FROM ${name}`)).rows);
  } finally {
    await client.end();
  }
  return tables;
}

/** Tables (or columns' raw bytes) holding `needle`. */
function holders(tables: Map<string, Row[]>, needle: string): string[] {
  const bytes = Buffer.from(needle);
  const found: string[] = [];
  for (const [name, rows] of tables) {
    for (const row of rows) {
      for (const value of Object.values(row)) {
        const hit =
          value instanceof Uint8Array
            ? Buffer.from(value).includes(bytes)
            : String(value).includes(needle);
        if (hit) found.push(name);
      }
    }
  }
  return found;
}

/** The board as its stored updates make it, in order. */
function storedBoard(tables: Map<string, Row[]>, boardId: string): Record<string, Row> {
  const doc = new Y.Doc();
  const updates = (tables.get('doc_updates') ?? [])
    .filter((row) => row.doc_id === boardId)
    .sort((a, b) => Number(a.seq) - Number(b.seq));
  expect(updates.length).toBeGreaterThan(0);
  for (const row of updates) Y.applyUpdate(doc, new Uint8Array(row.data as Uint8Array));
  const records = readBoardRecords(doc);
  doc.destroy();
  return records;
}

beforeAll(() => buildServer(), 180_000);
afterAll(() => killAllChildren());

function privacySuite(makeBackend: () => ChildBackend | Promise<ChildBackend>): void {
  const storage = childBackendHooks(makeBackend);

  it('writes no original personal string to the database, the Yjs log, the audit log or the logs', async () => {
    const backend = storage();
    printChildOutputOnFailure();
    // Debug logs too: nothing the import does may show there either.
    const server = await startChildServer({ env: { ...backend.env, LOG_LEVEL: 'debug' } });
    const url = server.httpUrl;
    const admin = await createAdmin(url, setupTokenFromLogs(server.logs));
    const workspace = await createWorkspace(url, admin);
    const board = await createBoard(url, admin, workspace, 'Regroupement');
    const watcher = await connectBoard(server.collabUrl, board, admin);

    try {
      const committed = await upload(url, admin, workspace, surveyCsv, { filename: FILE_NAME });
      expect(committed.status, JSON.stringify(committed.body)).toBe(201);
      const preview = committed.body as ImportPreview;
      // Each personal item of the file is found, so the review can replace it.
      for (const item of personalStrings) {
        expect(
          preview.personalData.some((f) => f.text.includes(item) || item.includes(f.text)),
          item,
        ).toBe(true);
      }
      const request = {
        boardId: board,
        kind: 'observation' as const,
        mapping: surveyMapping,
        defaultDecision: 'accept' as const,
      };
      expect((await commit(url, admin, preview.id, { ...request, dryRun: true })).status).toBe(200);
      // A refused attempt goes through the error paths (and their logs).
      expect(
        (await commit(url, admin, preview.id, { ...request, mapping: { verbatim: 12 } })).status,
      ).toBe(400);
      const result = await commit(url, admin, preview.id, { ...request, groupBy: 5 });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      await waitFor(
        () =>
          Object.values(readBoardRecords(watcher.doc)).filter((r) => r.type === 'observation')
            .length === 4,
        { what: 'the imported cards on the open connection' },
      );

      const cancelled = await upload(url, admin, workspace, surveyCsv, { filename: FILE_NAME });
      expect(
        (await call(url, 'DELETE', `/api/imports/${cancelled.body.id}`, { cookie: admin })).status,
      ).toBe(204);
      // One left waiting for its review when the server stops: it lived in memory only.
      expect((await upload(url, admin, workspace, surveyCsv, { filename: FILE_NAME })).status).toBe(
        201,
      );
    } finally {
      watcher.destroy();
    }

    server.kill('SIGTERM');
    expect(await server.waitForExit()).toEqual({ code: 0, signal: null });

    // The database files' bytes, before anything opens them again.
    const dbFiles =
      backend.name === 'sqlite'
        ? ['', '-wal', '-shm']
            .map((suffix) => path.join(backend.env.DATA_DIR!, `boussole.sqlite${suffix}`))
            .filter((file) => fs.existsSync(file))
        : [];
    const tables = await everyTable(backend);
    const records = storedBoard(tables, board);
    const verbatims = Object.values(records)
      .filter((r) => r.type === 'observation')
      .map((r) => String((r.props as Row).verbatim));
    // The search is not vacuous: the pseudonymised cards are stored, with their replacements.
    expect(verbatims).toHaveLength(4);
    expect(verbatims.join('\n')).toContain('plus de car le matin');
    expect(verbatims.join('\n')).toMatch(/\[Personne [A-Z]\]/);
    expect(holders(tables, 'plus de car le matin')).toContain('doc_updates');
    expect(tables.get('audit_log')!.some((row) => row.action === 'import.committed')).toBe(true);
    const logText = JSON.stringify(server.logs) + server.output();
    expect(logText).toContain('import committed');

    for (const item of [...personalStrings, FILE_NAME]) {
      expect(holders(tables, item), `${item} in a table`).toEqual([]);
      expect(JSON.stringify(records).includes(item), `${item} in the decoded board`).toBe(false);
      for (const file of dbFiles) {
        expect(fs.readFileSync(file).includes(Buffer.from(item)), `${item} in ${file}`).toBe(false);
      }
      expect(logText.includes(item), `${item} in the logs`).toBe(false);
    }
  });
}

describe('import privacy (SQLite)', () => {
  privacySuite(() => sqliteBackend());
});

describe.skipIf(!pgAvailable)('import privacy (PostgreSQL)', () => {
  privacySuite(() => postgresBackend('import_privacy'));
});
