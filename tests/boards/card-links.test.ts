import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boardDocumentRecord,
  boardPageRecord,
  boardRecordsMap,
  cardLinkLimits,
  cardShapeId,
  cardShapeRecord,
  createYRecord,
  defaultBoardPageId,
  readBoardRecords,
  type CardKind,
  type CardProps,
  type LinkableCardList,
  type ResolvedCardLinks,
} from '@boussole/shared';
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
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue #14, links across boards: a workspace's members (readers and guests included) find the
 * cards of every board of the workspace to link to, and get the cards links name back — or
 * "broken" once a card is deleted; nobody outside the workspace learns anything.
 */

function card<K extends CardKind>(kind: K, id: string, props: Omit<CardProps<K>, 'w' | 'h'>) {
  return cardShapeRecord(
    kind,
    { id: cardShapeId(id), parentId: defaultBoardPageId as never, x: 0, y: 0, index: 'a1' },
    { w: 240, h: 160, ...props } as CardProps<K>,
  );
}

const hypothesis = (id: string, statement: string) =>
  card('hypothesis', id, { statement, topic: '', public: '', status: 'a_verifier' });

async function fill(server: TestServer, board: string, cookie: string, cards: object[]) {
  const client = await connectBoard(server.collabUrl, board, cookie);
  const records = boardRecordsMap(client.doc);
  client.doc.transact(() => {
    for (const record of [boardDocumentRecord(), boardPageRecord(), ...cards] as { id: string }[]) {
      records.set(record.id, createYRecord(record));
    }
  });
  const room = () => server.app.rooms.peek(board);
  await waitFor(() => Object.keys(readBoardRecords(room()!.doc)).length === cards.length + 2, {
    what: 'the cards on the server',
  });
  await room()!.drain();
  expect(client.denials).toEqual([]);
  return client;
}

describe('card links across a workspace’s boards', () => {
  let server: TestServer;
  let admin = '';
  let reader = '';
  let guest = '';
  let outsider = '';
  let workspace = '';
  let hypotheses = '';
  let affinity = '';
  let foreignBoard = '';
  const clients: BoardClient[] = [];

  const search = (query: string, cookie: string, ws = workspace) =>
    call<LinkableCardList>(server.httpUrl, 'GET', `/api/workspaces/${ws}/cards?${query}`, {
      cookie,
    });
  const resolve = (refs: unknown, cookie: string, ws = workspace) =>
    call<ResolvedCardLinks>(server.httpUrl, 'POST', `/api/workspaces/${ws}/cards/resolve`, {
      cookie,
      body: { refs },
    });

  beforeAll(async () => {
    server = await startServer();
    const url = server.httpUrl;
    admin = await createAdmin(url, server.app.access.setup.open());
    workspace = await createWorkspace(url, admin);
    hypotheses = await createBoard(url, admin, workspace, 'Hypothèses');
    affinity = await createBoard(url, admin, workspace, 'Carte des affinités');
    reader = (
      await addMember(url, admin, workspace, {
        email: 'lea@ccas.example.fr',
        displayName: 'Léa',
        role: 'lecteur',
      })
    ).cookie;
    guest = await redeemLink(url, (await createLink(url, admin, workspace)).token, 'Habitante');
    const elsewhere = await createWorkspace(url, admin, { name: 'Une autre ABS' });
    foreignBoard = await createBoard(url, admin, elsewhere, 'Secret');
    outsider = (
      await addMember(url, admin, elsewhere, {
        email: 'paul@ccas.example.fr',
        displayName: 'Paul',
        role: 'contributeur',
      })
    ).cookie;

    clients.push(
      await fill(server, hypotheses, admin, [
        hypothesis('H1', 'Des jeunes renoncent à un emploi faute de transport.'),
        hypothesis('H2', 'Les aînés isolés ne connaissent pas les aides au logement.'),
        // Enough matching cards to pass the answer's bound.
        ...Array.from({ length: cardLinkLimits.results }, (_, i) =>
          hypothesis(`X${i}`, `Hypothèse de remplissage ${i}`),
        ),
      ]),
      await fill(server, affinity, admin, [
        card('observation', 'O1', {
          verbatim: 'Pas de car à 6 h : j’ai dû refuser l’embauche.',
          source: 'entretien',
          public: '',
          commune: '',
          date: '',
        }),
        card('theme', 'T1', { label: 'Se déplacer sans voiture' }),
      ]),
      await fill(server, foreignBoard, admin, [hypothesis('S1', 'Une hypothèse confidentielle')]),
    );
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.close();
  });

  it('finds hypotheses on every board of the workspace, accents and case ignored', async () => {
    for (const cookie of [admin, reader, guest]) {
      const answer = await search('kinds=hypothesis&q=EMPLOI transport', cookie);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        cards: [
          {
            boardId: hypotheses,
            boardTitle: 'Hypothèses',
            cardId: 'shape:H1',
            kind: 'hypothesis',
            label: 'Des jeunes renoncent à un emploi faute de transport.',
          },
        ],
        truncated: false,
      });
    }
    const aines = await search(`kinds=hypothesis&q=${encodeURIComponent('aines logement')}`, admin);
    expect(aines.body.cards.map((c) => c.cardId)).toEqual(['shape:H2']);
  });

  it('finds evidence of several kinds, never cards of other workspaces', async () => {
    const answer = await search('kinds=observation,indicator,theme', reader);
    expect(answer.body.cards.map((c) => [c.boardId, c.cardId, c.kind]).sort()).toEqual([
      [affinity, 'shape:O1', 'observation'],
      [affinity, 'shape:T1', 'theme'],
    ]);
    const secret = await search('q=confidentielle', admin);
    expect(secret.body.cards).toEqual([]);
  });

  it('bounds its answer and its query', async () => {
    const all = await search('kinds=hypothesis', admin);
    expect(all.body.cards).toHaveLength(cardLinkLimits.results);
    expect(all.body.truncated).toBe(true);
    const long = await search(`q=${'a'.repeat(cardLinkLimits.query + 1)}`, admin);
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ error: 'invalid-request' });
    expect((long.body as unknown as { message: string }).message).toMatch(/au plus 100 caractères/);
    const kind = await search('kinds=hypothesis,verbatim', admin);
    expect(kind.status).toBe(400);
    expect((kind.body as unknown as { message: string }).message).toMatch(/types de carte parmi/);
    const many = await resolve(
      Array.from({ length: cardLinkLimits.refs + 1 }, (_, i) => `${hypotheses}/shape:H${i}`),
      admin,
    );
    expect(many.status).toBe(400);
  });

  it('refuses strangers and unknown workspaces in French, without a word of the cards', async () => {
    const foreign = await search('q=emploi', outsider);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({
      error: 'workspace-not-found',
      message: 'Cet espace de travail n’existe pas.',
    });
    expect((await search('q=emploi', admin, 'workspace-inconnu')).status).toBe(404);
    expect((await call(server.httpUrl, 'GET', `/api/workspaces/${workspace}/cards`)).status).toBe(
      401,
    );
    expect((await resolve([`${hypotheses}/shape:H1`], outsider)).status).toBe(404);
  });

  it('names linked cards, and says "broken" for a deleted card or a board not in the workspace', async () => {
    const refs = [
      `${hypotheses}/shape:H1`,
      `${affinity}/shape:T1`,
      `${hypotheses}/shape:nowhere`,
      `${foreignBoard}/shape:S1`,
      'shape:H1',
      'not a link',
    ];
    const answer = await resolve(refs, guest);
    expect(answer.status).toBe(200);
    expect(answer.body.links).toEqual([
      {
        ref: refs[0],
        status: 'ok',
        boardId: hypotheses,
        boardTitle: 'Hypothèses',
        cardId: 'shape:H1',
        kind: 'hypothesis',
        label: 'Des jeunes renoncent à un emploi faute de transport.',
      },
      {
        ref: refs[1],
        status: 'ok',
        boardId: affinity,
        boardTitle: 'Carte des affinités',
        cardId: 'shape:T1',
        kind: 'theme',
        label: 'Se déplacer sans voiture',
      },
      { ref: refs[2], status: 'broken' },
      { ref: refs[3], status: 'broken' },
      { ref: refs[4], status: 'broken' },
      { ref: refs[5], status: 'broken' },
    ]);

    // Someone deletes the hypothesis: the link that named it is now broken.
    const writer = clients[0]!;
    writer.doc.transact(() => boardRecordsMap(writer.doc).delete('shape:H1'));
    await waitFor(
      async () => (await resolve([refs[0]], reader)).body.links[0]?.status === 'broken',
      { what: 'the deleted hypothesis read as broken' },
    );
  });
});
