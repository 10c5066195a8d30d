import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { StoredDoc } from '@boussole/server';
import { decodeFrame, encodeAwareness, encodeSyncStep1 } from '@boussole/shared';
import { connectSynced } from '../helpers/clients.js';
import { gatedServerHooks } from '../helpers/gatedStore.js';
import { connectRaw, type RawClient } from '../helpers/rawClient.js';
import { waitFor } from '../helpers/wait.js';

const SECRET = 'pas encore enregistré';

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

function textOf(updates: Uint8Array[]): string {
  const doc = docOf(updates);
  const text = doc.getText('text').toString();
  doc.destroy();
  return text;
}

/** The Yjs payloads of the sync step 2 and update frames among `frames`. */
function documentPayloads(frames: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const frame of frames) {
    const decoded = decodeFrame(frame);
    if (decoded.kind === 'sync-step-2' || decoded.kind === 'update') out.push(decoded.update);
  }
  return out;
}

/**
 * A raw client that asks for the whole document (sync step 1 from an empty state vector) and
 * has a presence of its own, so that a query-awareness (type 3) is always answered. Frames on one socket arrive in order: once the answer to a query sent now is in,
 * anything the server sent before it is in too. That is the barrier that lets a test say
 * "not received" without waiting an arbitrary time.
 */
async function presentRawClient(collabUrl: string, docId: string, name: string, cookie: string) {
  const client = connectRaw(collabUrl, docId, { cookie });
  await client.opened;
  const presence = new Awareness(new Y.Doc());
  presence.setLocalState({ user: { name } });
  await client.send(encodeAwareness(encodeAwarenessUpdate(presence, [presence.clientID])));
  presence.destroy();
  await client.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
  return client;
}

async function barrier(client: RawClient): Promise<number> {
  const mark = client.received.length;
  await client.send(Uint8Array.from([3]));
  await waitFor(
    () => client.received.slice(mark).some((f) => decodeFrame(f).kind === 'awareness'),
    { what: 'the answer to a query-awareness' },
  );
  return client.received.length;
}

describe('persist, then broadcast', () => {
  const g = gatedServerHooks('boussole-persist-', ['persist-broadcast', 'persist-join']);
  const { clients, raws } = g;

  it('sends an edit to no one while its append is pending, and to everyone once stored', async () => {
    const { server, cookie, inner, store } = g;
    const docId = 'persist-broadcast';
    const writer = await connectSynced(server.collabUrl, docId, { cookie });
    const observer = await connectSynced(server.collabUrl, docId, { cookie });
    clients.push(writer, observer);
    writer.doc.getText('text').insert(0, 'Ordre du jour. ');
    await waitFor(() => observer.doc.getText('text').length > 0, { what: 'a first edit' });

    const raw = await presentRawClient(server.collabUrl, docId, 'Observatrice', cookie);
    raws.push(raw);
    await barrier(raw);

    // At the moment each observer receives something, snapshot what the store holds.
    // better-sqlite3 runs the query synchronously inside load(), so the snapshot is that
    // instant's committed state.
    const storedAtReceipt = new Map<number, Promise<StoredDoc>>();
    raw.ws.on('message', () => storedAtReceipt.set(raw.received.length - 1, inner.load(docId)));
    const storedAtObserver: Promise<StoredDoc>[] = [];
    observer.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === observer.provider) storedAtObserver.push(inner.load(docId));
    });
    const mark = raw.received.length;

    store.appendGate.close();
    writer.doc.getText('text').insert(0, SECRET);
    await waitFor(() => store.pendingAppends === 1, { what: 'the append to be held' });

    // Everything the server sent the raw observer up to now has arrived: none of it is the edit.
    const upTo = await barrier(raw);
    expect(upTo).toBeGreaterThan(mark);
    expect(textOf(documentPayloads(raw.received.slice(0, upTo)))).not.toContain(SECRET);
    expect(observer.doc.getText('text').toString()).not.toContain(SECRET);
    expect(textOf((await inner.load(docId)).updates)).not.toContain(SECRET);

    store.appendGate.open();
    await waitFor(() => observer.doc.getText('text').toString().includes(SECRET), {
      what: 'the observer to receive the edit once stored',
    });
    await waitFor(() => textOf(documentPayloads(raw.received)).includes(SECRET), {
      what: 'the raw observer to receive the edit once stored',
    });

    // Whenever either observer received the edit, the row was already in the store.
    const receivedAt = raw.received.findIndex((_, i) =>
      textOf(documentPayloads(raw.received.slice(0, i + 1))).includes(SECRET),
    );
    expect(receivedAt).toBeGreaterThanOrEqual(upTo);
    const atRaw = await storedAtReceipt.get(receivedAt);
    expect(textOf(atRaw?.updates ?? [])).toContain(SECRET);
    const atObserver = await Promise.all(storedAtObserver);
    expect(atObserver.length).toBeGreaterThan(0);
    for (const stored of atObserver) expect(textOf(stored.updates)).toContain(SECRET);
  });

  it('does not put an uncommitted edit in the sync step 2 of someone joining meanwhile', async () => {
    const { server, cookie, inner, store } = g;
    const docId = 'persist-join';
    const writer = await connectSynced(server.collabUrl, docId, { cookie });
    clients.push(writer);
    writer.doc.getText('text').insert(0, 'Déjà enregistré. ');
    await waitFor(async () => textOf((await inner.load(docId)).updates).length > 0, {
      what: 'the first edit to be stored',
    });

    store.appendGate.close();
    writer.doc.getText('text').insert(0, SECRET);
    await waitFor(() => store.pendingAppends === 1, { what: 'the append to be held' });

    // A newcomer joins and asks for the whole document while the append is held.
    const joiner = await presentRawClient(server.collabUrl, docId, 'Arrivant', cookie);
    raws.push(joiner);
    const upTo = await barrier(joiner);
    expect(textOf(documentPayloads(joiner.received.slice(0, upTo)))).not.toContain(SECRET);

    store.appendGate.open();
    await waitFor(() => textOf(documentPayloads(joiner.received)).includes(SECRET), {
      what: 'the joiner to receive the edit once stored',
    });
    // It got the committed content too, not only the late edit.
    expect(textOf(documentPayloads(joiner.received))).toBe(writer.doc.getText('text').toString());
  });
});
