import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDocStore, type DocStore } from '@boussole/server';
import {
  adminCredentials,
  addMember,
  call,
  createAdmin,
  createBoard,
  createLink,
  createWorkspace,
  redeemLink,
  sampleWorkspace,
  signIn,
} from '../helpers/accounts.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { tableNames } from '../helpers/storeTables.js';
import {
  TEST_DATABASE_URL,
  dropSchema,
  postgresAvailable,
  uniqueSchema,
} from '../helpers/services.js';

/** Every table migration 3 created, and the documents table it extended. */
const workspaceTables = [
  'workspaces',
  'workspace_communes',
  'memberships',
  'instance_members',
  'invitation_links',
  'guests',
  'audit_log',
  'documents',
];

/** Every row of every table of the store, as one text to search for an id. */
async function everyRow(store: DocStore): Promise<string> {
  const tables = await tableNames(store);
  expect(tables).toEqual(expect.arrayContaining(workspaceTables));
  const dumps = [];
  for (const name of tables) {
    dumps.push(JSON.stringify(await store.sql.all(`SELECT * FROM ${name}`)));
  }
  return dumps.join('\n');
}

function suite(
  name: string,
  openStore: () => Promise<{ store?: DocStore; cleanup(): Promise<void> }>,
) {
  describe(`accounts, workspaces and links (${name})`, () => {
    let server: TestServer;
    let cleanup: () => Promise<void> = async () => {};
    let admin = '';
    let url = '';
    // Link expiry reads this clock: the expiry test moves it forward instead of waiting.
    let skewMs = 0;
    const clock = () => Date.now() + skewMs;

    beforeAll(async () => {
      const opened = await openStore();
      cleanup = opened.cleanup;
      server = await startServer({ ...(opened.store ? { store: opened.store } : {}), clock });
      url = server.httpUrl;
      const setupToken = server.app.access.setup.open();
      expect((await call(url, 'GET', '/api/setup')).body).toEqual({ needed: true });
      admin = await createAdmin(url, setupToken);
    });

    afterAll(async () => {
      await server?.close();
      await cleanup();
    });

    it('creates the first administrator once, with the setup token only', async () => {
      expect((await call(url, 'GET', '/api/setup')).body).toEqual({ needed: false });
      const again = await call(url, 'POST', '/api/setup', {
        body: {
          token: 'anything',
          email: 'x@y.fr',
          displayName: 'X',
          password: 'a long password!',
        },
      });
      expect(again.status).toBe(403);
      const me = await call<{ principal: { kind: string; isAdmin: boolean } }>(
        url,
        'GET',
        '/api/auth/me',
        {
          cookie: admin,
        },
      );
      expect(me.body.principal).toMatchObject({
        kind: 'user',
        isAdmin: true,
        email: adminCredentials.email,
      });
    });

    it('signs in and out; a wrong password or a closed session opens nothing', async () => {
      const wrong = await call(url, 'POST', '/api/auth/login', {
        body: { email: adminCredentials.email, password: 'not the password' },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ error: 'bad-credentials' });
      const cookie = await signIn(
        url,
        adminCredentials.email.toUpperCase(),
        adminCredentials.password,
      );
      expect((await call(url, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
      expect((await call(url, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
      expect((await call(url, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
      expect((await call(url, 'GET', '/api/auth/me')).status).toBe(401);
    });

    it('describes a workspace with its communes, members and boards', async () => {
      const id = await createWorkspace(url, admin);
      await addMember(url, admin, id, {
        email: 'redaction@ccas.example.fr',
        displayName: 'Rédactrice',
        role: 'contributeur',
        instances: ['comite_redaction'],
      });
      const board = await createBoard(url, admin, id, 'Regroupement');
      const detail = await call<Record<string, unknown>>(url, 'GET', `/api/workspaces/${id}`, {
        cookie: admin,
      });
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        name: sampleWorkspace.name,
        kind: 'intercommunale',
        communes: expect.arrayContaining([{ inseeCode: '99006', name: 'Rochebrune' }]),
        boards: [expect.objectContaining({ id: board, title: 'Regroupement' })],
        role: 'administrateur',
      });
      expect(detail.body.members).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            email: 'redaction@ccas.example.fr',
            role: 'contributeur',
            instances: ['comite_redaction'],
          }),
        ]),
      );
      expect(detail.body.report).toBeNull();
    });

    it('lists each instance with its members, staff and invited guests alike', async () => {
      const id = await createWorkspace(url, admin, { name: 'ABS instances' });
      const writer = await addMember(url, admin, id, {
        email: 'redactrice@ccas.example.fr',
        displayName: 'Rédactrice',
        role: 'contributeur',
        instances: ['comite_redaction', 'comite_relecture'],
      });
      const link = await createLink(url, admin, id, {
        role: 'relecteur',
        instance: 'comite_relecture',
      });
      const guest = await call<{ id: string }>(url, 'POST', '/api/links/redeem', {
        body: { token: link.token, displayName: 'Habitant relecteur' },
      });
      const roster = async () =>
        (
          await call<{ roster: { instance: string; members: { id: string }[] }[] }>(
            url,
            'GET',
            `/api/workspaces/${id}`,
            { cookie: admin },
          )
        ).body.roster;
      const members = (instance: string, list: Awaited<ReturnType<typeof roster>>) =>
        list.find((r) => r.instance === instance)?.members.map((m) => m.id);
      const before = await roster();
      expect(before.map((r) => r.instance)).toEqual([
        'comite_pilotage',
        'collectif_projet',
        'groupe_enquete',
        'comite_redaction',
        'comite_relecture',
      ]);
      expect(members('comite_redaction', before)).toEqual([writer.userId]);
      expect(new Set(members('comite_relecture', before))).toEqual(
        new Set([writer.userId, guest.body.id]),
      );
      // Moved out of the comité de relecture; the guest's link revoked: both leave it.
      await call(url, 'PATCH', `/api/workspaces/${id}/members/${writer.userId}`, {
        cookie: admin,
        body: { role: 'contributeur', instances: ['comite_redaction'] },
      });
      await call(url, 'DELETE', `/api/workspaces/${id}/links/${link.id}`, { cookie: admin });
      const after = await roster();
      expect(members('comite_relecture', after)).toEqual([]);
      expect(members('comite_redaction', after)).toEqual([writer.userId]);
    });

    it('keeps each workspace to its members, and each role to what it may do', async () => {
      const a = await createWorkspace(url, admin, { name: 'ABS A' });
      const b = await createWorkspace(url, admin, { name: 'ABS B' });
      const boardB = await createBoard(url, admin, b);
      const reader = await addMember(url, admin, a, {
        email: 'lecteur@a.fr',
        displayName: 'Lecteur A',
        role: 'lecteur',
      });
      // A member of A learns nothing of B, its boards or its members.
      expect(
        (await call(url, 'GET', `/api/workspaces/${b}`, { cookie: reader.cookie })).status,
      ).toBe(404);
      expect(
        (await call(url, 'GET', `/api/boards/${boardB}`, { cookie: reader.cookie })).status,
      ).toBe(403);
      expect(
        (await call(url, 'GET', `/api/workspaces/${b}/boards`, { cookie: reader.cookie })).status,
      ).toBe(404);
      // A reader may look but not create boards, members or links.
      expect(
        (await call(url, 'GET', `/api/workspaces/${a}`, { cookie: reader.cookie })).status,
      ).toBe(200);
      const refused = [
        await call(url, 'POST', `/api/workspaces/${a}/boards`, {
          cookie: reader.cookie,
          body: { title: 'x' },
        }),
        await call(url, 'POST', `/api/workspaces/${a}/links`, {
          cookie: reader.cookie,
          body: {
            role: 'lecteur',
            expiresAt: new Date(Date.now() + 1e6).toISOString(),
            maxUses: 1,
          },
        }),
        await call(url, 'GET', `/api/workspaces/${a}/audit`, { cookie: reader.cookie }),
      ];
      expect(refused.map((r) => r.status)).toEqual([403, 403, 403]);
      // The reader's rights on a board of A say read-only.
      const boardA = await createBoard(url, admin, a);
      const seen = await call<{ access: unknown }>(url, 'GET', `/api/boards/${boardA}`, {
        cookie: reader.cookie,
      });
      expect(seen.body.access).toEqual({
        role: 'lecteur',
        canWrite: false,
        identity: { id: reader.userId, name: 'Lecteur A' },
      });
    });

    it('admits guests through a link until it expires, is used up or is revoked', async () => {
      const ws = await createWorkspace(url, admin, { name: 'ABS liens' });
      const other = await createWorkspace(url, admin, { name: 'ABS autre' });
      const board = await createBoard(url, admin, ws);
      const otherBoard = await createBoard(url, admin, other);
      const link = await createLink(url, admin, ws, {
        role: 'relecteur',
        instance: 'comite_relecture',
        maxUses: 2,
      });
      expect(link.url).toMatch(/\/invitation#/);
      const guest = await redeemLink(url, link.token, 'Habitante');
      const access = await call<{ access: unknown }>(url, 'GET', `/api/boards/${board}`, {
        cookie: guest,
      });
      expect(access.body.access).toMatchObject({
        role: 'relecteur',
        canWrite: false,
        identity: { name: 'Habitante' },
      });
      // A guest of one workspace opens nothing in another.
      expect((await call(url, 'GET', `/api/boards/${otherBoard}`, { cookie: guest })).status).toBe(
        403,
      );
      await redeemLink(url, link.token, 'Second');
      const usedUp = await call(url, 'POST', '/api/links/redeem', {
        body: { token: link.token, displayName: 'Third' },
      });
      expect(usedUp.status).toBe(410);
      expect(usedUp.body).toMatchObject({ error: 'link-used-up' });

      const expiring = await createLink(url, admin, ws, {
        expiresAt: new Date(clock() + 1500).toISOString(),
      });
      const early = await redeemLink(url, expiring.token, 'Tôt');
      skewMs += 1600;
      expect(
        (
          await call(url, 'POST', '/api/links/redeem', {
            body: { token: expiring.token, displayName: 'Tard' },
          })
        ).status,
      ).toBe(410);
      expect((await call(url, 'GET', `/api/boards/${board}`, { cookie: early })).status).toBe(401);

      const revoked = await call(url, 'DELETE', `/api/workspaces/${ws}/links/${link.id}`, {
        cookie: admin,
      });
      expect(revoked.status).toBe(204);
      expect((await call(url, 'GET', `/api/boards/${board}`, { cookie: guest })).status).toBe(401);
      expect(
        (
          await call(url, 'POST', '/api/links/redeem', {
            body: { token: link.token, displayName: 'X' },
          })
        ).body,
      ).toMatchObject({ error: 'link-revoked' });
      // Guests are never made administrators by a link.
      const adminLink = await call(url, 'POST', `/api/workspaces/${ws}/links`, {
        cookie: admin,
        body: {
          role: 'administrateur',
          expiresAt: new Date(Date.now() + 1e6).toISOString(),
          maxUses: 1,
        },
      });
      expect(adminLink.status).toBe(400);
    });

    it('writes membership, role and link changes to the audit log', async () => {
      const ws = await createWorkspace(url, admin, { name: 'ABS audit' });
      const member = await addMember(url, admin, ws, {
        email: 'audit@x.fr',
        displayName: 'Audité',
        role: 'lecteur',
      });
      await call(url, 'PATCH', `/api/workspaces/${ws}/members/${member.userId}`, {
        cookie: admin,
        body: { role: 'contributeur', instances: ['collectif_projet'] },
      });
      const link = await createLink(url, admin, ws);
      await call(url, 'DELETE', `/api/workspaces/${ws}/links/${link.id}`, { cookie: admin });
      await call(url, 'DELETE', `/api/workspaces/${ws}/members/${member.userId}`, {
        cookie: admin,
      });
      const audit = await call<{ entries: { action: string; actorName: string }[] }>(
        url,
        'GET',
        `/api/workspaces/${ws}/audit`,
        { cookie: admin },
      );
      expect(audit.body.entries.map((e) => e.action).reverse()).toEqual([
        'workspace.created',
        'member.added',
        'member.changed',
        'link.created',
        'link.revoked',
        'member.removed',
      ]);
      expect(new Set(audit.body.entries.map((e) => e.actorName))).toEqual(
        new Set([adminCredentials.displayName]),
      );
      expect(JSON.stringify(audit.body)).not.toContain(link.token);
    });

    it('never leaves a workspace without an administrator', async () => {
      const ws = await createWorkspace(url, admin, { name: 'ABS seul admin' });
      const me = await call<{ principal: { id: string } }>(url, 'GET', '/api/auth/me', {
        cookie: admin,
      });
      const demote = await call(
        url,
        'PATCH',
        `/api/workspaces/${ws}/members/${me.body.principal.id}`,
        {
          cookie: admin,
          body: { role: 'lecteur', instances: [] },
        },
      );
      expect(demote.status).toBe(409);
    });

    it('lets no workspace administrator demote or remove the instance administrator', async () => {
      const ws = await createWorkspace(url, admin, { name: 'ABS deux administrateurs' });
      const me = await call<{ principal: { id: string } }>(url, 'GET', '/api/auth/me', {
        cookie: admin,
      });
      const instanceAdmin = me.body.principal.id;
      const local = await addMember(url, admin, ws, {
        email: 'admin-local@ccas.example.fr',
        displayName: 'Administratrice locale',
        role: 'administrateur',
      });
      const demote = await call(url, 'PATCH', `/api/workspaces/${ws}/members/${instanceAdmin}`, {
        cookie: local.cookie,
        body: { role: 'lecteur', instances: [] },
      });
      expect(demote.status).toBe(403);
      expect(demote.body).toMatchObject({
        error: 'instance-administrator',
        message: expect.stringMatching(/administrateur de l’instance/),
      });
      const remove = await call(url, 'DELETE', `/api/workspaces/${ws}/members/${instanceAdmin}`, {
        cookie: local.cookie,
      });
      expect(remove.status).toBe(403);
      const detail = await call<{ role: string; members: { userId: string; role: string }[] }>(
        url,
        'GET',
        `/api/workspaces/${ws}`,
        { cookie: admin },
      );
      expect(detail.body.members.find((m) => m.userId === instanceAdmin)?.role).toBe(
        'administrateur',
      );
      // The local administrator still manages everyone else.
      const colleague = await addMember(url, local.cookie, ws, {
        email: 'collegue@ccas.example.fr',
        displayName: 'Collègue',
        role: 'contributeur',
      });
      expect(
        (
          await call(url, 'PATCH', `/api/workspaces/${ws}/members/${colleague.userId}`, {
            cookie: local.cookie,
            body: { role: 'lecteur', instances: [] },
          })
        ).status,
      ).toBe(204);
      // Whatever a membership says, the instance administrator administers the workspace: even
      // demoted there by themselves, they keep its settings, members and audit log.
      expect(
        (
          await call(url, 'PATCH', `/api/workspaces/${ws}/members/${instanceAdmin}`, {
            cookie: admin,
            body: { role: 'lecteur', instances: [] },
          })
        ).status,
      ).toBe(204);
      const after = await call<{ role: string }>(url, 'GET', `/api/workspaces/${ws}`, {
        cookie: admin,
      });
      expect(after.body.role).toBe('administrateur');
      expect(
        (await call(url, 'GET', `/api/workspaces/${ws}/audit`, { cookie: admin })).status,
      ).toBe(200);
    });

    it('lets only accounts an instance administrator chose create workspaces', async () => {
      const ws = await createWorkspace(url, admin, { name: 'ABS droits d’instance' });
      const staff = await addMember(url, admin, ws, {
        email: 'contributrice@ccas.example.fr',
        displayName: 'Contributrice',
        role: 'administrateur',
      });
      const me = async (cookie: string) =>
        (
          await call<{ principal: { canCreateWorkspaces: boolean } }>(url, 'GET', '/api/auth/me', {
            cookie,
          })
        ).body.principal.canCreateWorkspaces;
      const create = (cookie: string) =>
        call(url, 'POST', '/api/workspaces', { cookie, body: sampleWorkspace });
      // Administering one workspace is not the right to open others.
      expect(await me(staff.cookie)).toBe(false);
      const refused = await create(staff.cookie);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        error: 'workspace-creation-refused',
        message: expect.stringMatching(/administrateur de l’instance/),
      });
      // Only an instance administrator lists accounts and grants the right.
      expect((await call(url, 'GET', '/api/users', { cookie: staff.cookie })).status).toBe(403);
      const selfGrant = await call(url, 'PUT', `/api/users/${staff.userId}/workspace-creation`, {
        cookie: staff.cookie,
        body: { allowed: true },
      });
      expect(selfGrant.status).toBe(403);
      const accounts = await call<{
        accounts: { id: string; isAdmin: boolean; canCreateWorkspaces: boolean }[];
      }>(url, 'GET', '/api/users', { cookie: admin });
      expect(accounts.status).toBe(200);
      expect(accounts.body.accounts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ isAdmin: true, canCreateWorkspaces: true }),
          expect.objectContaining({ id: staff.userId, isAdmin: false, canCreateWorkspaces: false }),
        ]),
      );
      const grant = (allowed: boolean) =>
        call(url, 'PUT', `/api/users/${staff.userId}/workspace-creation`, {
          cookie: admin,
          body: { allowed },
        });
      expect((await grant(true)).status).toBe(204);
      expect(await me(staff.cookie)).toBe(true);
      expect((await create(staff.cookie)).status).toBe(201);
      expect((await grant(false)).status).toBe(204);
      expect((await create(staff.cookie)).status).toBe(403);
      expect(
        (
          await call(url, 'PUT', '/api/users/user_nobody/workspace-creation', {
            cookie: admin,
            body: { allowed: true },
          })
        ).status,
      ).toBe(404);
      // The instance's audit says who granted and withdrew it to whom, and nothing else.
      const entries = await server.store.sql.all<{ action: string; details: string }>(
        "SELECT action, details FROM audit_log WHERE workspace_id IS NULL AND action LIKE 'instance.workspace-creation-%' ORDER BY at, id",
      );
      expect(entries.map((e) => [e.action, JSON.parse(e.details) as unknown])).toEqual([
        ['instance.workspace-creation-granted', { userId: staff.userId }],
        ['instance.workspace-creation-revoked', { userId: staff.userId }],
      ]);
    });

    it('erases a workspace leaving no row of it in any table, nor any stored update', async () => {
      const ws = await createWorkspace(url, admin, { name: 'ABS à effacer' });
      const board = await createBoard(url, admin, ws);
      const member = await addMember(url, admin, ws, {
        email: 'efface@x.fr',
        displayName: 'Effacée',
        role: 'contributeur',
        instances: ['groupe_enquete'],
      });
      const link = await createLink(url, admin, ws, { instance: 'groupe_enquete' });
      const guest = await call<{ id: string }>(url, 'POST', '/api/links/redeem', {
        body: { token: link.token, displayName: 'Invité effacé' },
      });
      await server.store.append(board, [new Uint8Array([0, 0])]);
      expect((await server.store.load(board)).updates.length).toBe(1);
      // Every id the workspace gave out, each found somewhere before the erasure.
      const ids = { workspace: ws, board, link: link.id, guest: guest.body.id };
      const before = await everyRow(server.store);
      for (const [what, id] of Object.entries(ids)) expect(before, what).toContain(id);

      expect((await call(url, 'DELETE', `/api/workspaces/${ws}`, { cookie: admin })).status).toBe(
        204,
      );
      for (const table of workspaceTables) {
        const column = table === 'workspaces' ? 'id' : 'workspace_id';
        const rows = await server.store.sql.all(`SELECT * FROM ${table} WHERE ${column} = ?`, [ws]);
        expect(rows, table).toEqual([]);
      }
      const after = await everyRow(server.store);
      for (const [what, id] of Object.entries(ids)) expect(after, what).not.toContain(id);
      expect((await server.store.load(board)).updates).toEqual([]);
      expect((await call(url, 'GET', `/api/workspaces/${ws}`, { cookie: admin })).status).toBe(404);
      // The member's staff account stays (it may belong to other workspaces), without access.
      expect(
        (await call(url, 'GET', '/api/auth/me', { cookie: member.cookie })).body,
      ).toMatchObject({ memberships: [] });
    });

    it('refuses state-changing requests without the CSRF header or from another origin', async () => {
      const noHeader = await call(url, 'POST', '/api/workspaces', {
        cookie: admin,
        body: sampleWorkspace,
        csrf: false,
      });
      expect(noHeader.status).toBe(403);
      expect(noHeader.body).toMatchObject({ error: 'csrf' });
      const foreign = await call(url, 'POST', '/api/workspaces', {
        cookie: admin,
        body: sampleWorkspace,
        origin: 'https://evil.example',
      });
      expect(foreign.status).toBe(403);
      const sameOrigin = await call(url, 'POST', '/api/workspaces', {
        cookie: admin,
        body: sampleWorkspace,
        origin: url,
      });
      expect(sameOrigin.status).toBe(201);
    });
  });
}

suite('SQLite', async () => ({ cleanup: async () => {} }));

// Absent PostgreSQL skips loudly here, and fails the run when CI is set.
if (await postgresAvailable()) {
  suite('PostgreSQL', async () => {
    const schema = uniqueSchema('access');
    const store = new PostgresDocStore({ url: TEST_DATABASE_URL, schema, poolSize: 4 });
    await store.migrate();
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });
}
