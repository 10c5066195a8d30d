import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, commentsDocIdOf, encodeUpdate } from '@boussole/shared';
import { createBoardStore, putDefaultDocument } from '../../client/testing/boardPeers.js';
import { cardRecord } from '../../client/testing/cardRecords.js';
import { bindStoreToYDoc } from '../../client/src/board/yjsBinding.js';
import {
  addMember,
  call,
  createAdmin,
  createBoard,
  createLink,
  createWorkspace,
  redeemLink,
} from '../helpers/accounts.js';
import { connectBoard, type BoardClient } from '../helpers/boardClients.js';
import { gappedUpdate } from '../helpers/gappedUpdates.js';
import { connectRaw, newcomerSync } from '../helpers/rawClient.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue #12, what an honest client with a gap needs: the y-websocket provider sends live
 * edits as soon as its socket opens, before the sync step 2 that carries what it wrote
 * offline, so the server sees later clocks first. Those are held for that connection and
 * integrated, stored and broadcast once the gap is filled; a gap that grows past the limits
 * instead closes its sender (a reviewer on the comments document here).
 */
describe('updates that arrive before what they depend on', () => {
  let server: TestServer;
  let board = '';
  let report = '';
  const cookies = { admin: '', bob: '', reviewer: '' };
  const open: BoardClient[] = [];

  beforeAll(async () => {
    server = await startServer({
      env: { MAX_PENDING_BYTES: '65536', MAX_PENDING_CLIENTS: '8' },
    });
    const url = server.httpUrl;
    cookies.admin = await createAdmin(url, server.app.access.setup.open());
    const workspace = await createWorkspace(url, cookies.admin);
    board = await createBoard(url, cookies.admin, workspace, 'Atelier');
    cookies.bob = (
      await addMember(url, cookies.admin, workspace, {
        email: 'bob@ccas.example.fr',
        displayName: 'Bob',
        role: 'contributeur',
      })
    ).cookie;
    const link = await createLink(url, cookies.admin, workspace, {
      role: 'relecteur',
      instance: 'comite_relecture',
    });
    cookies.reviewer = await redeemLink(url, link.token, 'Rita');
    report = (
      await call<{ id: string }>(url, 'POST', `/api/workspaces/${workspace}/report`, {
        cookie: cookies.admin,
      })
    ).body.id;
  });

  afterAll(async () => {
    for (const client of open) client.destroy();
    await server?.close();
  });

  it("integrates an offline client's edits sent out of order, deletions included", async () => {
    const alice = await connectBoard(server.collabUrl, board, cookies.admin);
    open.push(alice);

    // Bob's tab worked offline from the board as it was: four edits, four updates.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(alice.doc));
    const updates: Uint8Array[] = [];
    offline.on('update', (update: Uint8Array) => updates.push(update));
    const store = createBoardStore();
    const step = (edit: () => void, from = updates.length) => {
      edit();
      return Y.mergeUpdates(updates.slice(from));
    };
    // Whatever the binding writes when it starts travels with the first card.
    bindStoreToYDoc(store, offline);
    const u1 = step(() => {
      putDefaultDocument(store);
      store.put([cardRecord(store, 'observation', 'gap-1')]);
    }, 0);
    const u2 = step(() => store.put([cardRecord(store, 'observation', 'gap-2', { x: 300 })]));
    const u3 = step(() => store.put([cardRecord(store, 'observation', 'gap-3', { x: 600 })]));
    const u4 = step(() => store.remove([cardRecord(store, 'observation', 'gap-3').id]));

    const bob = connectRaw(server.collabUrl, board, { cookie: cookies.bob });
    await bob.opened;
    // The live edits first, then what they depend on.
    for (const update of [u2, u4, u1, u3]) await bob.send(encodeUpdate(update));

    await waitFor(() => alice.doc.getMap('records').has('shape:gap-2'), {
      what: 'alice receives the out-of-order card',
    });
    expect(alice.doc.getMap('records').has('shape:gap-1')).toBe(true);
    // gap-3 was created and deleted: once both are in, it is gone for everyone.
    await waitFor(() => !alice.doc.getMap('records').has('shape:gap-3'), { what: 'gap-3 gone' });
    expect(alice.doc.store.pendingStructs).toBeNull();
    expect(bob.closeInfo).toBeUndefined();
    bob.close();

    // Alice saw it, so it is stored (persist, then broadcast): completed, and nothing pending.
    const stored = new Y.Doc();
    for (const update of (await server.store.load(board)).updates) Y.applyUpdate(stored, update);
    expect(stored.getMap('records').has('shape:gap-2')).toBe(true);
    expect(stored.getMap('records').has('shape:gap-3')).toBe(false);
    expect(stored.store.pendingStructs).toBeNull();
  });

  it('closes a reviewer whose comment updates never complete, and resends none of it', async () => {
    const comments = commentsDocIdOf(report);
    const rita = connectRaw(server.collabUrl, comments, { cookie: cookies.reviewer });
    await rita.opened;
    for (let i = 0; i < 50 && !rita.closeInfo; i++) {
      await rita.send(encodeUpdate(gappedUpdate(300_000 + i, 10, 'threads'))).catch(() => {});
    }
    const closed = await rita.waitClosed();
    expect(closed.code).toBe(CloseCode.IncompleteUpdates);

    const { doc } = await newcomerSync(server.collabUrl, comments, cookies.admin);
    expect(doc.store.pendingStructs).toBeNull();
  });
});
