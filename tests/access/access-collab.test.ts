import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import {
  CloseCode,
  decodePermissionDenied,
  encodeAwareness,
  encodeSyncStep2,
  encodeUpdate,
} from '@boussole/shared';
import {
  addMember,
  call,
  createAdmin,
  createBoard,
  createLink,
  createWorkspace,
  redeemLink,
} from '../helpers/accounts.js';
import { connectSynced } from '../helpers/clients.js';
import { connectRaw, type RawClient } from '../helpers/rawClient.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { canonicalState } from '../helpers/yjsState.js';
import { waitFor } from '../helpers/wait.js';

/**
 * The websocket checks rights before the upgrade completes and per frame after it: readers'
 * and reviewers' update frames never reach the document, presence shows the identity the
 * server gave, and sockets opened with rights that are withdrawn are closed at once.
 */
describe('rights on the board websocket', () => {
  let server: TestServer;
  let url = '';
  let admin = '';
  let workspace = '';
  let board = '';
  let contributor: { userId: string; cookie: string };
  let reader: { userId: string; cookie: string };
  const open: { destroy(): void }[] = [];
  const raws: RawClient[] = [];

  const raw = (docId: string, cookie?: string) => {
    const client = connectRaw(server.collabUrl, docId, cookie ? { cookie } : {});
    raws.push(client);
    return client;
  };
  const client = async (cookie: string, docId = board) => {
    const c = await connectSynced(server.collabUrl, docId, { cookie });
    open.push(c);
    return c;
  };
  const serverState = (docId = board) => {
    const room = server.app.rooms.peek(docId);
    if (!room) throw new Error('room not loaded');
    return canonicalState(room.doc);
  };

  /** The HTTP status that refused an upgrade, or 101 if it was accepted. */
  function upgradeStatus(docId: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${server.collabUrl}/${docId}`, { headers });
      ws.on('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => {
        resolve(101);
        ws.close();
      });
      ws.on('error', () => {});
      setTimeout(() => reject(new Error('no answer to the upgrade')), 10_000);
    });
  }

  beforeAll(async () => {
    server = await startServer();
    url = server.httpUrl;
    admin = await createAdmin(url, server.app.access.setup.open());
    workspace = await createWorkspace(url, admin);
    board = await createBoard(url, admin, workspace);
    contributor = await addMember(url, admin, workspace, {
      email: 'contrib@ccas.fr',
      displayName: 'Camille Contributrice',
      role: 'contributeur',
    });
    reader = await addMember(url, admin, workspace, {
      email: 'lecteur@ccas.fr',
      displayName: 'Louis Lecteur',
      role: 'lecteur',
    });
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    for (const r of raws) r.terminate();
    await server.close();
  });

  it('refuses the upgrade without credentials, from another workspace or another origin', async () => {
    expect(await upgradeStatus(board, {})).toBe(401);
    const other = await createWorkspace(url, admin, { name: 'Autre ABS' });
    const stranger = await addMember(url, admin, other, {
      email: 'etranger@autre.fr',
      displayName: 'Étranger',
      role: 'contributeur',
    });
    expect(await upgradeStatus(board, { cookie: stranger.cookie })).toBe(403);
    expect(
      await upgradeStatus(board, { cookie: contributor.cookie, origin: 'https://evil.example' }),
    ).toBe(403);
    expect(await upgradeStatus(board, { cookie: contributor.cookie, origin: url })).toBe(101);
  });

  it('serves no document that has no record, and boards outside workspaces to administrators only', async () => {
    // An id nobody created is not a free document: it is refused, even to a signed-in member.
    expect(await upgradeStatus('board-nobodymadethis', { cookie: contributor.cookie })).toBe(404);
    expect(await upgradeStatus('board-nobodymadethis', { cookie: admin })).toBe(404);
    const legacy = await call<{ id: string }>(url, 'POST', '/api/boards', {
      cookie: admin,
      body: { title: 'Tableau d’avant les espaces' },
    });
    expect(legacy.status).toBe(201);
    expect(await upgradeStatus(legacy.body.id, { cookie: contributor.cookie })).toBe(403);
    expect(await upgradeStatus(legacy.body.id, { cookie: admin })).toBe(101);
  });

  async function expectReadOnly(cookie: string, expectedName: string) {
    const writer = await client(contributor.cookie);
    const witness = await client(admin);
    writer.doc.getText('notes').insert(0, 'Texte des contributeurs. ');
    await waitFor(() => witness.doc.getText('notes').toString().length > 0, { what: 'sync' });
    const before = serverState();
    const witnessBefore = canonicalState(witness.doc);

    const intruder = raw(board, cookie);
    await intruder.opened;
    // What a reader's tampered client could send: updates, a sync step 2, from a doc of its own.
    const forged = new Y.Doc();
    forged.getText('notes').insert(0, 'Texte falsifié ');
    forged.getMap('records').set('shape:forged', 'x');
    const bytes = Y.encodeStateAsUpdate(forged);
    await intruder.send(encodeUpdate(bytes));
    await intruder.send(encodeSyncStep2(bytes));
    // Its presence, claiming to be someone else.
    const presence = new Awareness(new Y.Doc());
    presence.setLocalState({
      user: { id: 'admin', name: 'Le maire' },
      tldrawPresence: { userName: 'Le maire', userId: 'admin', color: '#ff0000' },
    });
    await intruder.send(encodeAwareness(encodeAwarenessUpdate(presence, [presence.clientID])));
    const denied = await intruder.waitForFrame(
      (f) => decodePermissionDenied(f) !== undefined,
      'the refusal notice',
    );
    expect(decodePermissionDenied(denied)).toMatch(/Modification refusée/);

    // A later edit that everyone receives proves the forged frames had their chance to arrive.
    writer.doc.getText('notes').insert(0, 'Après. ');
    await waitFor(() => witness.doc.getText('notes').toString().startsWith('Après. '), {
      what: 'the sentinel edit',
    });
    expect(witness.doc.getText('notes').toString()).not.toContain('falsifié');
    expect(witness.doc.getMap('records').has('shape:forged')).toBe(false);
    expect(serverState().includes(Buffer.from('falsifié'))).toBe(false);
    expect(canonicalState(witness.doc).equals(serverState())).toBe(true);
    // Nothing but the sentinel changed: the server's state is the old one plus that edit.
    const expected = new Y.Doc();
    Y.applyUpdate(expected, before);
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(writer.doc));
    expect(canonicalState(expected).equals(serverState())).toBe(true);
    expect(canonicalState(witness.doc).equals(witnessBefore)).toBe(false);

    // Their presence reaches the others, under the name the server knows them by.
    await waitFor(() => witness.provider.awareness.getStates().has(presence.clientID), {
      what: 'the read-only participant’s presence',
    });
    const seen = witness.provider.awareness.getStates().get(presence.clientID) as {
      user: { name: string };
      tldrawPresence: { userName: string };
    };
    expect(seen.user.name).toBe(expectedName);
    expect(seen.tldrawPresence.userName).toBe(expectedName);
    presence.destroy();
    intruder.close();
  }

  it('never applies a reader’s update frames, and still relays their presence', async () => {
    await expectReadOnly(reader.cookie, 'Louis Lecteur');
  });

  it('treats a reviewer who came through a link the same way', async () => {
    const link = await createLink(url, admin, workspace, {
      role: 'relecteur',
      instance: 'comite_relecture',
    });
    await expectReadOnly(
      await redeemLink(url, link.token, 'Habitant relecteur'),
      'Habitant relecteur',
    );
  });

  it('lets no one take over another participant’s cursor', async () => {
    const camille = await client(contributor.cookie);
    camille.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
    const witness = await client(admin);
    const camilleId = camille.provider.awareness.clientID;
    await waitFor(() => witness.provider.awareness.getStates().has(camilleId), {
      what: 'Camille’s presence',
    });
    // Another member sends a presence update under Camille's client id, with a higher clock.
    const impostor = raw(board, reader.cookie);
    await impostor.opened;
    const fake = new Awareness(new Y.Doc());
    fake.clientID = camilleId;
    for (let i = 0; i < 50; i++) fake.setLocalState({ cursor: { x: 999, y: 999 }, i });
    await impostor.send(encodeAwareness(encodeAwarenessUpdate(fake, [camilleId])));
    // Then a presence of its own, which does arrive: the forged one had its chance first.
    const own = new Awareness(new Y.Doc());
    own.setLocalState({ cursor: { x: 5, y: 5 } });
    await impostor.send(encodeAwareness(encodeAwarenessUpdate(own, [own.clientID])));
    await waitFor(() => witness.provider.awareness.getStates().has(own.clientID), {
      what: 'the impostor’s own presence',
    });
    const camilleSeen = witness.provider.awareness.getStates().get(camilleId) as {
      cursor: unknown;
      user: { name: string };
    };
    expect(camilleSeen.cursor).toEqual({ x: 1, y: 1 });
    expect(camilleSeen.user.name).toBe('Camille Contributrice');
    fake.destroy();
    own.destroy();
  });

  it('closes sockets at once when a link is revoked, a session ends or a role changes', async () => {
    const link = await createLink(url, admin, workspace, { role: 'contributeur' });
    const guest = raw(board, await redeemLink(url, link.token, 'Invitée'));
    await guest.opened;
    await call(url, 'DELETE', `/api/workspaces/${workspace}/links/${link.id}`, { cookie: admin });
    expect((await guest.waitClosed()).code).toBe(CloseCode.Unauthorized);

    const member = await addMember(url, admin, workspace, {
      email: 'partant@ccas.fr',
      displayName: 'Partant',
      role: 'contributeur',
    });
    const socket = raw(board, member.cookie);
    await socket.opened;
    await call(url, 'PATCH', `/api/workspaces/${workspace}/members/${member.userId}`, {
      cookie: admin,
      body: { role: 'lecteur', instances: [] },
    });
    // Reconnecting gives the new rights.
    expect((await socket.waitClosed()).code).toBe(CloseCode.AccessChanged);
    const again = raw(board, member.cookie);
    await again.opened;
    await call(url, 'POST', '/api/auth/logout', { cookie: member.cookie });
    expect((await again.waitClosed()).code).toBe(CloseCode.Unauthorized);
    expect(await upgradeStatus(board, { cookie: member.cookie })).toBe(401);
  });

  it('closes a board’s sockets and deletes its updates when the workspace is erased', async () => {
    const doomed = await createWorkspace(url, admin, { name: 'ABS effacée' });
    const doomedBoard = await createBoard(url, admin, doomed);
    const writer = await client(admin, doomedBoard);
    writer.doc.getText('t').insert(0, 'verbatim à effacer');
    await waitFor(async () => (await server.store.load(doomedBoard)).updates.length > 0, {
      what: 'the edit to be stored',
    });
    const socket = raw(doomedBoard, admin);
    await socket.opened;
    await call(url, 'DELETE', `/api/workspaces/${doomed}`, { cookie: admin });
    expect((await socket.waitClosed()).code).toBe(CloseCode.InvalidDocumentId);
    expect((await server.store.load(doomedBoard)).updates).toEqual([]);
  });
});
