import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INFORMATION_NOTICE, MAX_NOTICE_CHARS } from '@boussole/shared';
import type { DocStore } from '@boussole/server';
import {
  addMember,
  call,
  createAdmin,
  createLink,
  createWorkspace,
  redeemLink,
  sampleWorkspace,
} from '../helpers/accounts.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { onEveryStore, type StoreOpener } from '../helpers/storeSuites.js';

/**
 * Issue #15, joining: the invitation page says which ABS, which role, and how contributions and
 * names are used, in a notice each workspace's administrators edit (RGPD). Real server over
 * HTTP, both stores.
 */

const ownNotice =
  'Vos contributions servent au diagnostic du CIAS du Val d’Arvière. Écrivez à dpo@cias.example.fr pour les faire effacer.';

function noticeSuite(name: string, openStore: StoreOpener) {
  describe(`the guests' information notice (${name})`, () => {
    let store: DocStore;
    let drop: () => Promise<void> = async () => {};
    let server: TestServer;
    let url = '';
    let admin = '';
    let workspace = '';
    let contributor = '';

    beforeAll(async () => {
      ({ store, drop } = await openStore());
      await store.migrate();
      server = await startServer({ store });
      url = server.httpUrl;
      admin = await createAdmin(url, server.app.access.setup.open());
      workspace = await createWorkspace(url, admin);
      ({ cookie: contributor } = await addMember(url, admin, workspace, {
        email: 'nadia@ccas.example.fr',
        displayName: 'Nadia',
        role: 'contributeur',
      }));
    });

    afterAll(async () => {
      await server?.close();
      await store?.close();
      await drop();
    });

    it('shows a guest the ABS, the role and the default notice before they join, using nothing', async () => {
      const link = await createLink(url, admin, workspace, { role: 'contributeur', maxUses: 1 });
      const preview = await call<Record<string, unknown>>(url, 'POST', '/api/links/preview', {
        body: { token: link.token },
      });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        workspace: {
          name: sampleWorkspace.name,
          communes: ['Rochebrune', 'Saint-Aubin-sur-Arvière'],
        },
        role: 'contributeur',
        instance: null,
        notice: DEFAULT_INFORMATION_NOTICE,
      });
      expect(String(preview.body.suggestedName).length).toBeGreaterThan(2);
      // Reading the page is no use of a one-use link: it still admits its guest.
      await redeemLink(url, link.token, 'Camille');
    });

    it('lets administrators edit it, members read it, and guests see the edited text', async () => {
      const before = await call(url, 'GET', `/api/workspaces/${workspace}/notice`, {
        cookie: contributor,
      });
      expect(before.body).toEqual({
        text: DEFAULT_INFORMATION_NOTICE,
        custom: false,
        updatedAt: null,
      });

      const refused = await call(url, 'PUT', `/api/workspaces/${workspace}/notice`, {
        cookie: contributor,
        body: { text: 'Rien n’est conservé.' },
      });
      expect(refused.status).toBe(403);

      const saved = await call(url, 'PUT', `/api/workspaces/${workspace}/notice`, {
        cookie: admin,
        body: { text: `  ${ownNotice}\n` },
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ text: ownNotice, custom: true });

      const read = await call(url, 'GET', `/api/workspaces/${workspace}/notice`, {
        cookie: contributor,
      });
      expect(read.body).toMatchObject({ text: ownNotice, custom: true });

      const link = await createLink(url, admin, workspace, { role: 'lecteur' });
      const preview = await call(url, 'POST', '/api/links/preview', {
        body: { token: link.token },
      });
      expect(preview.body).toMatchObject({ role: 'lecteur', notice: ownNotice });

      // The audit log says the notice changed, not what it says.
      const audit = await store.sql.all<{ action: string; details: string }>(
        'SELECT action, details FROM audit_log WHERE workspace_id = ?',
        [workspace],
      );
      expect(audit.map((row) => row.action)).toContain('notice.updated');
      expect(JSON.stringify(audit)).not.toContain('dpo@cias');

      const reset = await call(url, 'PUT', `/api/workspaces/${workspace}/notice`, {
        cookie: admin,
        body: { text: null },
      });
      expect(reset.body).toMatchObject({ text: DEFAULT_INFORMATION_NOTICE, custom: false });
    });

    it('refuses the change of a facilitator and of a guest: administrators only', async () => {
      const before = await call(url, 'GET', `/api/workspaces/${workspace}/notice`, {
        cookie: admin,
      });
      const { cookie: facilitator } = await addMember(url, admin, workspace, {
        email: 'fanny@ccas.example.fr',
        displayName: 'Fanny',
        role: 'animateur',
      });
      const link = await createLink(url, admin, workspace, { role: 'contributeur' });
      const guest = await redeemLink(url, link.token, 'Alix');
      for (const cookie of [facilitator, guest]) {
        for (const text of ['Rien n’est conservé.', null]) {
          const refused = await call(url, 'PUT', `/api/workspaces/${workspace}/notice`, {
            cookie,
            body: { text },
          });
          expect(refused.status).toBe(403);
        }
        // Both may still read what guests are told.
        const read = await call(url, 'GET', `/api/workspaces/${workspace}/notice`, { cookie });
        expect(read.status).toBe(200);
      }
      const after = await call(url, 'GET', `/api/workspaces/${workspace}/notice`, {
        cookie: admin,
      });
      expect(after.body).toEqual(before.body);
    });

    it('refuses texts out of bounds in French, and keeps the current one', async () => {
      await call(url, 'PUT', `/api/workspaces/${workspace}/notice`, {
        cookie: admin,
        body: { text: ownNotice },
      });
      for (const body of [
        { text: 'x'.repeat(MAX_NOTICE_CHARS + 1) },
        { text: '   ' },
        { text: 42 },
        { text: ownNotice, html: '<b>' },
        {},
      ]) {
        const answer = await call<{ error: string; message: string }>(
          url,
          'PUT',
          `/api/workspaces/${workspace}/notice`,
          { cookie: admin, body },
        );
        expect(answer.status, JSON.stringify(body).slice(0, 40)).toBe(400);
        expect(answer.body.error).toBeTruthy();
        expect(answer.body.message).toMatch(/[a-zé]/);
      }
      const kept = await call(url, 'GET', `/api/workspaces/${workspace}/notice`, {
        cookie: admin,
      });
      expect(kept.body).toMatchObject({ text: ownNotice });
      const stranger = await call(url, 'GET', `/api/workspaces/${workspace}/notice`);
      expect(stranger.status).toBe(401);
    });

    it('refuses to preview unknown, revoked and used-up links as redeeming would', async () => {
      const unknown = await call<{ error: string; message: string }>(
        url,
        'POST',
        '/api/links/preview',
        { body: { token: 'pas-un-jeton' } },
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toContain('n’est pas valide');

      const revoked = await createLink(url, admin, workspace);
      await call(url, 'DELETE', `/api/workspaces/${workspace}/links/${revoked.id}`, {
        cookie: admin,
      });
      const gone = await call<{ error: string }>(url, 'POST', '/api/links/preview', {
        body: { token: revoked.token },
      });
      expect(gone.status).toBe(410);
      expect(gone.body.error).toBe('link-revoked');

      const once = await createLink(url, admin, workspace, { maxUses: 1 });
      await redeemLink(url, once.token, 'Sacha');
      const usedUp = await call<{ error: string }>(url, 'POST', '/api/links/preview', {
        body: { token: once.token },
      });
      expect(usedUp.status).toBe(410);
      expect(usedUp.body.error).toBe('link-used-up');
    });

    it('goes with the workspace when it is erased', async () => {
      const other = await createWorkspace(url, admin, { name: 'ABS à effacer' });
      await call(url, 'PUT', `/api/workspaces/${other}/notice`, {
        cookie: admin,
        body: { text: 'Notice à effacer.' },
      });
      const erased = await call(url, 'DELETE', `/api/workspaces/${other}`, { cookie: admin });
      expect(erased.status).toBe(204);
      const rows = await store.sql.all('SELECT * FROM workspace_notices WHERE workspace_id = ?', [
        other,
      ]);
      expect(rows).toEqual([]);
    });
  });
}

await onEveryStore('notice', noticeSuite);
