import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardDocLayout, createYRecord, readBoardRecords } from '@boussole/shared';
import { SqliteDocStore } from '@boussole/server';
import { documentRecordsOf, putDefaultDocument } from '../../client/testing/boardPeers.js';
import { cardRecord } from '../../client/testing/cardRecords.js';
import { addMember, createAdmin, createBoard, createWorkspace } from '../helpers/accounts.js';
import { bindTab, connectBoard, type BoardClient, type BoardTab } from '../helpers/boardClients.js';
import { GatedStore } from '../helpers/gatedStore.js';
import { startServer, tempDir, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { canonicalState } from '../helpers/yjsState.js';

type TLRecord = ReturnType<typeof documentRecordsOf>[string];

/**
 * Issue #4, server-side validation of board content: a contributor's client that writes
 * invalid records (bad props, a missing field, an unknown shape type) sees them reverted;
 * nobody else ever receives them, they are not stored, and the sender is told why. Real server,
 * official y-websocket providers, the real tldraw binding for the honest clients.
 */

const records = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(boardDocLayout.records);

/** The verbatim of a refused card: personal data that must not be stored anywhere. */
const refusedVerbatim = 'Verbatim refusé nº 7f3a9c';

/** Ids that must never appear anywhere but in the crafted client's own copy. */
const invalidIds = ['shape:bad-source', 'shape:no-verbatim', 'shape:sticker', 'shape:batch-bad'];

/** True when `doc` holds any refused content at this instant. */
function holdsRefusedContent(doc: Y.Doc): boolean {
  const all = readBoardRecords(doc);
  if (invalidIds.some((id) => all[id] !== undefined)) return true;
  return Object.values(all).some(
    (record) => (record.props as Record<string, unknown> | undefined)?.source === 'blog',
  );
}

describe('the server validates board content', () => {
  const dir = tempDir();
  const sqliteFile = path.join(dir, 'boussole.sqlite');
  let store: GatedStore;
  let server: TestServer;
  let board = '';
  let admin = '';
  const cookies: Record<'alice' | 'bob' | 'mallory', string> = { alice: '', bob: '', mallory: '' };
  const open: BoardClient[] = [];
  const connect = async (who: keyof typeof cookies) => {
    const client = await connectBoard(server.collabUrl, board, cookies[who]);
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    store = new GatedStore(new SqliteDocStore({ file: sqliteFile, synchronous: 'normal' }));
    await store.migrate();
    server = await startServer({ store });
    const url = server.httpUrl;
    admin = await createAdmin(url, server.app.access.setup.open());
    const workspace = await createWorkspace(url, admin);
    board = await createBoard(url, admin, workspace, 'Atelier validation');
    for (const name of ['alice', 'bob', 'mallory'] as const) {
      const member = await addMember(url, admin, workspace, {
        email: `${name}@ccas.example.fr`,
        displayName: name,
        role: 'contributeur',
      });
      cookies[name] = member.cookie;
    }
  });

  afterAll(async () => {
    for (const client of open) client.destroy();
    await server?.close();
    await store?.close();
  });

  let alice: BoardClient;
  let aliceTab: BoardTab;
  let valid: Record<string, TLRecord>;

  it('accepts cards written by the real binding untouched', async () => {
    alice = await connect('alice');
    aliceTab = bindTab(alice);
    putDefaultDocument(aliceTab.store);
    aliceTab.store.put([
      cardRecord(aliceTab.store, 'observation', 'o1'),
      cardRecord(aliceTab.store, 'hypothesis', 'h1', { x: 300 }),
      cardRecord(aliceTab.store, 'recommendation', 'r1', { x: 600 }),
    ]);
    valid = documentRecordsOf(aliceTab.store);
    expect(Object.keys(valid)).toHaveLength(5);

    const room = () => server.app.rooms.peek(board);
    await waitFor(() => Object.keys(readBoardRecords(room()?.doc ?? new Y.Doc())).length === 5, {
      what: 'the cards on the server',
    });
    await room()?.drain();
    expect(readBoardRecords(room()!.doc)).toEqual(valid);
    expect(alice.denials).toEqual([]);
    expect(aliceTab.rejections).toEqual([]);
  });

  let bob: BoardClient;
  let bobTab: BoardTab;
  let mallory: BoardClient;
  /** Set as soon as Alice's or Bob's document holds refused content, even for one transaction. */
  let honestSawRefused = false;

  it('reverts invalid records everywhere, tells the sender, and keeps a concurrent valid edit', async () => {
    bob = await connect('bob');
    bobTab = bindTab(bob);
    for (const honest of [alice, bob]) {
      honest.doc.on('afterTransaction', () => {
        honestSawRefused ||= holdsRefusedContent(honest.doc);
      });
    }
    mallory = await connect('mallory');
    const observation = valid['shape:o1'] as TLRecord & { props: Record<string, unknown> };
    const { verbatim: _missing, ...noVerbatim } = observation.props;

    // Mallory's client writes straight into the Y.Doc, bypassing tldraw's validation, in the
    // same tick as Bob's valid edit of the same card: the two edits are concurrent.
    const malloryRecords = records(mallory.doc);
    mallory.doc.transact(() => {
      malloryRecords.set(
        'shape:bad-source',
        createYRecord({
          ...observation,
          id: 'shape:bad-source',
          props: { ...observation.props, verbatim: refusedVerbatim, source: 'blog' },
        }),
      );
    });
    mallory.doc.transact(() => {
      malloryRecords.set(
        'shape:no-verbatim',
        createYRecord({ ...observation, id: 'shape:no-verbatim', props: noVerbatim }),
      );
    });
    mallory.doc.transact(() => {
      malloryRecords.set(
        'shape:sticker',
        createYRecord({ ...observation, id: 'shape:sticker', type: 'autocollant' }),
      );
    });
    mallory.doc.transact(() => {
      (malloryRecords.get('shape:o1')?.get('props') as Y.Map<unknown>).set('source', 'blog');
    });
    const bobCard = bobTab.store.get(observation.id as TLRecord['id']) as typeof observation;
    bobTab.store.put([
      { ...bobCard, props: { ...bobCard.props, commune: 'Saint-Aubin' } } as unknown as TLRecord,
    ]);

    await waitFor(() => mallory.denials.length >= 4, { what: 'four refusals for Mallory' });
    await waitFor(() => !holdsRefusedContent(mallory.doc), { what: "Mallory's copy reverted" });
    const expectedCard = {
      ...observation,
      props: { ...observation.props, commune: 'Saint-Aubin' },
    };
    const converged = () =>
      [alice, bob, mallory].every(
        (c) => JSON.stringify(readBoardRecords(c.doc)['shape:o1']) === JSON.stringify(expectedCard),
      );
    await waitFor(converged, { what: 'everyone holding the card with Bob’s edit' });
    await server.app.rooms.peek(board)?.drain();

    expect(mallory.denials.join('\n')).toMatch(
      /^Carte refusée : shape:bad-source \(props\.source\)/m,
    );
    expect(mallory.denials.join('\n')).toMatch(
      /^Carte refusée : shape:no-verbatim \(props\.verbatim\)/m,
    );
    expect(mallory.denials.join('\n')).toMatch(/^Carte refusée : shape:sticker/m);
    expect(mallory.denials.join('\n')).toMatch(/^Carte refusée : shape:o1 \(props\.source\)/m);
    const serverDoc = server.app.rooms.peek(board)!.doc;
    for (const doc of [serverDoc, alice.doc, bob.doc, mallory.doc]) {
      expect(readBoardRecords(doc)).toEqual({ ...valid, 'shape:o1': expectedCard });
    }
    expect(canonicalState(mallory.doc)).toEqual(canonicalState(serverDoc));
    expect(honestSawRefused).toBe(false);
    expect(bob.denials).toEqual([]);
    expect(bobTab.rejections).toEqual([]);
    expect(aliceTab.rejections).toEqual([]);
    expect(documentRecordsOf(aliceTab.store)['shape:o1']).toEqual(expectedCard);
  });

  it('judges each update of a shared commit on its own: a valid one beside a refused one stays', async () => {
    const room = server.app.rooms.peek(board)!;
    let submitted = 0;
    const submit = room.submitUpdate.bind(room);
    room.submitUpdate = (update, from) => {
      submitted++;
      return submit(update, from);
    };
    // Hold the commit of a first edit: the next two updates wait for it and share one batch.
    store.appendGate.close();
    const appendsBefore = store.appendCalls;
    const card = aliceTab.store.get('shape:h1' as TLRecord['id']) as TLRecord & { x: number };
    aliceTab.store.put([{ ...card, x: card.x + 20 } as TLRecord]);
    await waitFor(() => store.pendingAppends === 1, { what: "Alice's commit held" });
    const bad = { ...(valid['shape:o1'] as TLRecord & { props: object }) };
    records(mallory.doc).set(
      'shape:batch-bad',
      createYRecord({ ...bad, id: 'shape:batch-bad', props: { ...bad.props, h: 0 } }),
    );
    bobTab.store.put([cardRecord(bobTab.store, 'indicator', 'i1', { x: 900 })]);
    await waitFor(() => submitted >= 3, { what: 'both updates queued behind the held commit' });
    store.appendGate.open();

    await waitFor(() => mallory.denials.length === 5, { what: 'the refusal' });
    await waitFor(() => [alice, bob, mallory].every((c) => records(c.doc).has('shape:i1')), {
      what: "Bob's indicator everywhere",
    });
    await room.drain();
    // One commit for Alice's edit, one for the batch of Bob's and Mallory's updates.
    expect(store.appendCalls - appendsBefore).toBe(2);
    expect(mallory.denials[4]).toMatch(/^Carte refusée : shape:batch-bad \(props\.h\)/);
    expect(bob.denials).toEqual([]);
    for (const doc of [room.doc, alice.doc, bob.doc, mallory.doc]) {
      expect(records(doc).has('shape:batch-bad')).toBe(false);
    }
    expect(honestSawRefused).toBe(false);
    valid = documentRecordsOf(bobTab.store);
    expect(readBoardRecords(room.doc)).toEqual(valid);
  });

  it('stores none of it: a fresh client after a restart loads the valid board only', async () => {
    for (const client of open.splice(0)) client.destroy();
    await server.close();
    server = await startServer({ store });
    const stored = await store.load(board);
    const fromStorage = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(fromStorage, update);
    expect(holdsRefusedContent(fromStorage)).toBe(false);
    // Not even as deleted content: Yjs garbage-collects what the revert removed.
    const storedText = Buffer.concat(stored.updates).toString('utf8');
    expect(storedText).not.toContain(refusedVerbatim);
    // (Record ids stay, as keys of the records map; ids are not content.)
    expect(storedText).not.toContain('autocollant');
    expect(Object.keys(readBoardRecords(fromStorage)).sort()).toEqual(Object.keys(valid).sort());

    const fresh = await connect('bob');
    expect(holdsRefusedContent(fresh.doc)).toBe(false);
    const tab = bindTab(fresh);
    expect(tab.rejections).toEqual([]);
    expect(Object.keys(documentRecordsOf(tab.store)).sort()).toEqual(Object.keys(valid).sort());
  });
});
