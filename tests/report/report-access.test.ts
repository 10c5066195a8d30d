import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  call,
  createAdmin,
  createLink,
  createWorkspace,
  redeemLink,
} from '../helpers/accounts.js';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * Issue #5's REST rules: who may start a report, read and export it, save and restore
 * versions; and the print view served so that no script can run in it.
 */
describe('the report’s REST routes', () => {
  let server: TestServer;
  let url = '';
  let admin = '';
  let report = '';
  const cookies = { reader: '', reviewer: '', outsider: '', contributorOutsideDrafting: '' };

  beforeAll(async () => {
    server = await startServer();
    url = server.httpUrl;
    admin = await createAdmin(url, server.app.access.setup.open());
    const workspace = await createWorkspace(url, admin, { name: 'ABS de Rochebrune' });
    const other = await createWorkspace(url, admin, { name: 'Une autre ABS' });
    cookies.reader = (
      await addMember(url, admin, workspace, {
        email: 'lecteur@ccas.example.fr',
        displayName: 'Léa Lecteur',
        role: 'lecteur',
      })
    ).cookie;
    cookies.contributorOutsideDrafting = (
      await addMember(url, admin, workspace, {
        email: 'terrain@ccas.example.fr',
        displayName: 'Tom Terrain',
        role: 'contributeur',
        instances: ['groupe_enquete'],
      })
    ).cookie;
    cookies.outsider = (
      await addMember(url, admin, other, {
        email: 'ailleurs@ccas.example.fr',
        displayName: 'Ailleurs',
        role: 'administrateur',
      })
    ).cookie;
    const link = await createLink(url, admin, workspace, {
      role: 'relecteur',
      instance: 'comite_relecture',
    });
    cookies.reviewer = await redeemLink(url, link.token, 'Rita');

    // Only facilitators and administrators start the report.
    expect(
      (await call(url, 'POST', `/api/workspaces/${workspace}/report`, { cookie: cookies.reader }))
        .status,
    ).toBe(403);
    report = (
      await call<{ id: string }>(url, 'POST', `/api/workspaces/${workspace}/report`, {
        cookie: admin,
      })
    ).body.id;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('lets every member read it, and no one from another workspace', async () => {
    const as = (cookie?: string) =>
      fetch(`${url}/api/reports/${report}/export?format=md`, {
        headers: cookie ? { cookie } : {},
      }).then((r) => r.status);
    expect(await as()).toBe(401);
    expect(await as(cookies.outsider)).toBe(403);
    expect(await as(cookies.reader)).toBe(200);
    expect(await as(cookies.reviewer)).toBe(200);
    const detail = await call<{ access: Record<string, unknown> }>(
      url,
      'GET',
      `/api/reports/${report}`,
      { cookie: cookies.contributorOutsideDrafting },
    );
    // A contributor writes the report only when seated in the comité de rédaction.
    expect(detail.body.access).toMatchObject({ canWrite: false, canComment: true });
  });

  it('answers bad requests clearly', async () => {
    const badFormat = await call(url, 'GET', `/api/reports/${report}/export?format=pdf`, {
      cookie: admin,
    });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body).toMatchObject({ error: 'invalid-format' });
    const noVersion = await call(
      url,
      'GET',
      `/api/reports/${report}/export?format=odt&version=version-nope`,
      { cookie: admin },
    );
    expect(noVersion.status).toBe(404);
    const notAReport = await call(url, 'GET', '/api/reports/..%2Fetc', { cookie: admin });
    expect(notAReport.status).toBe(404);
    const emptyName = await call(url, 'POST', `/api/reports/${report}/versions`, {
      cookie: admin,
      body: { name: '   ' },
    });
    expect(emptyName.status).toBe(400);
  });

  it('keeps versions to those who may write the text', async () => {
    for (const cookie of [cookies.reader, cookies.reviewer, cookies.contributorOutsideDrafting]) {
      const refused = await call(url, 'POST', `/api/reports/${report}/versions`, {
        cookie,
        body: { name: 'Version pirate' },
      });
      expect(refused.status).toBe(403);
    }
    const saved = await call<{ id: string }>(url, 'POST', `/api/reports/${report}/versions`, {
      cookie: admin,
      body: { name: 'Version validée COPIL du 17/09/2026' },
    });
    expect(saved.status).toBe(201);
    const restore = await call(
      url,
      'POST',
      `/api/reports/${report}/versions/${saved.body.id}/restore`,
      { cookie: cookies.reader },
    );
    expect(restore.status).toBe(403);
    const listed = await call<{ versions: { name: string; authorName: string }[] }>(
      url,
      'GET',
      `/api/reports/${report}/versions`,
      { cookie: cookies.reviewer },
    );
    expect(listed.body.versions).toEqual([
      expect.objectContaining({ name: 'Version validée COPIL du 17/09/2026' }),
    ]);
  });

  it('serves the print view so that no script can run in it', async () => {
    const response = await fetch(`${url}/api/reports/${report}/export?format=html&inline`, {
      headers: { cookie: cookies.reader },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-disposition')).toBe('inline');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toMatch(/<html lang="fr"/);
    expect(html).toContain('Contexte et commande des élus');
  });
});
