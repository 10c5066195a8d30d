import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToJson, plainText, reportDocLayout } from '@boussole/shared';
import { addMember, call, createAdmin, createWorkspace } from '../helpers/accounts.js';
import { connectBoard, type BoardClient } from '../helpers/boardClients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * The report's text is checked on the server like a board's records: a drafter's client that
 * writes a node the editor does not have, or a `javascript:` link, sees it reverted, is told
 * why, and no one else ever receives it.
 */
describe('the server guards the report’s text', () => {
  let server: TestServer;
  let report = '';
  const cookies = { alice: '', mallory: '' };
  const clients: BoardClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    const url = server.httpUrl;
    const admin = await createAdmin(url, server.app.access.setup.open());
    const workspace = await createWorkspace(url, admin);
    for (const name of ['alice', 'mallory'] as const) {
      cookies[name] = (
        await addMember(url, admin, workspace, {
          email: `${name}@ccas.example.fr`,
          displayName: name,
          role: 'contributeur',
          instances: ['comite_redaction'],
        })
      ).cookie;
    }
    report = (
      await call<{ id: string }>(url, 'POST', `/api/workspaces/${workspace}/report`, {
        cookie: admin,
      })
    ).body.id;
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.close();
  });

  it('reverts a foreign node and a script link, keeps the honest words around them', async () => {
    const alice = await connectBoard(server.collabUrl, report, cookies.alice);
    const mallory = await connectBoard(server.collabUrl, report, cookies.mallory);
    clients.push(alice, mallory);
    const seenByAlice: string[] = [];
    alice.doc.on('update', () => seenByAlice.push(JSON.stringify(fragmentToJson(fragment(alice)))));

    const script = new Y.XmlElement('iframe');
    script.setAttribute('src', 'https://evil.example');
    const paragraph = new Y.XmlElement('paragraph');
    const words = new Y.XmlText();
    words.insert(0, 'Lien utile', { link: { href: 'javascript:alert(document.cookie)' } });
    paragraph.insert(0, [words]);
    const honest = new Y.XmlElement('paragraph');
    honest.insert(0, [new Y.XmlText('Une phrase honnête.')]);
    fragment(mallory).insert(0, [script, paragraph, honest]);

    await waitFor(() => mallory.denials.length > 0, { what: 'Mallory to be told' });
    expect(mallory.denials[0]).toMatch(/Contenu du rapport refusé/);
    await waitFor(() => plainText(fragmentToJson(fragment(alice))).startsWith('Lien utile'), {
      what: 'the accepted words at Alice’s',
    });
    const json = JSON.stringify(fragmentToJson(fragment(alice)));
    expect(json).not.toContain('iframe');
    expect(json).not.toContain('javascript:');
    expect(json).toContain('Une phrase honnête.');
    // Not even for an instant did Alice hold the refused content.
    expect(seenByAlice.some((s) => s.includes('iframe') || s.includes('javascript:'))).toBe(false);
    // Mallory's own copy is reverted too.
    await waitFor(() => !JSON.stringify(fragmentToJson(fragment(mallory))).includes('iframe'), {
      what: 'Mallory’s copy reverted',
    });
  });
});

function fragment(client: BoardClient): Y.XmlFragment {
  return client.doc.getXmlFragment(reportDocLayout.fragment);
}
