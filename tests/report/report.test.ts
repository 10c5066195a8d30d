import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addReply,
  anchorToRelativePosition,
  commentThreadsMap,
  commentsDocIdOf,
  createThread,
  decodePermissionDenied,
  encodeUpdate,
  fragmentToJson,
  plainText,
  readThreads,
  relativePositionToAnchor,
  reportDocLayout,
  setResolved,
  type CommentAnchor,
  type PmNode,
  type ReportDetail,
} from '@boussole/shared';
import {
  addMember,
  call,
  createAdmin,
  createLink,
  createWorkspace,
  redeemLink,
} from '../helpers/accounts.js';
import { connectBoard, type BoardClient } from '../helpers/boardClients.js';
import { commandAvailable } from '../helpers/commands.js';
import { odtToText } from '../helpers/office.js';
import { connectRaw } from '../helpers/rawClient.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue #5 on the server, with the official y-websocket provider: the report starts from the
 * ABS outline, two drafters co-edit one paragraph and undo only their own edits, a reviewer's
 * text changes are refused while their comments flow, named versions are saved, compared and
 * restored for everyone, and the exports hold the editor's text.
 */

const fragmentOf = (client: BoardClient) => client.doc.getXmlFragment(reportDocLayout.fragment);
const textOf = (client: BoardClient) => plainText(fragmentToJson(fragmentOf(client)));

/** The words of a run of text, without its formatting (toString() writes marks as tags). */
const wordsOf = (text: Y.XmlText) =>
  text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');

/** The paragraph right after the heading `title`, as the XmlText holding its words. */
function paragraphAfter(client: BoardClient, title: string): Y.XmlText {
  const blocks = fragmentOf(client).toArray() as Y.XmlElement[];
  const index = blocks.findIndex(
    (b) => b.nodeName === 'heading' && b.toArray().some((c) => c.toString().includes(title)),
  );
  const paragraph = blocks[index + 1];
  if (!paragraph || paragraph.nodeName !== 'paragraph')
    throw new Error(`no paragraph after ${title}`);
  const text = paragraph.toArray()[0];
  if (!(text instanceof Y.XmlText)) throw new Error('empty paragraph');
  return text;
}

describe('the co-written report', () => {
  let server: TestServer;
  let url = '';
  let admin = '';
  let workspace = '';
  let report = '';
  const cookies = { alice: '', bob: '', rita: '' };
  const clients: BoardClient[] = [];
  const connect = async (cookie: string, docId = report) => {
    const client = await connectBoard(server.collabUrl, docId, cookie);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startServer();
    url = server.httpUrl;
    admin = await createAdmin(url, server.app.access.setup.open());
    workspace = await createWorkspace(url, admin, {
      name: 'ABS 2026 — Val d’Arvière',
      communes: [
        { inseeCode: '99001', name: 'Saint-Aubin-sur-Arvière' },
        { inseeCode: '99006', name: 'Rochebrune' },
      ],
      topics: ['mobilité'],
    });
    for (const [name, role, instances] of [
      ['alice', 'contributeur', ['comite_redaction']],
      ['bob', 'contributeur', ['comite_redaction']],
    ] as const) {
      cookies[name] = (
        await addMember(url, admin, workspace, {
          email: `${name}@ccas.example.fr`,
          displayName: name === 'alice' ? 'Alice Martin' : 'Bob Durand',
          role,
          instances: [...instances],
        })
      ).cookie;
    }
    const link = await createLink(url, admin, workspace, {
      role: 'relecteur',
      instance: 'comite_relecture',
    });
    cookies.rita = await redeemLink(url, link.token, 'Rita (relecture)');
    const created = await call<{ id: string }>(url, 'POST', `/api/workspaces/${workspace}/report`, {
      cookie: admin,
    });
    expect(created.status).toBe(201);
    report = created.body.id;
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.close();
  });

  it('starts from the French outline of an ABS report, with the workspace’s communes', async () => {
    const alice = await connect(cookies.alice);
    const doc = fragmentToJson(fragmentOf(alice));
    const headings = (doc.content ?? [])
      .filter((n) => n.type === 'heading')
      .map((n) => plainText(n));
    expect(headings).toEqual(
      expect.arrayContaining([
        'Contexte et commande des élus',
        'Méthode et instances',
        'Portrait du territoire',
        'Hypothèses de travail et leur vérification',
        'Enseignements de l’enquête de terrain',
        'Préconisations et pistes d’action',
        'Suites à donner et suivi',
        'Annexes',
      ]),
    );
    expect(plainText(doc)).toContain('Rochebrune');
    // Asking again gives the same report: one per workspace.
    const again = await call<{ id: string }>(url, 'POST', `/api/workspaces/${workspace}/report`, {
      cookie: admin,
    });
    expect(again).toMatchObject({ status: 200, body: { id: report } });
    const detail = await call<{ access: { canWrite: boolean } }>(
      url,
      'GET',
      `/api/reports/${report}`,
      {
        cookie: cookies.rita,
      },
    );
    expect(detail.body).toMatchObject({
      commentsId: commentsDocIdOf(report),
      access: { canWrite: false, canComment: true },
    });
  });

  it('lets two drafters type in one paragraph at once; each undo removes only its own words', async () => {
    const alice = await connect(cookies.alice);
    const bob = await connect(cookies.bob);
    const aliceText = paragraphAfter(alice, 'Contexte et commande des élus');
    const bobText = paragraphAfter(bob, 'Contexte et commande des élus');
    const aliceUndo = new Y.UndoManager(fragmentOf(alice), { captureTimeout: 0 });
    const bobUndo = new Y.UndoManager(fragmentOf(bob), { captureTimeout: 0 });
    // Concurrently, before either sees the other's words.
    aliceText.insert(0, 'Élus du 12 mars : ');
    bobText.insert(aliceText.length - 18, ' Priorité aux aînés isolés.');
    await waitFor(() => textOf(alice) === textOf(bob) && textOf(alice).includes('aînés'), {
      what: 'the drafters to converge',
    });
    expect(textOf(alice)).toContain('Élus du 12 mars : ');

    aliceUndo.undo();
    await waitFor(() => !textOf(bob).includes('Élus du 12 mars'), {
      what: 'Alice’s undo to reach Bob',
    });
    expect(textOf(bob)).toContain('Priorité aux aînés isolés.');
    expect(textOf(alice)).toContain('Priorité aux aînés isolés.');
    bobUndo.undo();
    await waitFor(() => !textOf(alice).includes('aînés'), { what: 'Bob’s undo to reach Alice' });
    expect(textOf(alice)).toBe(textOf(bob));
  });

  it('refuses a reviewer’s text change, and carries their comment to the drafters live, never a forged one', async () => {
    const alice = await connect(cookies.alice);
    const before = Y.encodeStateAsUpdate(alice.doc);
    // Rita's crafted change to the text, sent as a raw protocol frame.
    const crafted = new Y.Doc();
    Y.applyUpdate(crafted, before);
    const sv = Y.encodeStateVector(crafted);
    paragraphAfter({ doc: crafted } as BoardClient, 'Méthode et instances').insert(0, 'RÉÉCRIT ');
    const raw = connectRaw(server.collabUrl, report, { cookie: cookies.rita });
    await raw.opened;
    await raw.send(encodeUpdate(Y.encodeStateAsUpdate(crafted, sv)));
    const denial = await raw.waitForFrame(
      (f) => decodePermissionDenied(f) !== undefined,
      'a refusal',
    );
    expect(decodePermissionDenied(denial)).toMatch(/.+/);
    raw.close();

    // Her comment, in the comments document, anchored to the passage she is commenting on
    // the way the editor anchors it: from its first character to its last.
    const ritaComments = await connect(cookies.rita, commentsDocIdOf(report));
    const aliceComments = await connect(cookies.alice, commentsDocIdOf(report));
    const identityOf = async (cookie: string) =>
      (await call<ReportDetail>(url, 'GET', `/api/reports/${report}`, { cookie })).body.access
        .identity;
    const rita = await identityOf(cookies.rita);
    const aliceIdentity = await identityOf(cookies.alice);
    // Every thread Alice's document ever held, update after update.
    const everSeenByAlice = new Set<string>();
    commentThreadsMap(aliceComments.doc).observe((event) => {
      for (const key of event.keysChanged) if (event.target.has(key)) everSeenByAlice.add(key);
    });
    const target = paragraphAfter(alice, 'Méthode et instances');
    const passage = 'Décrivez la démarche et le calendrier';
    expect(wordsOf(target).startsWith(passage)).toBe(true);
    const anchorAt = (index: number, assoc: number) =>
      relativePositionToAnchor(Y.createRelativePositionFromTypeIndex(target, index, assoc));
    createThread(ritaComments.doc, {
      id: 't1',
      anchorStart: anchorAt(0, 0),
      anchorEnd: anchorAt(passage.length, -1),
      quote: passage,
      author: rita,
      text: 'Phrase trop longue ?',
    });
    await waitFor(() => readThreads(aliceComments.doc).length === 1, {
      what: 'the comment to reach Alice',
    });
    expect(readThreads(aliceComments.doc)[0]).toMatchObject({
      authorId: rita.id,
      authorName: 'Rita (relecture)',
      quote: passage,
      resolved: false,
    });
    // Others write right before the passage and right after it: the anchors keep its words.
    target.insert(0, 'Ajout en tête. ');
    target.insert('Ajout en tête. '.length + passage.length, ' (et le budget)');
    const [thread] = readThreads(aliceComments.doc);
    const indexOf = (anchor: CommentAnchor) =>
      Y.createAbsolutePositionFromRelativePosition(anchorToRelativePosition(anchor), alice.doc)
        ?.index ?? -1;
    expect(wordsOf(target).slice(indexOf(thread!.anchorStart), indexOf(thread!.anchorEnd))).toBe(
      passage,
    );

    // A thread in Alice's name, sent by Rita: reverted in the same commit, so Alice never
    // holds it, and Rita is told why.
    createThread(ritaComments.doc, {
      id: 'forged',
      anchorStart: anchorAt(0, 0),
      anchorEnd: anchorAt(5, -1),
      quote: 'Ajout',
      author: aliceIdentity,
      text: 'Je retire ce paragraphe.',
    });
    await waitFor(() => !commentThreadsMap(ritaComments.doc).has('forged'), {
      what: 'the forged thread to be reverted at Rita’s',
    });
    expect(ritaComments.denials.at(-1)).toMatch(/^Commentaire refusé/);
    // Alice rewrites Rita's comment: reverted too.
    (commentThreadsMap(aliceComments.doc).get('t1') as Y.Map<unknown>).set('text', 'Rien.');
    await waitFor(() => readThreads(aliceComments.doc)[0]?.text === 'Phrase trop longue ?', {
      what: 'Rita’s text to be put back at Alice’s',
    });
    expect(readThreads(ritaComments.doc)[0]?.text).toBe('Phrase trop longue ?');
    // What is hers to do: reply in her own name, and resolve.
    addReply(aliceComments.doc, 't1', { author: aliceIdentity, text: 'Coupée en deux.' });
    setResolved(aliceComments.doc, 't1', true, aliceIdentity);
    await waitFor(() => readThreads(ritaComments.doc)[0]?.resolved === true, {
      what: 'the reply and resolution to reach Rita',
    });
    expect(readThreads(ritaComments.doc)).toEqual(readThreads(aliceComments.doc));
    expect(readThreads(ritaComments.doc)[0]).toMatchObject({
      resolvedBy: 'Alice Martin',
      replies: [expect.objectContaining({ authorName: 'Alice Martin', text: 'Coupée en deux.' })],
    });
    expect(everSeenByAlice).toEqual(new Set(['t1']));
    // And the refused text never reached anyone.
    expect(textOf(alice)).not.toContain('RÉÉCRIT');
  });

  it('saves a named version, compares it, and restores it for everyone', async () => {
    const alice = await connect(cookies.alice);
    const bob = await connect(cookies.bob);
    const saved = await call<{ id: string; name: string }>(
      url,
      'POST',
      `/api/reports/${report}/versions`,
      {
        cookie: cookies.alice,
        body: { name: 'Version validée COPIL du 17/09/2026' },
      },
    );
    expect(saved.status).toBe(201);
    const frozen = textOf(alice);
    paragraphAfter(bob, 'Suites à donner et suivi').insert(0, 'Comité de suivi annuel. ');
    await waitFor(() => textOf(alice).includes('Comité de suivi annuel'), { what: 'Bob’s edit' });

    const version = await call<{ content: PmNode }>(
      url,
      'GET',
      `/api/reports/${report}/versions/${saved.body.id}`,
      { cookie: cookies.rita },
    );
    expect(plainText(version.body.content)).toBe(frozen);
    // A reviewer may not restore; a drafter may.
    expect(
      (
        await call(url, 'POST', `/api/reports/${report}/versions/${saved.body.id}/restore`, {
          cookie: cookies.rita,
        })
      ).status,
    ).toBe(403);
    const restored = await call(
      url,
      'POST',
      `/api/reports/${report}/versions/${saved.body.id}/restore`,
      {
        cookie: cookies.bob,
      },
    );
    expect(restored.status).toBe(204);
    await waitFor(() => textOf(alice) === frozen && textOf(bob) === frozen, {
      what: 'every client to hold the restored text',
    });
    const fresh = await connect(cookies.rita);
    expect(textOf(fresh)).toBe(frozen);
  });

  it('exports DOCX and ODT with the same headings, paragraphs and table cells', async () => {
    const alice = await connect(cookies.alice);
    paragraphAfter(alice, 'Contexte et commande des élus').insert(
      0,
      'Œuvrer « ensemble » à Rochebrune. ',
    );
    await waitFor(
      async () => {
        const md = await fetch(`${url}/api/reports/${report}/export?format=md`, {
          headers: { cookie: cookies.rita },
        });
        return (await md.text()).includes('Œuvrer « ensemble »');
      },
      { what: 'the edit in the export' },
    );
    const expected = fragmentToJson(fragmentOf(alice));
    const headings = (expected.content ?? []).filter((n) => n.type === 'heading').map(plainText);

    const docx = await fetch(`${url}/api/reports/${report}/export?format=docx`, {
      headers: { cookie: cookies.rita },
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toMatch(/\.docx/);
    const { value: html } = await mammoth.convertToHtml({
      buffer: Buffer.from(await docx.arrayBuffer()),
    });
    for (const heading of headings)
      expect(html).toMatch(
        new RegExp(`<h\\d>${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h\\d>`),
      );
    expect(html).toContain('Œuvrer « ensemble » à Rochebrune.');
    expect(html).toContain('<td><p>Saint-Aubin-sur-Arvière</p></td>');

    if (!commandAvailable('soffice', 'LibreOffice')) return;
    const odt = await fetch(`${url}/api/reports/${report}/export?format=odt`, {
      headers: { cookie: cookies.rita },
    });
    expect(odt.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.text');
    const text = odtToText(new Uint8Array(await odt.arrayBuffer()));
    for (const heading of headings) expect(text).toContain(heading);
    expect(text).toContain('Œuvrer « ensemble » à Rochebrune.');
    expect(text).toContain('Saint-Aubin-sur-Arvière');
  }, 180_000);
});
