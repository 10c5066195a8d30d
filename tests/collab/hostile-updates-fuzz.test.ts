import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  boardDocLayout,
  createYRecord,
  decodeFrame,
  encodeSyncStep1,
  encodeUpdate,
  readBoardRecords,
} from '@boussole/shared';
import { createBoardStore, putDefaultDocument } from '../../client/testing/boardPeers.js';
import { cardRecord } from '../../client/testing/cardRecords.js';
import { addMember, createAdmin, createBoard, createWorkspace } from '../helpers/accounts.js';
import { bindTab, connectBoard, type BoardClient } from '../helpers/boardClients.js';
import { deleteRange, itemAtClock } from '../helpers/craftedUpdates.js';
import { gappedUpdate } from '../helpers/gappedUpdates.js';
import { pick, seededRandom } from '../helpers/random.js';
import { connectRaw, type RawClient } from '../helpers/rawClient.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue #12: a structural fuzz that keeps sockets open. Earlier fuzzing closed each socket at
 * its first bad frame, so few hostile updates were ever parsed. Here each hostile contributor
 * sends thousands of well-framed updates the server must refuse, revert or hold — huge clocks,
 * gaps over 2,000 client ids, deletions of ranges nobody wrote, shape cycles, dangling parents
 * and bindings, malformed index keys, undeclared roots, garbage fields — mostly on a socket the
 * server keeps open (it reconnects only when closed, as a provider would). Meanwhile two honest
 * people edit; at the end everyone converges on a board that is whole.
 */

const SEED = 20_261_207;
const SOCKETS = 3;
const FRAMES_PER_SOCKET = 2_000;
const CLIENT_POOL = Array.from({ length: 2_000 }, (_, i) => 5_000_000 + i);

type Op =
  | 'gap'
  | 'huge-clock'
  | 'delete-unknown'
  | 'self-cycle'
  | 'pair-cycle'
  | 'dangling-parent'
  | 'dangling-binding'
  | 'bad-index'
  | 'junk-root'
  | 'garbage-field'
  | 'delete-page'
  | 'valid-card';

const OPS: Op[] = [
  'gap',
  'huge-clock',
  'delete-unknown',
  'delete-unknown',
  'self-cycle',
  'pair-cycle',
  'dangling-parent',
  'dangling-binding',
  'bad-index',
  'junk-root',
  'garbage-field',
  'delete-page',
  'valid-card',
];

/** A raw socket with a Y.Doc kept in step with what the server sends, as a provider would. */
interface Hostile {
  raw: RawClient;
  doc: Y.Doc;
  records: Y.Map<Y.Map<unknown>>;
}

async function connectHostile(server: TestServer, board: string, cookie: string): Promise<Hostile> {
  const raw = connectRaw(server.collabUrl, board, { cookie });
  const doc = new Y.Doc();
  const remote = Symbol('remote');
  let applied = 0;
  const drain = () => {
    for (; applied < raw.received.length; applied++) {
      try {
        const frame = decodeFrame(raw.received[applied]!);
        if (frame.kind === 'sync-step-2' || frame.kind === 'update') {
          Y.applyUpdate(doc, frame.update, remote);
        }
      } catch {
        // Permission-denied notices and the like: not document content.
      }
    }
  };
  raw.ws.on('message', drain);
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== remote && !raw.closeInfo) void raw.send(encodeUpdate(update)).catch(() => {});
  });
  await raw.opened;
  await raw.send(encodeSyncStep1(Y.encodeStateVector(doc)));
  await waitFor(
    () => {
      drain();
      return doc.getMap(boardDocLayout.records).size > 0;
    },
    { what: 'the hostile client synced' },
  );
  return { raw, doc, records: doc.getMap(boardDocLayout.records) };
}

/** Every shape's parent exists and no chain of parents loops; bindings join existing shapes. */
function structuralProblems(records: Record<string, Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const [id, record] of Object.entries(records)) {
    if (record.typeName === 'shape') {
      const seen = new Set<string>([id]);
      let parent = record.parentId as string;
      for (;;) {
        const target = records[parent];
        if (!target) {
          problems.push(`${id}: missing parent`);
          break;
        }
        if (target.typeName === 'page') break;
        if (seen.has(parent)) {
          problems.push(`${id}: cycle`);
          break;
        }
        seen.add(parent);
        parent = target.parentId as string;
      }
    }
    if (record.typeName === 'binding') {
      for (const end of ['fromId', 'toId']) {
        if (records[record[end] as string]?.typeName !== 'shape') problems.push(`${id}: ${end}`);
      }
    }
  }
  return problems;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortedKeys(v)]),
  );
}

describe('hostile updates on sockets that stay open', () => {
  let server: TestServer;
  let board = '';
  const cookies: Record<string, string> = {};
  const open: BoardClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    const url = server.httpUrl;
    cookies.admin = await createAdmin(url, server.app.access.setup.open());
    const workspace = await createWorkspace(url, cookies.admin);
    board = await createBoard(url, cookies.admin, workspace, 'Atelier fuzz');
    for (let i = 0; i < SOCKETS; i++) {
      cookies[`mallory${i}`] = (
        await addMember(url, cookies.admin, workspace, {
          email: `mallory${i}@ccas.example.fr`,
          displayName: `Mallory ${i}`,
          role: 'contributeur',
        })
      ).cookie;
    }
  });

  afterAll(async () => {
    for (const client of open) client.destroy();
    await server?.close();
  });

  it('refuses, reverts or holds every one, and the board stays whole for everyone', async () => {
    const alice = await connectBoard(server.collabUrl, board, cookies.admin!);
    const bob = await connectBoard(server.collabUrl, board, cookies.admin!);
    open.push(alice, bob);
    const aliceTab = bindTab(alice);
    const bobTab = bindTab(bob);
    putDefaultDocument(aliceTab.store);
    aliceTab.store.put(
      Array.from({ length: 6 }, (_, i) =>
        cardRecord(aliceTab.store, 'observation', `seed-${i}`, { x: i * 260 }),
      ),
    );
    await waitFor(() => bob.doc.getMap(boardDocLayout.records).has('shape:seed-5'));

    const random = seededRandom(SEED);
    const factory = createBoardStore();
    const closes = new Map<number, number>();
    let keptOpen = 0;

    const attack = async (who: string, index: number) => {
      let hostile = await connectHostile(server, board, cookies[who]!);
      for (let frame = 0; frame < FRAMES_PER_SOCKET; frame++) {
        if (hostile.raw.closeInfo) {
          const code = hostile.raw.closeInfo.code;
          closes.set(code, (closes.get(code) ?? 0) + 1);
          hostile = await connectHostile(server, board, cookies[who]!);
        }
        const { raw, doc, records } = hostile;
        const shapes = [...records.keys()].filter((id) => id.startsWith('shape:'));
        const someShape = () => pick(random, shapes);
        const op = pick(random, OPS);
        const client = pick(random, CLIENT_POOL);
        const sendRaw = (update: Uint8Array) => raw.send(encodeUpdate(update)).catch(() => {});
        switch (op) {
          case 'gap':
            await sendRaw(gappedUpdate(client, 1 + Math.floor(random() * 64), 'records'));
            break;
          case 'huge-clock':
            await sendRaw(itemAtClock(client, 2 ** 40 + Math.floor(random() * 1e6), 'meta', 'k'));
            break;
          case 'delete-unknown':
            await sendRaw(
              deleteRange(
                client,
                Math.floor(random() * 2 ** 40),
                1 + Math.floor(random() * 2 ** 30),
              ),
            );
            break;
          case 'self-cycle':
            if (shapes.length > 0) {
              const id = someShape();
              records.get(id)?.set('parentId', id);
            }
            break;
          case 'pair-cycle':
            if (shapes.length > 1) {
              const [a, b] = [someShape(), someShape()];
              if (a !== b) {
                doc.transact(() => {
                  records.get(a)?.set('parentId', b);
                  records.get(b)?.set('parentId', a);
                });
              }
            }
            break;
          case 'dangling-parent':
            if (shapes.length > 0) records.get(someShape())?.set('parentId', 'shape:nowhere');
            break;
          case 'dangling-binding':
            records.set(
              `binding:f${index}-${frame}`,
              createYRecord({
                id: `binding:f${index}-${frame}`,
                typeName: 'binding',
                type: 'arrow',
                fromId: 'shape:nowhere',
                toId: shapes[0] ?? 'shape:nowhere',
                props: {
                  terminal: 'start',
                  normalizedAnchor: { x: 0.5, y: 0.5 },
                  isExact: false,
                  isPrecise: false,
                },
                meta: {},
              }),
            );
            break;
          case 'bad-index':
            if (shapes.length > 0) records.get(someShape())?.set('index', '!!not an index');
            break;
          case 'junk-root':
            doc
              .getMap(`junk${Math.floor(random() * 5)}`)
              .set('k', 'x'.repeat(1 + Math.floor(random() * 2048)));
            break;
          case 'garbage-field':
            if (shapes.length > 0) records.get(someShape())?.set('x', 'not a number');
            break;
          case 'delete-page':
            records.delete('page:page');
            break;
          case 'valid-card':
            records.set(
              `shape:m${index}-${frame}`,
              createYRecord(cardRecord(factory, 'observation', `m${index}-${frame}`, { x: frame })),
            );
            break;
        }
        if (!hostile.raw.closeInfo) keptOpen++;
      }
      hostile.raw.close();
    };

    // Honest people keep working throughout.
    let honest = 0;
    let attacking = true;
    const honestWork = (async () => {
      while (attacking) {
        const tab = honest % 2 === 0 ? aliceTab : bobTab;
        tab.store.put([cardRecord(tab.store, 'hypothesis', `honest-${honest}`, { y: 400 })]);
        honest++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await Promise.all(Array.from({ length: SOCKETS }, (_, i) => attack(`mallory${i}`, i)));
    attacking = false;
    await honestWork;

    // Most frames were parsed on a socket the server kept open.
    expect(keptOpen).toBeGreaterThan(SOCKETS * FRAMES_PER_SOCKET * 0.8);
    for (const code of closes.keys()) expect([CloseCode.IncompleteUpdates]).toContain(code);

    // Everyone converges on the newcomer's state, which is whole and holds nothing pending.
    const newcomer = await connectBoard(server.collabUrl, board, cookies.admin!);
    open.push(newcomer);
    const expected = `honest-${honest - 1}`;
    await waitFor(
      () =>
        [alice, bob, newcomer].every((c) =>
          c.doc.getMap(boardDocLayout.records).has(`shape:${expected}`),
        ),
      { what: 'the last honest card everywhere' },
    );
    // Key order of a map may differ between peers; its content may not.
    const state = (c: BoardClient) => JSON.stringify(sortedKeys(readBoardRecords(c.doc)));
    await waitFor(() => state(alice) === state(newcomer) && state(bob) === state(newcomer), {
      what: 'convergence',
    });
    const records = readBoardRecords(newcomer.doc) as Record<string, Record<string, unknown>>;
    expect(structuralProblems(records)).toEqual([]);
    expect(records['page:page']).toBeDefined();
    expect(newcomer.doc.store.pendingStructs).toBeNull();
    expect(newcomer.doc.store.pendingDs).toBeNull();
    // Undeclared roots were emptied before anyone received them (only tombstones remain).
    for (const name of newcomer.doc.share.keys()) {
      if (name.startsWith('junk')) expect(newcomer.doc.getMap(name).size).toBe(0);
    }
    for (let i = 0; i < honest; i++) expect(records[`shape:honest-${i}`]).toBeDefined();
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);
  });
});
