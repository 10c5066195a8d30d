import { randomUUID } from 'node:crypto';
import {
  boardDocumentRecord,
  boardPageRecord,
  boardRecordsMap,
  cardShapeId,
  cardShapeRecord,
  createYRecord,
  defaultBoardPageId,
  readBoardRecords,
  type CardKind,
  type CardProps,
} from '@boussole/shared';
import type { DocStore } from '@boussole/server';
import {
  addMember,
  call,
  createBoard,
  createLink,
  createWorkspace,
  redeemLink,
  signedInAdmin,
  type HttpAnswer,
} from '../helpers/accounts.js';
import { connectBoard } from '../helpers/boardClients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * A server with one workspace and one board holding a theme of hypotheses and a few other
 * cards, and the people of a workshop: an animatrice, two contributors with accounts, a guest
 * contributor who came through an invitation link, and a reader.
 */

export interface VoteWorkshop {
  server: TestServer;
  board: string;
  /** Session cookies. */
  people: {
    facilitator: string;
    alice: string;
    bruno: string;
    guest: string;
    reader: string;
  };
  ids: { alice: string; bruno: string };
  /** Cards inside the theme `shape:T1`, in reading order. */
  themeCards: string[];
  /** Cards outside it. */
  otherCards: string[];
  close(): Promise<void>;
}

const hypothesis = (statement: string): Omit<CardProps<'hypothesis'>, 'w' | 'h'> => ({
  statement,
  topic: 'mobilité',
  public: 'jeunes 16-25 ans',
  status: 'a_verifier',
  evidenceIds: [],
});

function card<K extends CardKind>(
  kind: K,
  id: string,
  props: Omit<CardProps<K>, 'w' | 'h'>,
  place: { x: number; y: number; parent?: string },
) {
  return cardShapeRecord(
    kind,
    {
      id: cardShapeId(id),
      parentId: (place.parent ?? defaultBoardPageId) as never,
      x: place.x,
      y: place.y,
      index: 'a1',
    },
    { w: 240, h: 160, ...props } as CardProps<K>,
  );
}

const cards = [
  card('theme', 'T1', { label: 'Se déplacer sans voiture' }, { x: 0, y: 0 }),
  card('hypothesis', 'H1', hypothesis('Le car part trop tard.'), {
    x: 20,
    y: 40,
    parent: 'shape:T1',
  }),
  card('hypothesis', 'H2', hypothesis('Le permis coûte trop cher.'), {
    x: 300,
    y: 40,
    parent: 'shape:T1',
  }),
  card('hypothesis', 'H3', hypothesis('Le vélo est dangereux ici.'), {
    x: 20,
    y: 260,
    parent: 'shape:T1',
  }),
  card('hypothesis', 'H4', hypothesis('Le covoiturage manque.'), {
    x: 300,
    y: 260,
    parent: 'shape:T1',
  }),
  card('hypothesis', 'H5', hypothesis('Hors du thème.'), { x: 2000, y: 0 }),
];

export async function startVoteWorkshop(
  options: { store?: DocStore; clock?: () => number; env?: Record<string, string> } = {},
): Promise<VoteWorkshop> {
  const server = await startServer(options);
  const url = server.httpUrl;
  const admin = await signedInAdmin(server);
  const workspace = await createWorkspace(url, admin);
  const board = await createBoard(url, admin, workspace, 'Hypothèses de travail');
  const member = (name: string, role: string) =>
    addMember(url, admin, workspace, {
      email: `${name
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase()}-${randomUUID().slice(0, 8)}@ccas.example.fr`,
      displayName: name,
      role,
    });
  const facilitator = await member('Fanny', 'animateur');
  const alice = await member('Alice', 'contributeur');
  const bruno = await member('Bruno', 'contributeur');
  const reader = await member('Rémi', 'lecteur');
  const link = await createLink(url, admin, workspace, { role: 'contributeur' });
  const guest = await redeemLink(url, link.token, 'Habitante');

  const writer = await connectBoard(server.collabUrl, board, admin);
  try {
    const records = boardRecordsMap(writer.doc);
    writer.doc.transact(() => {
      for (const record of [boardDocumentRecord(), boardPageRecord(), ...cards]) {
        records.set(record.id, createYRecord(record));
      }
    });
    await waitFor(
      async () =>
        Object.keys(readBoardRecords(await committedBoard(server, board))).length ===
        cards.length + 2,
      { what: 'the cards committed', timeoutMs: 20_000 },
    );
  } finally {
    writer.destroy();
  }
  return {
    server,
    board,
    people: {
      facilitator: facilitator.cookie,
      alice: alice.cookie,
      bruno: bruno.cookie,
      guest,
      reader: reader.cookie,
    },
    ids: { alice: alice.userId, bruno: bruno.userId },
    themeCards: ['shape:H1', 'shape:H2', 'shape:H3', 'shape:H4'],
    otherCards: ['shape:H5'],
    close: () => server.close(),
  };
}

async function committedBoard(server: TestServer, board: string) {
  const { Doc, applyUpdate } = await import('yjs');
  const doc = new Doc();
  applyUpdate(doc, await server.app.rooms.committedState(board));
  return doc;
}

/** The board's records as committed on the server. */
export async function boardRecordsOn(server: TestServer, board: string) {
  const doc = await committedBoard(server, board);
  try {
    return readBoardRecords(doc);
  } finally {
    doc.destroy();
  }
}

let opCounter = 0;
export const newOpId = () => `op-${randomUUID()}-${++opCounter}`.slice(0, 64);

/** The REST calls of a vote, as the client makes them. */
export function voteApi(workshop: VoteWorkshop) {
  const url = workshop.server.httpUrl;
  const base = `/api/boards/${workshop.board}/votes`;
  return {
    open: (cookie: string, body: unknown) => call(url, 'POST', base, { cookie, body }),
    close: (cookie: string, voteId: string) =>
      call(url, 'POST', `${base}/${voteId}/close`, { cookie }),
    detail: (cookie: string, voteId: string) => call(url, 'GET', `${base}/${voteId}`, { cookie }),
    list: (cookie: string) => call(url, 'GET', base, { cookie }),
    ballot: (cookie: string, voteId: string) =>
      call(url, 'GET', `${base}/${voteId}/ballot`, { cookie }),
    dot: (
      cookie: string,
      voteId: string,
      body: Record<string, unknown>,
    ): Promise<HttpAnswer<Record<string, unknown>>> =>
      call(url, 'POST', `${base}/${voteId}/dots`, {
        cookie,
        body: { opId: newOpId(), ...body },
      }),
  };
}
