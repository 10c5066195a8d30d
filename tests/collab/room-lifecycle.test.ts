import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { SqliteDocStore } from '@boussole/server';
import { CloseCode, decodeFrame, encodeAwareness, encodeUpdate } from '@boussole/shared';
import { connectClient, connectSynced, type TestClient } from '../helpers/clients.js';
import { GatedStore, gatedServerHooks } from '../helpers/gatedStore.js';
import { connectRaw, type RawClient } from '../helpers/rawClient.js';
import { startServer, tempDir, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openDocuments } from '../helpers/collabAccess.js';
import { adminCredentials } from '../helpers/accounts.js';

/** Every document these tests open, made real documents of a workspace up front. */
const documentIds = [
  'presence-cleanup',
  'presence-query',
  'idle-unload',
  'idle-unload-clock',
  'idle-race',
  'idle-race-clock',
  'size-limit',
  'heartbeat',
  'closing',
];

const MAX_DOCUMENT_BYTES = 4096;

function storedText(stored: { updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  const text = doc.getText('text').toString();
  doc.destroy();
  return text;
}

/** Presence states carried by the awareness frames among `frames`, by client id. */
function presenceIn(frames: Uint8Array[]): Map<number, unknown> {
  const seen = new Awareness(new Y.Doc());
  for (const frame of frames) {
    const decoded = decodeFrame(frame);
    if (decoded.kind === 'awareness') applyAwarenessUpdate(seen, decoded.update, 'server');
  }
  const states = new Map(seen.getStates());
  seen.destroy();
  return states;
}

/** A Y.Doc standing in for a client that speaks through a raw socket. */
function rawWriter(raw: RawClient) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return {
    doc,
    async insert(text: string) {
      const before = updates.length;
      doc.getText('text').insert(doc.getText('text').length, text);
      for (const update of updates.slice(before)) await raw.send(encodeUpdate(update));
    },
  };
}

describe('room lifecycle', () => {
  const g = gatedServerHooks('boussole-lifecycle-', documentIds, {
    ROOM_IDLE_MS: '100',
    MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES),
  });
  const { clients, raws } = g;

  const track = (client: TestClient) => (clients.push(client), client);
  const trackRaw = (raw: RawClient) => (raws.push(raw), raw);

  describe('presence', () => {
    it("removes a participant's presence when their socket closes without a goodbye", async () => {
      const { server, cookie } = g;
      const docId = 'presence-cleanup';
      const bob = track(await connectSynced(server.collabUrl, docId, { cookie }));
      const states = () => bob.provider.awareness.getStates();

      // An official client whose connection dies (a laptop lid closed): a destroyed provider
      // would send a removal of its own, a dead socket sends nothing.
      const alice = track(await connectSynced(server.collabUrl, docId, { cookie }));
      alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
      await waitFor(() => states().has(alice.doc.clientID), { what: 'Bob to see Alice' });
      alice.provider.shouldConnect = false;
      (alice.provider.ws as unknown as WebSocket).terminate();
      await waitFor(() => !states().has(alice.doc.clientID), { what: "Alice's presence removed" });

      // A socket that simply drops (no close handshake).
      const raw = trackRaw(connectRaw(server.collabUrl, docId, { cookie }));
      await raw.opened;
      const anne = new Awareness(new Y.Doc());
      anne.setLocalState({ user: { name: 'Anne' } });
      await raw.send(encodeAwareness(encodeAwarenessUpdate(anne, [anne.clientID])));
      await waitFor(() => states().has(anne.clientID), { what: 'Bob to see Anne' });
      raw.terminate();
      await waitFor(() => !states().has(anne.clientID), { what: "Anne's presence removed" });
      anne.destroy();
    });

    it('answers a query-awareness (type 3) with every presence', async () => {
      const { server, cookie } = g;
      const docId = 'presence-query';
      const alice = track(await connectSynced(server.collabUrl, docId, { cookie }));
      const bob = track(await connectSynced(server.collabUrl, docId, { cookie }));
      alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
      // Once Bob sees it the server has broadcast it: no presence frame is still on its way.
      await waitFor(() => bob.provider.awareness.getStates().has(alice.doc.clientID), {
        what: 'Bob to see Alice',
      });

      const raw = trackRaw(connectRaw(server.collabUrl, docId, { cookie }));
      await raw.opened;
      await raw.waitForFrame((f) => f[0] === 0 && f[1] === 0, "the server's sync step 1");
      const mark = raw.received.length;
      await raw.send(Uint8Array.from([3]));
      await waitFor(() => presenceIn(raw.received.slice(mark)).has(alice.doc.clientID), {
        what: 'the answer to carry Alice',
      });
      // The name is the one the server knows the socket by, not the one the client wrote.
      expect(presenceIn(raw.received.slice(mark)).get(alice.doc.clientID)).toEqual({
        user: { id: expect.any(String), name: adminCredentials.displayName },
      });
    });
  });

  describe('idle unload', () => {
    /**
     * An empty room unloads ROOM_IDLE_MS after its last peer left. Emptying a second room right
     * after the first gives a clock without sleeping: when the second is gone, the first's
     * idle timer has fired too.
     */
    async function leaveThenWaitForIdleTimer(leaving: TestClient, docId: string) {
      const { server, cookie } = g;
      const clock = await connectSynced(server.collabUrl, `${docId}-clock`, { cookie });
      leaving.destroy();
      await waitFor(() => server.app.rooms.peek(docId)?.peerCount === 0, { what: 'room empty' });
      clock.destroy();
      await waitFor(() => server.app.rooms.peek(`${docId}-clock`) === undefined, {
        what: 'the clock room to unload',
      });
    }

    it('unloads an empty room only once its writes are stored, and reloads it', async () => {
      const { server, cookie, inner, store } = g;
      const docId = 'idle-unload';
      const writer = await connectSynced(server.collabUrl, docId, { cookie });
      writer.doc.getText('text').insert(0, 'Premier jet. ');
      await waitFor(async () => storedText(await inner.load(docId)).length > 0, {
        what: 'the first edit stored',
      });

      store.appendGate.close();
      writer.doc.getText('text').insert(0, 'Dernière phrase. ');
      const expected = writer.doc.getText('text').toString();
      await waitFor(() => store.pendingAppends === 1, { what: 'the last append to be held' });
      await leaveThenWaitForIdleTimer(writer, docId);
      const loadsBefore = server.app.rooms.loads;

      // Idle and empty, but its last write is not stored: it stays in memory.
      expect(server.app.rooms.peek(docId)).toBeDefined();
      expect(storedText(await inner.load(docId))).not.toBe(expected);

      store.appendGate.open();
      await waitFor(() => server.app.rooms.peek(docId) === undefined, { what: 'the unload' });
      expect(storedText(await inner.load(docId))).toBe(expected);

      const back = track(await connectSynced(server.collabUrl, docId, { cookie }));
      expect(back.doc.getText('text').toString()).toBe(expected);
      expect(server.app.rooms.loads).toBe(loadsBefore + 1);
    });

    it('gives a join that races the unload the full content, in a live room', async () => {
      const { server, cookie, inner, store } = g;
      const docId = 'idle-race';
      const writer = await connectSynced(server.collabUrl, docId, { cookie });
      writer.doc.getText('text').insert(0, 'Avant. ');
      await waitFor(async () => storedText(await inner.load(docId)).length > 0, {
        what: 'the first edit stored',
      });
      const oldRoom = server.app.rooms.peek(docId);

      store.appendGate.close();
      writer.doc.getText('text').insert(7, 'Pendant. ');
      const expected = writer.doc.getText('text').toString();
      await waitFor(() => store.pendingAppends === 1, { what: 'the last append to be held' });
      await leaveThenWaitForIdleTimer(writer, docId);
      const loadsBefore = server.app.rooms.loads;

      // The room is unloading (held by its last append) when someone joins.
      const racer = track(connectClient(server.collabUrl, docId, { cookie }));
      await waitFor(() => racer.provider.wsconnected, { what: 'the racer to connect' });
      store.appendGate.open();
      await waitFor(() => racer.provider.synced, { what: 'the racer to sync' });
      await waitFor(() => racer.doc.getText('text').toString() === expected, {
        what: 'the racer to hold the full content',
      });

      // It joined a fresh room loaded after the unload, not the one being freed.
      const room = server.app.rooms.peek(docId);
      expect(room).toBeDefined();
      expect(room).not.toBe(oldRoom);
      expect(server.app.rooms.loads).toBe(loadsBefore + 1);
      const witness = track(await connectSynced(server.collabUrl, docId, { cookie }));
      racer.doc.getText('text').insert(0, 'Après. ');
      await waitFor(() => witness.doc.getText('text').toString().startsWith('Après. '), {
        what: "the racer's edit to reach another client",
      });
      await waitFor(async () => storedText(await inner.load(docId)).startsWith('Après. '), {
        what: "the racer's edit to be stored",
      });
    });
  });

  it('refuses an update that would push the document past MAX_DOCUMENT_BYTES with 4409', async () => {
    const { server, cookie, inner } = g;
    const docId = 'size-limit';
    const writer = track(await connectSynced(server.collabUrl, docId, { cookie }));
    const other = track(await connectSynced(server.collabUrl, docId, { cookie }));
    const witness = track(await connectSynced(server.collabUrl, docId, { cookie }));
    let refused: { code: number } | undefined;
    writer.provider.on('closed', (event) => (refused = event));

    const accepted = 'Synthèse. '.repeat(100);
    writer.doc.getText('text').insert(0, accepted);
    await waitFor(() => witness.doc.getText('text').toString() === accepted, {
      what: 'the first, small enough edit',
    });

    writer.doc.getText('text').insert(0, 'x'.repeat(MAX_DOCUMENT_BYTES));
    await waitFor(() => refused !== undefined, { what: 'the writer to be refused' });
    expect(refused?.code).toBe(CloseCode.DocumentTooLarge);
    // 4409 is permanent: the provider does not retry the same oversized edit forever.
    expect(writer.provider.shouldConnect).toBe(false);

    other.doc.getText('text').insert(0, 'Suite. ');
    await waitFor(() => witness.doc.getText('text').toString() === `Suite. ${accepted}`, {
      what: 'the others to keep editing',
    });
    expect(server.app.rooms.peek(docId)?.doc.getText('text').toString()).toBe(`Suite. ${accepted}`);
    await waitFor(async () => storedText(await inner.load(docId)) === `Suite. ${accepted}`, {
      what: 'the store to hold the previous content plus the later edit',
    });
  });
});

describe('heartbeat', () => {
  it('terminates a socket that stops answering pings and keeps the one that answers', async () => {
    // Its own server: a ping interval this short suits only a test that waits for it.
    const server = await startServer({ env: { PING_INTERVAL_MS: '250' } });
    const docId = 'heartbeat';
    const cookie = await openDocuments(server, docId);
    const silent = connectRaw(server.collabUrl, docId, { autoPong: false, cookie });
    const lively = connectRaw(server.collabUrl, docId, { cookie });
    try {
      await Promise.all([silent.opened, lively.opened]);
      let pings = 0;
      lively.ws.on('ping', () => pings++);
      await waitFor(() => server.app.rooms.peek(docId)?.peerCount === 2, { what: 'both joined' });

      const { code } = await silent.waitClosed();
      // Terminated: no close frame, so the client sees an abnormal closure.
      expect(code).toBe(1006);
      const pingsAtDrop = pings;
      await waitFor(() => pings >= pingsAtDrop + 3, {
        what: 'three more pings to the live socket',
      });
      expect(lively.closeInfo).toBeUndefined();
      expect(server.app.rooms.peek(docId)?.peerCount).toBe(1);
    } finally {
      silent.terminate();
      lively.close();
      await server.close();
    }
  });
});

describe('graceful close', () => {
  const dir = tempDir('boussole-close-');
  let inner: SqliteDocStore;
  let store: GatedStore;
  let server: TestServer;
  let cookie = '';
  let official: TestClient | undefined;

  beforeAll(async () => {
    inner = new SqliteDocStore({ file: `${dir}/boussole.sqlite`, synchronous: 'normal' });
    await inner.migrate();
    store = new GatedStore(inner);
    server = await startServer({ store });
    cookie = await openDocuments(server, ...documentIds);
  });

  afterAll(async () => {
    store?.appendGate.open();
    official?.destroy();
    await server?.close();
    await inner?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('closes every socket with 4503 and stores every accepted update first', async () => {
    const docId = 'closing';
    official = await connectSynced(server.collabUrl, docId, { cookie });
    const officialCloses: number[] = [];
    official.provider.on('connection-close', (event) => {
      if (event) officialCloses.push(event.code);
    });

    const raw = connectRaw(server.collabUrl, docId, { cookie });
    await raw.opened;
    const presence = new Awareness(new Y.Doc());
    presence.setLocalState({ user: { name: 'Rédactrice' } });
    await raw.send(encodeAwareness(encodeAwarenessUpdate(presence, [presence.clientID])));
    presence.destroy();
    const writer = rawWriter(raw);

    // One append in flight (held), four more updates queued behind it.
    store.appendGate.close();
    await writer.insert('Un. ');
    await waitFor(() => store.pendingAppends === 1, { what: 'the first append to be held' });
    for (const word of ['Deux. ', 'Trois. ', 'Quatre. ', 'Cinq. ']) await writer.insert(word);
    // The answer to this query comes after every frame sent before it was handled: all five
    // updates were accepted (the socket is still open).
    const mark = raw.received.length;
    await raw.send(Uint8Array.from([3]));
    await waitFor(() => presenceIn(raw.received.slice(mark)).size > 0, { what: 'the barrier' });
    expect(raw.closeInfo).toBeUndefined();

    const closing = server.app.close();
    await waitFor(() => raw.closeInfo !== undefined, { what: 'the raw socket to be closed' });
    store.appendGate.open();
    await closing;

    expect(raw.closeInfo?.code).toBe(CloseCode.ServerShuttingDown);
    await waitFor(() => officialCloses.length > 0, { what: 'the official client to be closed' });
    expect(officialCloses[0]).toBe(CloseCode.ServerShuttingDown);
    expect(storedText(await inner.load(docId))).toBe('Un. Deux. Trois. Quatre. Cinq. ');
    writer.doc.destroy();
  });
});
