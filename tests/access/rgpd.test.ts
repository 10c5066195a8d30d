import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoardRecords } from '@boussole/shared';
import {
  DocumentVersions,
  PostgresDocStore,
  SqliteDocStore,
  type DocStore,
} from '@boussole/server';
import { putDefaultDocument } from '../../client/testing/boardPeers.js';
import { cardRecord } from '../../client/testing/cardRecords.js';
import {
  addMember,
  call,
  createAdmin,
  createBoard,
  createLink,
  createWorkspace,
  sampleWorkspace,
} from '../helpers/accounts.js';
import { bindTab, connectBoard, type BoardClient } from '../helpers/boardClients.js';
import { startServer, tempDir, type TestServer } from '../helpers/server.js';
import { tableNames } from '../helpers/storeTables.js';
import {
  TEST_DATABASE_URL,
  dropSchema,
  postgresAvailable,
  uniqueSchema,
} from '../helpers/services.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue #4, RGPD: an administrator exports everything kept about a workspace as one archive,
 * and purges a document's history so that a deleted verbatim is really gone from storage.
 */

const encoder = new TextEncoder();

/** Does any row of any table hold these bytes (in a text column or a binary one)? */
async function storeHolds(store: DocStore, needle: string): Promise<string[]> {
  const bytes = Buffer.from(needle);
  const found: string[] = [];
  for (const name of await tableNames(store)) {
    for (const row of await store.sql.all<Record<string, unknown>>(`SELECT * FROM ${name}`)) {
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

/** Every file of the SQLite database (main file, WAL, shared memory) that holds the bytes. */
function sqliteFilesHolding(file: string, needle: string): string[] {
  const bytes = Buffer.from(needle);
  return [file, `${file}-wal`, `${file}-shm`].filter(
    (f) => fs.existsSync(f) && fs.readFileSync(f).includes(bytes),
  );
}

interface Fixture {
  server: TestServer;
  admin: string;
  workspace: string;
  board: string;
  contributor: string;
}

async function fixture(server: TestServer): Promise<Fixture> {
  const admin = await createAdmin(server.httpUrl, server.app.access.setup.open());
  const workspace = await createWorkspace(server.httpUrl, admin, { name: 'ABS Val d’Arvière' });
  const board = await createBoard(server.httpUrl, admin, workspace, 'Regroupement');
  const { cookie: contributor } = await addMember(server.httpUrl, admin, workspace, {
    email: 'agathe@ccas.example.fr',
    displayName: 'Agathe Roux',
    role: 'contributeur',
    instances: ['groupe_enquete'],
  });
  return { server, admin, workspace, board, contributor };
}

/** A contributor's tab writes two verbatims; returns once the server committed them. */
async function writeVerbatims(f: Fixture, verbatims: Record<string, string>) {
  const client = await connectBoard(f.server.collabUrl, f.board, f.contributor);
  const tab = bindTab(client);
  putDefaultDocument(tab.store);
  tab.store.put(
    Object.entries(verbatims).map(([id, verbatim], i) =>
      cardRecord(tab.store, 'observation', id, { x: 300 * i, props: { verbatim } }),
    ),
  );
  await committed(f, (records) =>
    Object.keys(verbatims).every((id) => records[`shape:${id}`] !== undefined),
  );
  return { client, tab };
}

/** Waits until a fresh connection (i.e. the committed document) satisfies `check`. */
async function committed(
  f: Fixture,
  check: (records: Record<string, Record<string, unknown>>) => boolean,
): Promise<void> {
  await waitFor(
    async () => {
      const probe = await connectBoard(f.server.collabUrl, f.board, f.admin);
      try {
        return check(readBoardRecords(probe.doc));
      } finally {
        probe.destroy();
      }
    },
    { what: 'the committed board' },
  );
}

type StoreOpener = () => Promise<{ store: DocStore; file?: string; cleanup(): Promise<void> }>;

interface StoreServer {
  f: Fixture;
  store: DocStore;
  file?: string;
  clients: BoardClient[];
}

/** Within a describe block: a server with its fixture on a store `open` gives, closed after. */
function serverOnStore(open: StoreOpener): StoreServer {
  const ctx = { clients: [] } as unknown as StoreServer;
  let cleanup: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const opened = await open();
    ctx.store = opened.store;
    ctx.file = opened.file;
    cleanup = opened.cleanup;
    ctx.f = await fixture(await startServer({ store: opened.store }));
  });

  afterAll(async () => {
    for (const client of ctx.clients) client.destroy();
    await ctx.f?.server.close();
    await cleanup();
  });

  return ctx;
}

function purgeSuite(name: string, open: StoreOpener) {
  describe(`purge history (${name})`, () => {
    const ctx = serverOnStore(open);

    it('leaves a deleted verbatim nowhere in the store, and keeps the rest of the board', async () => {
      const { f, store, file, clients } = ctx;
      const canary = `Canari RGPD ${name} : Mme Lucienne Verdier, 12 rue des Forges, Rochebrune`;
      const kept = 'Le car de 7 h passe trop tôt pour les collégiens.';
      const { client, tab } = await writeVerbatims(f, { canary, kept });
      clients.push(client);
      tab.store.remove(['shape:canary' as never]);
      await committed(f, (records) => records['shape:canary'] === undefined);

      // Deleted, yet still in the update log: this is what a purge is for.
      expect(await storeHolds(store, canary)).toContain('doc_updates');
      if (file) expect(sqliteFilesHolding(file, canary)).not.toEqual([]);

      // A named version freezes the text: it is listed before the purge and survives it.
      const versions = new DocumentVersions(store.sql);
      const version = await versions.create({
        docId: f.board,
        name: 'Version de travail du 17/09/2026',
        author: { id: 'u', name: 'Agathe Roux' },
        state: encoder.encode(canary),
      });
      const preview = await call<{ versions: { id: string; name: string }[] }>(
        f.server.httpUrl,
        'GET',
        `/api/documents/${f.board}/purge-history`,
        { cookie: f.admin },
      );
      expect(preview.status).toBe(200);
      expect(preview.body.versions.map((v) => v.name)).toEqual([
        'Version de travail du 17/09/2026',
      ]);

      // A contributor may not purge; the administrator deletes the version, then purges.
      const refused = await call(
        f.server.httpUrl,
        'POST',
        `/api/documents/${f.board}/purge-history`,
        {
          cookie: f.contributor,
        },
      );
      expect(refused.status).toBe(403);
      const deleted = await call(
        f.server.httpUrl,
        'DELETE',
        `/api/documents/${f.board}/versions/${version.id}`,
        { cookie: f.admin },
      );
      expect(deleted.status).toBe(204);
      const purged = await call<{ versionsKept: number }>(
        f.server.httpUrl,
        'POST',
        `/api/documents/${f.board}/purge-history`,
        { cookie: f.admin },
      );
      expect(purged.status).toBe(200);
      expect(purged.body.versionsKept).toBe(0);

      expect(await storeHolds(store, canary)).toEqual([]);
      if (file) expect(sqliteFilesHolding(file, canary)).toEqual([]);
      // The board itself is intact, for whoever opens it now and for the tab still open.
      await committed(
        f,
        (records) =>
          (records['shape:kept']?.props as { verbatim?: string } | undefined)?.verbatim === kept,
      );
      expect(tab.store.get('shape:kept' as never)).toBeDefined();
      const audit = await call<{ entries: { action: string }[] }>(
        f.server.httpUrl,
        'GET',
        `/api/workspaces/${f.workspace}/audit`,
        { cookie: f.admin },
      );
      expect(audit.body.entries.map((e) => e.action)).toEqual(
        expect.arrayContaining(['document.history-purged', 'document.version-deleted']),
      );
    });
  });
}

/**
 * Both ways the embedded store writes: on the event loop (synchronous=normal, the default) and
 * in a worker thread (full). Either way its checkpoint thread runs beside the purge, with a
 * short interval here so that the two are likely to meet.
 */
const sqliteOpener =
  (synchronous: 'normal' | 'full'): StoreOpener =>
  async () => {
    const dir = tempDir();
    const file = path.join(dir, 'boussole.sqlite');
    const store = new SqliteDocStore({ file, synchronous, checkpointIntervalMs: 5 });
    await store.migrate();
    return {
      store,
      file,
      async cleanup() {
        await store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  };

const postgresOpener: StoreOpener = async () => {
  const schema = uniqueSchema('rgpd');
  const store = new PostgresDocStore({ url: TEST_DATABASE_URL, schema });
  await store.migrate();
  return {
    store,
    async cleanup() {
      await store.close();
      await dropSchema(schema);
    },
  };
};

const pgReady = await postgresAvailable();
const stores: [string, StoreOpener][] = [
  ['SQLite, synchronous=normal', sqliteOpener('normal')],
  ['SQLite, synchronous=full', sqliteOpener('full')],
  ...(pgReady ? [['PostgreSQL', postgresOpener] as [string, StoreOpener]] : []),
];
for (const [name, open] of stores) purgeSuite(name, open);

/** The files PostgreSQL keeps these tables' rows in: VACUUM FULL gives each a new one. */
async function relationFiles(store: DocStore, tables: string[]): Promise<string[]> {
  const files = [];
  for (const table of tables) {
    const rows = await store.sql.all<{ file: string }>(
      'SELECT pg_relation_filenode(to_regclass(?))::text AS file',
      [table],
    );
    files.push(rows[0]?.file ?? '');
  }
  return files;
}

function erasureSuite(name: string, open: StoreOpener) {
  describe(`workspace erasure (${name})`, () => {
    const ctx = serverOnStore(open);

    it('leaves no byte of the workspace in the database files', async () => {
      const { f, store, file, clients } = ctx;
      // A verbatim on a board, a commune's name and an invited inhabitant's name: content of the
      // update log and of relational rows alike.
      const verbatim = `Canari effacement ${name} : M. Octave Lambrun, 3 impasse du Moulin`;
      const commune = 'Canari-sur-Effacement';
      const guestName = 'Canari Habitante Effacée';
      const canaries = [verbatim, commune, guestName];
      const patched = await call(f.server.httpUrl, 'PATCH', `/api/workspaces/${f.workspace}`, {
        cookie: f.admin,
        body: { ...sampleWorkspace, communes: [{ inseeCode: '99042', name: commune }] },
      });
      expect(patched.status).toBe(204);
      const link = await createLink(f.server.httpUrl, f.admin, f.workspace);
      const guest = await call(f.server.httpUrl, 'POST', '/api/links/redeem', {
        body: { token: link.token, displayName: guestName },
      });
      expect(guest.status).toBe(201);
      clients.push((await writeVerbatims(f, { canary: verbatim })).client);
      for (const canary of canaries) {
        expect((await storeHolds(store, canary)).length, canary).toBeGreaterThan(0);
        if (file) expect(sqliteFilesHolding(file, canary), canary).not.toEqual([]);
      }
      const tables = ['doc_updates', 'workspace_communes', 'guests', 'audit_log'];
      const filesBefore = store.kind === 'postgres' ? await relationFiles(store, tables) : [];

      const erased = await call(f.server.httpUrl, 'DELETE', `/api/workspaces/${f.workspace}`, {
        cookie: f.admin,
      });
      expect(erased.status).toBe(204);

      for (const canary of canaries) {
        expect(await storeHolds(store, canary), canary).toEqual([]);
        if (file) expect(sqliteFilesHolding(file, canary), canary).toEqual([]);
      }
      if (store.kind === 'postgres') {
        // Rewritten from live rows: the dead tuples that held the canaries are not in them.
        const filesAfter = await relationFiles(store, tables);
        filesAfter.forEach((after, i) => expect(after, tables[i]).not.toBe(filesBefore[i]));
      }
      // The instance still works, and knows an erasure happened, not what was erased.
      const rows = await store.sql.all<{ details: string }>(
        "SELECT details FROM audit_log WHERE action = 'workspace.erased'",
      );
      expect(rows.map((r) => JSON.parse(r.details) as unknown)).toEqual([{ documents: 1 }]);
      expect(
        (await call(f.server.httpUrl, 'GET', '/api/workspaces', { cookie: f.admin })).status,
      ).toBe(200);
    });
  });
}

for (const [name, open] of stores) erasureSuite(name, open);

describe('workspace export (RGPD)', () => {
  let server: TestServer;
  let f: Fixture;
  const clients: BoardClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    f = await fixture(server);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.close();
  });

  const download = (cookie?: string) =>
    fetch(`${server.httpUrl}/api/workspaces/${f.workspace}/export`, {
      headers: cookie ? { cookie } : {},
    });

  it('gives an administrator one archive of everything kept about the workspace', async () => {
    const verbatim = 'On se sent seuls depuis que la mairie annexe a fermé — Mme R., 81 ans';
    clients.push((await writeVerbatims(f, { v1: verbatim })).client);
    const link = await createLink(server.httpUrl, f.admin, f.workspace, {
      instance: 'collectif_projet',
    });
    const guest = await call(server.httpUrl, 'POST', '/api/links/redeem', {
      body: { token: link.token, displayName: 'Habitante de Rochebrune' },
    });
    expect(guest.status).toBe(201);

    const response = await download(f.admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.zip"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The link's secret is never part of an export.
    expect(Buffer.from(bytes).includes(Buffer.from(link.token))).toBe(false);
    const files = unzipSync(bytes);
    const read = (name: string) => {
      const file = files[name];
      if (!file)
        throw new Error(`${name} missing from the archive: ${Object.keys(files).join(', ')}`);
      return JSON.parse(strFromU8(file)) as Record<string, unknown>;
    };
    expect(strFromU8(files['LISEZMOI.txt'] ?? new Uint8Array())).toMatch(/données personnelles/);
    expect(read('workspace.json')).toMatchObject({ workspace: { name: 'ABS Val d’Arvière' } });
    const members = JSON.stringify(read('members.json'));
    expect(members).toContain('agathe@ccas.example.fr');
    expect(members).toContain('Habitante de Rochebrune');
    expect(JSON.stringify(read('invitation-links.json'))).toContain(link.id);
    const actions = (read('audit-log.json').entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['workspace.created', 'member.added', 'link.created']),
    );

    const document = read(`documents/${f.board}/document.json`) as {
      kind: string;
      title: string;
      content: { records: Record<string, { props?: { verbatim?: string } }> };
    };
    expect(document).toMatchObject({ kind: 'board', title: 'Regroupement' });
    expect(document.content.records['shape:v1']?.props?.verbatim).toBe(verbatim);
    // The Yjs state loads anywhere and holds the same card.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, files[`documents/${f.board}/state.yjs`] ?? new Uint8Array());
    expect((readBoardRecords(doc)['shape:v1']?.props as { verbatim?: string }).verbatim).toBe(
      verbatim,
    );

    const audit = await call<{ entries: { action: string }[] }>(
      server.httpUrl,
      'GET',
      `/api/workspaces/${f.workspace}/audit`,
      { cookie: f.admin },
    );
    expect(audit.body.entries[0]?.action).toBe('workspace.exported');
  });

  it('refuses the archive to anyone but an administrator', async () => {
    expect((await download()).status).toBe(401);
    expect((await download(f.contributor)).status).toBe(403);
  });
});
