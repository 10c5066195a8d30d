// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardDocLayout,
  bindingEndProblem,
  createBoardSchema,
  createYRecord,
  followParentChain,
  readBoardRecords,
} from '@boussole/shared';
import type { DocStore } from '@boussole/server';
import { createJsdomEditor } from '../../client/testing/jsdomEditor.js';
import { putDefaultDocument } from '../../client/testing/boardPeers.js';
import { cardRecord } from '../../client/testing/cardRecords.js';
import { bindStoreToYDoc } from '../../client/src/board/yjsBinding.js';
import { addMember, createAdmin, createBoard, createWorkspace } from '../helpers/accounts.js';
import { connectBoard, type BoardClient } from '../helpers/boardClients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { onEveryStore, type StoreOpener } from '../helpers/storeSuites.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue #12, the shape tree: a contributor's client writes a shape inside itself, two or three
 * shapes inside each other, a shape under a missing parent and a binding to a missing shape.
 * The server refuses each: nobody else ever holds it, the sender's copy is put back and told
 * why. Honest edits made by a real tldraw editor (into a theme, a theme deleted with its
 * cards, a card deleted with its arrow) pass untouched. Real server, sockets and providers,
 * both stores.
 */

/** tldraw's types, named through the client code (tests do not depend on tldraw). */
type Editor = ReturnType<typeof createJsdomEditor>;
type TLShapeId = Extract<Parameters<Editor['reparentShapes']>[0][number], string>;

const records = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(boardDocLayout.records);

/** What is wrong with the board's tree in `doc` right now, if anything. */
function brokenTree(doc: Y.Doc): string | undefined {
  const all = readBoardRecords(doc);
  const lookup = (id: string) => all[id];
  for (const [id, record] of Object.entries(all)) {
    if (record.typeName === 'shape') {
      const chain = followParentChain(id, lookup);
      if (chain.kind !== 'page') return `${id}: ${chain.kind}`;
    } else if (record.typeName === 'binding' && bindingEndProblem(record, lookup)) {
      return `${id}: dangling`;
    }
  }
  return undefined;
}

const arrowEnd = {
  terminal: 'end',
  normalizedAnchor: { x: 0.5, y: 0.5 },
  isExact: false,
  isPrecise: false,
  snap: 'none',
};

function arrowBinding(id: string, fromId: string, toId: string) {
  return createBoardSchema().types.binding.create({
    id: id as `binding:${string}`,
    type: 'arrow',
    fromId: fromId as TLShapeId,
    toId: toId as TLShapeId,
    props: arrowEnd,
  } as never);
}

function structureSuite(name: string, open: StoreOpener) {
  describe(`the server keeps the shape tree sound (${name})`, () => {
    let server: TestServer;
    let store: DocStore;
    let drop: () => Promise<void>;
    let board = '';
    const clients: BoardClient[] = [];
    let alice: BoardClient;
    let bob: BoardClient;
    let mallory: BoardClient;
    let editor: Editor;
    let unbind: () => void = () => {};
    /** Set as soon as an honest participant's document holds a broken tree. */
    const honestSaw: string[] = [];

    const id = (name: string) => `shape:${name}`;
    const craft = (edit: (r: Y.Map<Y.Map<unknown>>) => void) =>
      mallory.doc.transact(() => edit(records(mallory.doc)));
    const room = () => server.app.rooms.peek(board)!;
    /** Waits until the server holds everything `client` wrote, accepted or put back. */
    const received = async (client: BoardClient) => {
      const written = Y.getState(client.doc.store, client.doc.clientID);
      await waitFor(() => Y.getState(room().doc.store, client.doc.clientID) >= written, {
        what: 'the server to receive every write',
      });
      await room().drain();
    };

    beforeAll(async () => {
      ({ store, drop } = await open());
      await store.migrate();
      server = await startServer({ store });
      const url = server.httpUrl;
      const admin = await createAdmin(url, server.app.access.setup.open());
      const workspace = await createWorkspace(url, admin);
      board = await createBoard(url, admin, workspace, 'Atelier arbre');
      const cookie = async (who: string) =>
        (
          await addMember(url, admin, workspace, {
            email: `${who}@ccas.example.fr`,
            displayName: who,
            role: 'contributeur',
          })
        ).cookie;
      alice = await connectBoard(server.collabUrl, board, await cookie('alice'));
      bob = await connectBoard(server.collabUrl, board, await cookie('bob'));
      mallory = await connectBoard(server.collabUrl, board, await cookie('mallory'));
      clients.push(alice, bob, mallory);
      for (const honest of [alice, bob]) {
        honest.doc.on('afterTransaction', () => {
          const broken = brokenTree(honest.doc);
          if (broken) honestSaw.push(broken);
        });
      }
      // Alice works in a real tldraw editor bound to her document, as on the board page.
      editor = createJsdomEditor();
      putDefaultDocument(editor.store);
      const binding = bindStoreToYDoc(editor.store, alice.doc);
      unbind = () => binding.dispose();
      editor.store.put([
        cardRecord(editor.store, 'theme', 't', { x: 0, y: 0 }),
        cardRecord(editor.store, 'observation', 'o1', { x: 700, y: 0 }),
        cardRecord(editor.store, 'observation', 'o2', { x: 700, y: 200 }),
        cardRecord(editor.store, 'observation', 'o3', { x: 700, y: 400 }),
        cardRecord(editor.store, 'observation', 'o4', { x: 1000, y: 400 }),
      ]);
      await received(alice);
      await waitFor(() => records(mallory.doc).has(id('o4')), { what: 'the cards at Mallory' });
    }, 60_000);

    afterAll(async () => {
      unbind();
      editor?.dispose();
      for (const client of clients) client.destroy();
      await server?.close();
      await store?.close();
      await drop?.();
    });

    it('lets cards into a theme and an arrow be bound to a card', async () => {
      editor.reparentShapes([id('o1'), id('o2')] as TLShapeId[], id('t') as TLShapeId);
      editor.createShape({
        id: id('arrow') as TLShapeId,
        type: 'arrow',
        x: 1000,
        y: 300,
        props: { start: { x: 0, y: 0 }, end: { x: -200, y: 150 } },
      } as never);
      editor.createBindings([
        { type: 'arrow', fromId: id('arrow'), toId: id('o3'), props: arrowEnd } as never,
      ]);
      await received(alice);
      await waitFor(() => readBoardRecords(bob.doc)[id('o2')]?.parentId === id('t'), {
        what: 'the cards in the theme at Bob',
      });
      expect(alice.denials).toEqual([]);
      expect(readBoardRecords(room().doc)[id('o1')]?.parentId).toBe(id('t'));
      expect(
        Object.values(readBoardRecords(room().doc)).filter((r) => r.typeName === 'binding'),
      ).toHaveLength(1);
    });

    it('refuses self, pair and longer cycles, a dangling parent and a dangling binding', async () => {
      craft((r) =>
        r.set(
          'shape:self',
          createYRecord({
            ...readBoardRecords(mallory.doc)[id('o3')],
            id: 'shape:self',
            parentId: 'shape:self',
          }),
        ),
      );
      // The theme inside one of its own cards.
      craft((r) => r.get(id('t'))!.set('parentId', id('o1')));
      // A chain of three accepted first, closed by a later update.
      const base = readBoardRecords(mallory.doc)[id('o4')]!;
      craft((r) => {
        r.set('shape:ma', createYRecord({ ...base, id: 'shape:ma' }));
        r.set('shape:mb', createYRecord({ ...base, id: 'shape:mb', parentId: 'shape:ma' }));
        r.set('shape:mc', createYRecord({ ...base, id: 'shape:mc', parentId: 'shape:mb' }));
      });
      craft((r) => r.get('shape:ma')!.set('parentId', 'shape:mc'));
      craft((r) =>
        r.set(
          'shape:orphan',
          createYRecord({ ...base, id: 'shape:orphan', parentId: 'shape:nowhere' }),
        ),
      );
      craft((r) =>
        r.set(
          'binding:dangling',
          createYRecord(arrowBinding('binding:dangling', id('o3'), 'shape:nowhere')),
        ),
      );
      await received(mallory);
      await waitFor(() => mallory.denials.length >= 5, { what: "Mallory's five refusals" });
      await waitFor(() => brokenTree(mallory.doc) === undefined, {
        what: "Mallory's copy put back",
      });

      const denials = mallory.denials.join('\n');
      expect(denials).toMatch(/^Carte refusée : shape:self \(parentId\) : cycle de parents/m);
      expect(denials).toMatch(
        new RegExp(`^Carte refusée : ${id('t')} \\(parentId\\) : cycle`, 'm'),
      );
      expect(denials).toMatch(/^Carte refusée : shape:ma \(parentId\) : cycle/m);
      expect(denials).toMatch(/^Carte refusée : shape:orphan \(parentId\) : parent introuvable/m);
      expect(denials).toMatch(
        /^Carte refusée : binding:dangling \(toId\) : liaison vers une forme introuvable/m,
      );
      expect(mallory.denials).toHaveLength(5);

      const serverRecords = readBoardRecords(room().doc);
      expect(serverRecords[id('t')]?.parentId).toBe('page:page');
      expect(serverRecords['shape:ma']?.parentId).toBe('page:page');
      expect(serverRecords['shape:mc']?.parentId).toBe('shape:mb');
      for (const refused of ['shape:self', 'shape:orphan', 'binding:dangling'])
        expect(serverRecords[refused]).toBeUndefined();
      await waitFor(() => records(bob.doc).has('shape:mc'), {
        what: "Mallory's valid chain at Bob",
      });
      for (const doc of [alice.doc, bob.doc, mallory.doc])
        expect(readBoardRecords(doc)).toEqual(serverRecords);
      expect(brokenTree(room().doc)).toBeUndefined();
      expect(honestSaw).toEqual([]);
      // Alice's editor shows the board as it is, and answers.
      expect(editor.getShapePageTransform(id('o1') as TLShapeId)).toBeDefined();
      expect(editor.getShape(id('t') as TLShapeId)?.parentId).toBe('page:page');
    });

    it('lets tldraw delete a theme with its cards and a card an arrow is bound to', async () => {
      editor.deleteShapes([id('t'), id('o3')] as TLShapeId[]);
      await received(alice);
      const gone = [id('t'), id('o1'), id('o2'), id('o3')];
      await waitFor(() => gone.every((g) => !records(bob.doc).has(g)), {
        what: 'the deletions at Bob',
      });
      const serverRecords = readBoardRecords(room().doc);
      for (const g of gone) expect(serverRecords[g]).toBeUndefined();
      expect(Object.values(serverRecords).filter((r) => r.typeName === 'binding')).toEqual([]);
      expect(alice.denials).toEqual([]);
      expect(bob.denials).toEqual([]);
      expect(honestSaw).toEqual([]);
    });
  });
}

await onEveryStore('tree', structureSuite);
