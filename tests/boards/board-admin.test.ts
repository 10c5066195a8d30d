import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardOverview, BoardOverviewList } from '@boussole/shared';
import { PostgresDocStore, SqliteDocStore, type DocStore } from '@boussole/server';
import { putDefaultDocument } from '../../client/testing/boardPeers.js';
import { cardRecord } from '../../client/testing/cardRecords.js';
import {
  addMember,
  call,
  createAdmin,
  createLink,
  createWorkspace,
  redeemLink,
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
 * Issue #14, the workspace page as the ABS's home: each board's step, card counts, last change
 * and who is there now; rename, change of step and archiving by facilitators; deletion by
 * administrators only, which leaves none of the board's content in the database files.
 */

type StoreOpener = () => Promise<{ store: DocStore; file?: string; cleanup(): Promise<void> }>;

const sqliteOpener: StoreOpener = async () => {
  const dir = tempDir('boussole-board-admin-');
  const file = path.join(dir, 'boussole.sqlite');
  const store = new SqliteDocStore({ file, synchronous: 'normal' });
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
  const schema = uniqueSchema('board_admin');
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

/** Does any row of any table hold these bytes (text or binary column)? */
async function tablesHolding(store: DocStore, needle: string): Promise<string[]> {
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

function sqliteFilesHolding(file: string, needle: string): string[] {
  const bytes = Buffer.from(needle);
  return [file, `${file}-wal`, `${file}-shm`].filter(
    (f) => fs.existsSync(f) && fs.readFileSync(f).includes(bytes),
  );
}

interface Fixture {
  server: TestServer;
  store: DocStore;
  file?: string;
  admin: string;
  animator: string;
  contributor: string;
  /** An administrator of another workspace: a stranger to this one. */
  stranger: string;
  workspace: string;
  clients: BoardClient[];
}

function boardAdminSuite(name: string, open: StoreOpener) {
  describe(`board administration (${name})`, () => {
    const f = { clients: [] } as unknown as Fixture;
    let cleanup: () => Promise<void> = async () => {};

    beforeAll(async () => {
      const opened = await open();
      cleanup = opened.cleanup;
      f.store = opened.store;
      f.file = opened.file;
      f.server = await startServer({ store: opened.store });
      const url = f.server.httpUrl;
      f.admin = await createAdmin(url, f.server.app.access.setup.open());
      f.workspace = await createWorkspace(url, f.admin, { name: 'ABS Val d’Arvière' });
      f.animator = (
        await addMember(url, f.admin, f.workspace, {
          email: 'bruno@ccas.example.fr',
          displayName: 'Bruno Animateur',
          role: 'animateur',
        })
      ).cookie;
      f.contributor = (
        await addMember(url, f.admin, f.workspace, {
          email: 'agathe@ccas.example.fr',
          displayName: 'Agathe Roux',
          role: 'contributeur',
        })
      ).cookie;
      const other = await createWorkspace(url, f.admin, { name: 'ABS voisine' });
      f.stranger = (
        await addMember(url, f.admin, other, {
          email: 'denis@ccas.example.fr',
          displayName: 'Denis Voisin',
          role: 'administrateur',
        })
      ).cookie;
    });

    afterAll(async () => {
      for (const client of f.clients) client.destroy();
      await f.server?.close();
      await cleanup();
    });

    async function newBoard(title: string, template: string): Promise<string> {
      const answer = await call<{ id: string }>(
        f.server.httpUrl,
        'POST',
        `/api/workspaces/${f.workspace}/boards`,
        { cookie: f.animator, body: { title, template } },
      );
      expect(answer.status).toBe(201);
      return answer.body.id;
    }

    async function overview(cookie = f.contributor): Promise<BoardOverview[]> {
      const answer = await call<BoardOverviewList>(
        f.server.httpUrl,
        'GET',
        `/api/workspaces/${f.workspace}/boards/overview`,
        { cookie },
      );
      expect(answer.status).toBe(200);
      return answer.body.boards;
    }

    async function boardIn(id: string, cookie?: string): Promise<BoardOverview | undefined> {
      return (await overview(cookie)).find((b) => b.id === id);
    }

    const patch = (id: string, cookie: string, body: unknown) =>
      call<Record<string, unknown>>(f.server.httpUrl, 'PATCH', `/api/boards/${id}`, {
        cookie,
        body,
      });

    /** A tab of `cookie`'s person that writes these cards; stays connected. */
    async function writeCards(
      board: string,
      cookie: string,
      cards: [kind: string, id: string, verbatim?: string][],
    ) {
      const client = await connectBoard(f.server.collabUrl, board, cookie);
      f.clients.push(client);
      const tab = bindTab(client);
      putDefaultDocument(tab.store);
      tab.store.put(
        cards.map(([kind, id, verbatim], i) =>
          kind === 'observation'
            ? cardRecord(tab.store, 'observation', id, {
                x: 300 * i,
                props: { verbatim: verbatim ?? id },
              })
            : cardRecord(tab.store, kind as 'theme', id, { x: 300 * i }),
        ),
      );
      return client;
    }

    it('shows each board under its template’s step, with its cards, last change and who is there', async () => {
      const affinity = await newBoard('Regroupement', 'affinity-map');
      const blank = await newBoard('Brouillon', 'blank');
      const journey = await newBoard('Parcours', 'life-stages-journey');
      const before = await boardIn(affinity);
      expect(before).toMatchObject({
        step: 'analyse',
        archived: false,
        cardCounts: {},
        present: [],
      });
      expect((await boardIn(blank))?.step).toBe('autres');
      expect((await boardIn(journey))?.step).toBe('enquete');

      const client = await writeCards(affinity, f.contributor, [
        ['observation', 'o1'],
        ['observation', 'o2'],
        ['observation', 'o3'],
        ['theme', 't1'],
      ]);
      await waitFor(
        async () => {
          const b = await boardIn(affinity);
          return b?.cardCounts.observation === 3 && b.cardCounts.theme === 1;
        },
        { what: 'the counts of the written cards', timeoutMs: 30_000, intervalMs: 100 },
      );
      const after = await boardIn(affinity);
      expect(after?.present).toEqual(['Agathe Roux']);
      expect(after!.changedAt > before!.changedAt).toBe(true);
      // The other boards hold nothing and nobody.
      expect(await boardIn(blank)).toMatchObject({ cardCounts: {}, present: [] });

      // A guest shows under the name their presence shows; leaving clears both.
      const link = await createLink(f.server.httpUrl, f.admin, f.workspace, { role: 'lecteur' });
      const guest = await redeemLink(f.server.httpUrl, link.token, 'Habitante de Rochebrune');
      const guestClient = await connectBoard(f.server.collabUrl, affinity, guest);
      f.clients.push(guestClient);
      await waitFor(async () => (await boardIn(affinity))?.present.length === 2, {
        what: 'the guest present',
        timeoutMs: 20_000,
        intervalMs: 100,
      });
      expect((await boardIn(affinity))?.present.sort()).toEqual([
        'Agathe Roux',
        'Habitante de Rochebrune',
      ]);
      // The guest may see the workspace, hence its overview.
      expect((await boardIn(affinity, guest))?.cardCounts.observation).toBe(3);
      client.destroy();
      guestClient.destroy();
      await waitFor(async () => (await boardIn(affinity))?.present.length === 0, {
        what: 'nobody left on the board',
        timeoutMs: 20_000,
        intervalMs: 100,
      });
      // Everyone left: the counts stay.
      expect((await boardIn(affinity))?.cardCounts).toEqual({ observation: 3, theme: 1 });
    });

    it('counts people on a board in « sans hiérarchie » mode without naming them', async () => {
      const board = await newBoard('Atelier anonyme', 'affinity-map');
      await f.server.app.sessions.writeSessionValue(board, 'modes', {
        anonymous: true,
        privateWriting: false,
      });
      const client = await connectBoard(f.server.collabUrl, board, f.contributor);
      f.clients.push(client);
      await waitFor(async () => (await boardIn(board))?.present.length === 1, {
        what: 'one person on the anonymous board',
        timeoutMs: 20_000,
        intervalMs: 100,
      });
      expect((await boardIn(board))?.present).toEqual(['Participant·e anonyme']);
      client.destroy();
    });

    it('refuses the overview to strangers and to nobody', async () => {
      const url = `/api/workspaces/${f.workspace}/boards/overview`;
      expect((await call(f.server.httpUrl, 'GET', url)).status).toBe(401);
      expect((await call(f.server.httpUrl, 'GET', url, { cookie: f.stranger })).status).toBe(404);
    });

    it('lets facilitators rename, move and archive a board; refuses others and bad input in French', async () => {
      const board = await newBoard('Hypothèses', 'working-hypotheses');
      expect((await patch(board, f.contributor, { title: 'Autre' })).status).toBe(403);
      expect((await patch(board, f.stranger, { title: 'Autre' })).status).toBe(404);
      expect(
        (await call(f.server.httpUrl, 'PATCH', `/api/boards/${board}`, { body: { title: 'x' } }))
          .status,
      ).toBe(401);

      const bad: [unknown, RegExp][] = [
        [{ title: '   ' }, /titre du tableau ne peut pas être vide/],
        [{ title: 'é'.repeat(201) }, /au plus 200 caractères/],
        [{ step: 'brainstorm' }, /Étape inconnue/],
        [{}, /Indiquez un titre, une étape ou l’archivage/],
        [{ title: 'Ok', owner: 'moi' }, /rien d’autre/],
        [{ archived: 'oui' }, /true ou false/],
      ];
      for (const [body, message] of bad) {
        const answer = await patch(board, f.animator, body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body).toMatchObject({ error: 'invalid-board' });
        expect(String(answer.body.message)).toMatch(message);
      }
      // Nothing changed by any of them.
      expect(await boardIn(board)).toMatchObject({ title: 'Hypothèses', step: 'hypotheses' });

      const renamed = await patch(board, f.animator, {
        title: '  Hypothèses validées  ',
        step: 'analyse',
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ title: 'Hypothèses validées', step: 'analyse' });
      expect(await boardIn(board)).toMatchObject({
        title: 'Hypothèses validées',
        step: 'analyse',
        template: 'working-hypotheses',
        archived: false,
      });
      // The same title on GET /api/boards/:id and in the workspace detail.
      const detail = await call<{ boards: { id: string; title: string }[] }>(
        f.server.httpUrl,
        'GET',
        `/api/workspaces/${f.workspace}`,
        { cookie: f.contributor },
      );
      expect(detail.body.boards.find((b) => b.id === board)?.title).toBe('Hypothèses validées');

      expect((await patch(board, f.contributor, { archived: true })).status).toBe(403);
      expect((await patch(board, f.animator, { archived: true })).status).toBe(200);
      expect((await boardIn(board))?.archived).toBe(true);
      expect((await patch(board, f.admin, { archived: false })).status).toBe(200);
      expect((await boardIn(board))?.archived).toBe(false);
    });

    it('deletes a board for administrators only, leaving none of its content behind', async () => {
      const doomed = await newBoard('Atelier du 12 mars', 'affinity-map');
      const kept = await newBoard('Atelier conservé', 'affinity-map');
      const canary = `Canari suppression ${name} : Mme Lucienne Verdier, 12 rue des Forges`;
      const survivor = `Verbatim conservé ${name}`;
      const doomedClient = await writeCards(doomed, f.contributor, [
        ['observation', 'canary', canary],
      ]);
      await writeCards(kept, f.contributor, [['observation', 'survivor', survivor]]);
      await waitFor(
        async () =>
          (await tablesHolding(f.store, canary)).length > 0 &&
          (await tablesHolding(f.store, survivor)).length > 0,
        { what: 'both verbatims committed', timeoutMs: 30_000, intervalMs: 100 },
      );
      if (f.file) expect(sqliteFilesHolding(f.file, canary)).not.toEqual([]);

      const del = (cookie?: string) =>
        call(f.server.httpUrl, 'DELETE', `/api/boards/${doomed}`, { cookie });
      expect((await del()).status).toBe(401);
      expect((await del(f.contributor)).status).toBe(403);
      expect((await del(f.animator)).status).toBe(403);
      expect((await del(f.stranger)).status).toBe(404);
      expect((await del(f.admin)).status).toBe(204);

      // Its room closed its sockets; it is gone from every list and every table.
      await waitFor(() => doomedClient.provider.wsconnected === false, {
        what: 'the deleted board’s socket closed',
        timeoutMs: 20_000,
      });
      expect((await overview()).map((b) => b.id)).not.toContain(doomed);
      expect(
        (await call(f.server.httpUrl, 'GET', `/api/boards/${doomed}`, { cookie: f.admin })).status,
      ).toBe(404);
      expect((await del(f.admin)).status).toBe(404);
      expect(await tablesHolding(f.store, canary)).toEqual([]);
      if (f.file) expect(sqliteFilesHolding(f.file, canary)).toEqual([]);
      expect(await tablesHolding(f.store, survivor)).toContain('doc_updates');

      // The audit log says a board went, by id and template, not its title.
      const audit = await call<{ entries: { action: string; details: unknown }[] }>(
        f.server.httpUrl,
        'GET',
        `/api/workspaces/${f.workspace}/audit`,
        { cookie: f.admin },
      );
      const entry = audit.body.entries.find((e) => e.action === 'board.deleted');
      expect(entry?.details).toEqual({ documentId: doomed, template: 'affinity-map' });
      expect(JSON.stringify(audit.body)).not.toContain('Atelier du 12 mars');
    });
  });
}

const stores: [string, StoreOpener][] = [
  ['SQLite', sqliteOpener],
  ...((await postgresAvailable()) ? [['PostgreSQL', postgresOpener] as [string, StoreOpener]] : []),
];
for (const [name, open] of stores) boardAdminSuite(name, open);
