import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectSynced, type TestClient } from '../helpers/clients.js';
import { seededRandom } from '../helpers/random.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { canonicalState as canonical } from '../helpers/yjsState.js';
import { openDocuments } from '../helpers/collabAccess.js';

function randomEdit(doc: Y.Doc, random: () => number, n: number): void {
  const text = doc.getText('text');
  const map = doc.getMap('cards');
  const list = doc.getArray<string>('list');
  const roll = random();
  if (roll < 0.35) {
    text.insert(Math.floor(random() * (text.length + 1)), `é${n}`);
  } else if (roll < 0.5 && text.length > 0) {
    const at = Math.floor(random() * text.length);
    text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 3)));
  } else if (roll < 0.75) {
    map.set(`card-${Math.floor(random() * 15)}`, { x: Math.floor(random() * 1000), n });
  } else if (roll < 0.85) {
    map.delete(`card-${Math.floor(random() * 15)}`);
  } else if (roll < 0.95) {
    list.insert(Math.floor(random() * (list.length + 1)), [`item${n}`]);
  } else if (list.length > 0) {
    list.delete(Math.floor(random() * list.length), 1);
  }
}

describe('20 official y-websocket clients editing one document', () => {
  let server: TestServer;
  let cookie = '';
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it.each([1, 20260917])('converge to the server state (seed %i)', async (seed) => {
    const docId = `convergence-${seed}`;
    const random = seededRandom(seed);
    const mine: TestClient[] = [];
    cookie = await openDocuments(server, docId);
    for (let i = 0; i < 20; i++)
      mine.push(await connectSynced(server.collabUrl, docId, { cookie }));
    clients.push(...mine);

    // Rounds of random edits by random clients, interleaved with the event loop so that
    // updates cross on the wire and the server batches them.
    for (let round = 0; round < 40; round++) {
      const editors = 1 + Math.floor(random() * 6);
      for (let e = 0; e < editors; e++) {
        const client = mine[Math.floor(random() * mine.length)] as TestClient;
        randomEdit(client.doc, random, round * 100 + e);
      }
      if (random() < 0.5) await new Promise((resolve) => setImmediate(resolve));
    }

    await waitFor(
      () => {
        const room = server.app.rooms.peek(docId);
        if (!room) return false;
        const reference = canonical(room.doc);
        return mine.every((c) => canonical(c.doc).equals(reference));
      },
      { timeoutMs: 20_000, what: 'all 20 clients to equal the server' },
    );
    const room = server.app.rooms.peek(docId);
    expect(room).toBeDefined();
    const serverState = canonical(room!.doc);
    for (const c of mine) expect(canonical(c.doc).equals(serverState)).toBe(true);
    // The run did edit something; identical empty documents would prove nothing.
    expect(room!.doc.getText('text').length + room!.doc.getMap('cards').size).toBeGreaterThan(0);

    // What the server committed is that same state: a fresh client loading it agrees.
    const late = await connectSynced(server.collabUrl, docId, { cookie });
    clients.push(late);
    expect(canonical(late.doc).equals(serverState)).toBe(true);
  });
});
