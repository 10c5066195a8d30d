import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteDocStore } from '@boussole/server';
import { CloseCode, encodeUpdate } from '@boussole/shared';
import { connectClient, connectSynced, type TestClient } from '../helpers/clients.js';
import { GatedStore } from '../helpers/gatedStore.js';
import { connectRaw } from '../helpers/rawClient.js';
import { startServer, tempDir, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openDocuments } from '../helpers/collabAccess.js';

describe('a cold room', () => {
  const dir = tempDir('boussole-cold-');
  const file = path.join(dir, 'boussole.sqlite');
  const clients: TestClient[] = [];
  const servers: TestServer[] = [];
  const stores: SqliteDocStore[] = [];

  async function openStore(): Promise<SqliteDocStore> {
    const store = new SqliteDocStore({ file, synchronous: 'normal' });
    await store.migrate();
    stores.push(store);
    return store;
  }

  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const s of servers) await s.close();
    for (const s of stores) await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is loaded once for ten clients joining at the same moment, and all get its content', async () => {
    const docId = 'cold-room';

    // A first server writes the document and stops.
    const first = await openStore();
    const before = await startServer({ store: first });
    const firstCookie = await openDocuments(before, docId);
    const writer = await connectSynced(before.collabUrl, docId, { cookie: firstCookie });
    writer.doc.getText('text').insert(0, 'Analyse des besoins sociaux — atelier du 12 mars');
    writer.doc.getMap('cards').set('card-1', { title: 'Mobilité', votes: 4 });
    const expectedText = writer.doc.getText('text').toString();
    await waitFor(async () => (await first.load(docId)).updates.length > 0, {
      what: 'the first edit to be stored',
    });
    writer.destroy();
    await before.close();
    await first.close();

    // A new server on the same file. Its load is held until all ten sockets are open, so
    // every join finds the room still loading: only single-flight loading makes that one load.
    const store = new GatedStore(await openStore());
    store.loadGate.close();
    const server = await startServer({ store });
    servers.push(server);
    const cookie = await openDocuments(server, docId);
    const ten = Array.from({ length: 10 }, () =>
      connectClient(server.collabUrl, docId, { cookie }),
    );
    clients.push(...ten);
    await waitFor(() => ten.every((c) => c.provider.wsconnected) && store.loadCalls >= 1, {
      what: 'ten sockets open and the load started',
    });
    expect(ten.some((c) => c.provider.synced)).toBe(false);
    store.loadGate.open();

    await waitFor(() => ten.every((c) => c.provider.synced), { what: 'all ten synced' });
    await waitFor(() => ten.every((c) => c.doc.getText('text').toString() === expectedText), {
      what: 'all ten to hold the stored text',
    });
    for (const c of ten) {
      expect(c.doc.getMap('cards').get('card-1')).toEqual({ title: 'Mobilité', votes: 4 });
    }
    expect(store.loadCalls).toBe(1);
    expect(server.app.rooms.loads).toBe(1);
  });

  it('holds frames sent while the room loads, then handles them in order', async () => {
    const docId = 'cold-early-frames';
    const store = new GatedStore(await openStore());
    const server = await startServer({ store });
    servers.push(server);
    const cookie = await openDocuments(server, docId);
    store.loadGate.close();

    // Sent before the document is loaded: a real edit, then garbage.
    const raw = connectRaw(server.collabUrl, docId, { cookie });
    await raw.opened;
    const local = new Y.Doc();
    let edit: Uint8Array = new Uint8Array();
    local.once('update', (update: Uint8Array) => (edit = update));
    local.getText('text').insert(0, 'Envoyé pendant le chargement');
    await raw.send(encodeUpdate(edit));
    await raw.send(Uint8Array.from([0, 2, 200, 1, 2, 3]));
    await waitFor(() => store.loadCalls === 1, { what: 'the load to start' });
    // Same process, same event loop: by the time it answers an HTTP request sent after both
    // frames were written, the server has read them (and, the load being held, kept them).
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);
    expect(raw.closeInfo).toBeUndefined();

    store.loadGate.open();
    expect((await raw.waitClosed()).code).toBe(CloseCode.MalformedFrame);
    const reader = await connectSynced(server.collabUrl, docId, { cookie });
    clients.push(reader);
    expect(reader.doc.getText('text').toString()).toBe('Envoyé pendant le chargement');
    local.destroy();
  });
});
