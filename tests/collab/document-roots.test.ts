import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  boardDocLayout,
  decodePermissionDenied,
  fragmentToJson,
  plainText,
  readBoardRecords,
  reportDocLayout,
} from '@boussole/shared';
import type { DocStore } from '@boussole/server';
import { cardRecord } from '../../client/testing/cardRecords.js';
import { putDefaultDocument } from '../../client/testing/boardPeers.js';
import {
  addMember,
  call,
  createAdmin,
  createBoard,
  createLink,
  createWorkspace,
  redeemLink,
} from '../helpers/accounts.js';
import { bindTab } from '../helpers/boardClients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { onEveryStore, type StoreOpener } from '../helpers/storeSuites.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue #12, root-level types: every kind of document holds its declared root types only. A
 * contributor guest who writes a 1 MB map `unvalidated` beside a board's records, or an
 * animateur a 100 KB one beside the report's text, sees it emptied and is told why; nobody else
 * ever receives a byte of it, and storage keeps none of it. Content hidden in a declared root
 * under the wrong shape (list items in the records map, keyed entries on the report's
 * fragment) goes the same way. Real server, real sockets, official providers, both stores.
 */

/** Sockets that record every frame they receive, to inspect what others were sent. */
interface Participant {
  doc: Y.Doc;
  provider: WebsocketProvider;
  frames: Buffer[];
  denials: string[];
  /** Whether any frame received so far contains `text`. */
  received(text: string): boolean;
  destroy(): void;
}

async function join(collabUrl: string, docId: string, cookie: string): Promise<Participant> {
  const doc = new Y.Doc();
  const frames: Buffer[] = [];
  const denials: string[] = [];
  class Recording extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
      this.on('message', (data: Buffer | ArrayBuffer) => {
        const frame = Buffer.from(data as ArrayBuffer);
        frames.push(frame);
        const reason = decodePermissionDenied(new Uint8Array(frame));
        if (reason !== undefined) denials.push(reason);
      });
    }
  }
  const provider = new WebsocketProvider(collabUrl, docId, doc, {
    WebSocketPolyfill: Recording as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await waitFor(() => provider.synced, { what: `synced on ${docId}` });
  return {
    doc,
    provider,
    frames,
    denials,
    received: (text) => frames.some((frame) => frame.includes(text)),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Live (not deleted) items directly in a root, keyed and listed alike. */
function liveItemsIn(doc: Y.Doc, name: string): number {
  const type = doc.share.get(name);
  if (!type) return 0;
  let count = 0;
  for (const item of type._map.values()) if (!item.deleted) count++;
  for (let item = type._start; item; item = item.right) if (!item.deleted) count++;
  return count;
}

/** Everything stored for a document, as one buffer and as the document it loads into. */
async function stored(store: DocStore, docId: string): Promise<{ bytes: Buffer; doc: Y.Doc }> {
  const { updates } = await store.load(docId);
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return { bytes: Buffer.concat(updates), doc };
}

/** ASCII canaries: any copy of the refused content, even one frame of it, contains them. */
const boardCanary = 'Contenu-hors-tableau-7d41c2';
const hiddenCanary = 'Liste-cachee-dans-records-5be830';
const reportCanary = 'Contenu-hors-rapport-a93f05';
const fragmentCanary = 'Cle-cachee-sur-le-texte-0c6d2e';

function filler(canary: string, bytes: number): string {
  return `${canary} `.repeat(Math.ceil(bytes / (canary.length + 1)));
}

const listInsert = Y.Array.prototype.insert as (
  this: unknown,
  at: number,
  items: unknown[],
) => void;
const mapSet = Y.Map.prototype.set as (this: unknown, key: string, value: unknown) => void;

function rootSuite(name: string, openStore: StoreOpener) {
  describe(`only declared root types are kept (${name})`, () => {
    let store: DocStore;
    let drop: () => Promise<void> = async () => {};
    let server: TestServer;
    let workspace = '';
    let admin = '';
    const open: Participant[] = [];
    const participate = async (docId: string, cookie: string) => {
      const participant = await join(server.collabUrl, docId, cookie);
      open.push(participant);
      return participant;
    };

    beforeAll(async () => {
      ({ store, drop } = await openStore());
      await store.migrate();
      server = await startServer({ store });
      admin = await createAdmin(server.httpUrl, server.app.access.setup.open());
      workspace = await createWorkspace(server.httpUrl, admin);
    });

    afterAll(async () => {
      for (const participant of open) participant.destroy();
      await server?.close();
      await store?.close();
      await drop();
    });

    it('a guest’s 1 MB map beside a board’s records reaches no one and is not stored', async () => {
      const board = await createBoard(server.httpUrl, admin, workspace, 'Atelier racines');
      const member = (who: string) =>
        addMember(server.httpUrl, admin, workspace, {
          email: `${who}-${name}@ccas.example.fr`,
          displayName: who,
          role: 'contributeur',
        }).then((m) => m.cookie);
      const link = await createLink(server.httpUrl, admin, workspace, { role: 'contributeur' });
      const guest = await redeemLink(server.httpUrl, link.token, 'Habitant invité');

      const alice = await participate(board, await member('alice'));
      const bob = await participate(board, await member('bob'));
      const mallory = await participate(board, guest);
      const aliceTab = bindTab(alice);
      putDefaultDocument(aliceTab.store);
      let honestHeldIt = false;
      for (const honest of [alice, bob]) {
        honest.doc.on('afterTransaction', () => {
          honestHeldIt ||=
            liveItemsIn(honest.doc, 'unvalidated') > 0 ||
            liveItemsIn(honest.doc, boardDocLayout.records) !==
              honest.doc.getMap(boardDocLayout.records).size;
        });
      }

      // The guest's client writes straight into the Y.Doc, in the same tick as Alice's card.
      mallory.doc.getMap('unvalidated').set('blob', filler(boardCanary, 1_000_000));
      listInsert.call(mallory.doc.getMap(boardDocLayout.records), 0, [
        { hidden: filler(hiddenCanary, 10_000) },
      ]);
      aliceTab.store.put([cardRecord(aliceTab.store, 'observation', 'root-o1')]);

      await waitFor(() => mallory.denials.length >= 2, { what: 'the guest told twice' });
      await waitFor(
        () =>
          liveItemsIn(mallory.doc, 'unvalidated') === 0 &&
          liveItemsIn(mallory.doc, boardDocLayout.records) ===
            mallory.doc.getMap(boardDocLayout.records).size,
        { what: 'the guest’s own copy emptied' },
      );
      await waitFor(() => readBoardRecords(bob.doc)['shape:root-o1'] !== undefined, {
        what: 'Alice’s card at Bob’s',
      });
      const room = server.app.rooms.peek(board)!;
      await room.drain();

      expect(mallory.denials.join('\n')).toMatch(
        /^Contenu refusé : root:unvalidated : ce document ne contient que les cartes et les réglages du tableau/m,
      );
      expect(mallory.denials.join('\n')).toMatch(/^Contenu refusé : root:records : /m);
      // Nobody else received a byte of it, nor held it for one transaction.
      for (const honest of [alice, bob]) {
        expect(honest.received(boardCanary)).toBe(false);
        expect(honest.received(hiddenCanary)).toBe(false);
        expect(honest.denials).toEqual([]);
        expect(liveItemsIn(honest.doc, 'unvalidated')).toBe(0);
      }
      expect(honestHeldIt).toBe(false);
      expect(aliceTab.rejections).toEqual([]);
      for (const doc of [room.doc, alice.doc, bob.doc, mallory.doc]) {
        expect(Object.keys(readBoardRecords(doc))).toContain('shape:root-o1');
      }

      // Storage holds none of it, not even as deleted content.
      const { bytes, doc } = await stored(store, board);
      expect(bytes.includes(boardCanary)).toBe(false);
      expect(bytes.includes(hiddenCanary)).toBe(false);
      expect(bytes.length).toBeLessThan(100_000);
      expect(liveItemsIn(doc, 'unvalidated')).toBe(0);
      expect(readBoardRecords(doc)['shape:root-o1']).toEqual(
        readBoardRecords(alice.doc)['shape:root-o1'],
      );

      // A newcomer receives none of it either.
      const carol = await participate(board, await member('carol'));
      expect(carol.received(boardCanary)).toBe(false);
      expect(carol.received(hiddenCanary)).toBe(false);
      expect(carol.frames.reduce((sum, frame) => sum + frame.length, 0)).toBeLessThan(100_000);
    });

    it('an animateur’s map beside the report’s text reaches no one and is not stored', async () => {
      const report = (
        await call<{ id: string }>(server.httpUrl, 'POST', `/api/workspaces/${workspace}/report`, {
          cookie: admin,
        })
      ).body.id;
      const member = (who: string, role: string, instances: string[] = []) =>
        addMember(server.httpUrl, admin, workspace, {
          email: `${who}-report-${name}@ccas.example.fr`,
          displayName: who,
          role,
          instances,
        }).then((m) => m.cookie);
      const drafter = await participate(
        report,
        await member('dora', 'contributeur', ['comite_redaction']),
      );
      const animateur = await participate(report, await member('anne', 'animateur'));
      const fragment = (p: Participant) => p.doc.getXmlFragment(reportDocLayout.fragment);
      let drafterHeldIt = false;
      drafter.doc.on('afterTransaction', () => {
        drafterHeldIt ||=
          liveItemsIn(drafter.doc, 'unvalidated') > 0 ||
          [...fragment(drafter)._map.values()].some((item) => !item.deleted);
      });

      animateur.doc.getMap('unvalidated').set('blob', filler(reportCanary, 100_000));
      mapSet.call(fragment(animateur), 'hidden', filler(fragmentCanary, 5_000));
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Une phrase honnête.')]);
      fragment(drafter).insert(0, [paragraph]);

      await waitFor(() => animateur.denials.length >= 2, { what: 'the animateur told twice' });
      const liveKeys = (p: Participant) =>
        [...fragment(p)._map.values()].filter((item) => !item.deleted).length;
      await waitFor(
        () => liveItemsIn(animateur.doc, 'unvalidated') === 0 && liveKeys(animateur) === 0,
        { what: 'the animateur’s own copy emptied' },
      );
      await waitFor(
        () => plainText(fragmentToJson(fragment(animateur))).includes('Une phrase honnête.'),
        { what: 'the drafter’s sentence at the animateur’s' },
      );
      const room = server.app.rooms.peek(report)!;
      await room.drain();

      expect(animateur.denials.join('\n')).toMatch(
        /^Contenu du rapport refusé : root:unvalidated : ce document ne contient que le texte du rapport/m,
      );
      expect(animateur.denials.join('\n')).toMatch(
        new RegExp(`^Contenu du rapport refusé : root:${reportDocLayout.fragment} : `, 'm'),
      );
      expect(drafter.received(reportCanary)).toBe(false);
      expect(drafter.received(fragmentCanary)).toBe(false);
      expect(drafter.denials).toEqual([]);
      expect(drafterHeldIt).toBe(false);
      expect(liveKeys(drafter)).toBe(0);
      expect(plainText(fragmentToJson(fragment(drafter)))).toContain('Une phrase honnête.');

      const { bytes, doc } = await stored(store, report);
      expect(bytes.includes(reportCanary)).toBe(false);
      expect(bytes.includes(fragmentCanary)).toBe(false);
      expect(liveItemsIn(doc, 'unvalidated')).toBe(0);
      expect(plainText(fragmentToJson(doc.getXmlFragment(reportDocLayout.fragment)))).toContain(
        'Une phrase honnête.',
      );
    });
  });
}

await onEveryStore('roots', rootSuite);
