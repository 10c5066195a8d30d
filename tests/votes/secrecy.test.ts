import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardRecordsMap,
  cardVotesOf,
  decodeFrame,
  encodeSyncStep1,
  readBoardRecords,
  sessionDocIdOf,
  sessionDocLayout,
  type SessionVote,
} from '@boussole/shared';
import { call } from '../helpers/accounts.js';
import { connectBoard } from '../helpers/boardClients.js';
import { connectRaw, type RawClient } from '../helpers/rawClient.js';
import { waitFor } from '../helpers/wait.js';
import { startVoteWorkshop, voteApi, type VoteWorkshop } from './voteFixture.js';

/**
 * Issue #15: « results hidden until the facilitator closes the vote (nobody's client receives
 * others' dots before — inspect the frames) ». Bruno's raw sockets on the board and on its
 * session document record every frame the server sends him while Alice and a guest vote in a
 * named vote; neither the frames nor any REST answer he can get hold their names, ids or dots
 * until the close, when the ranked results and the cards' counts reach him.
 */

const encoder = new TextEncoder();

function contains(haystack: Uint8Array, needle: string): boolean {
  const bytes = encoder.encode(needle);
  outer: for (let i = 0; i + bytes.length <= haystack.length; i++) {
    for (let j = 0; j < bytes.length; j++) if (haystack[i + j] !== bytes[j]) continue outer;
    return true;
  }
  return false;
}

/** A socket that records every frame and keeps a copy of the document they build. */
async function watcher(workshop: VoteWorkshop, docId: string, cookie: string) {
  const raw = connectRaw(workshop.server.collabUrl, docId, { cookie });
  await raw.opened;
  await raw.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
  const doc = new Y.Doc();
  let applied = 0;
  const catchUp = () => {
    for (; applied < raw.received.length; applied++) {
      const frame = decodeFrame(raw.received[applied]!);
      if (frame.kind === 'sync-step-2' || frame.kind === 'update') Y.applyUpdate(doc, frame.update);
    }
    return doc;
  };
  return { raw, catchUp };
}

describe('a secret vote reaches no one before it closes', () => {
  let workshop: VoteWorkshop;
  let api: ReturnType<typeof voteApi>;
  const sockets: RawClient[] = [];

  beforeAll(async () => {
    workshop = await startVoteWorkshop();
    api = voteApi(workshop);
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await workshop?.close();
  });

  it('sends Bruno counts of voters only, then the ranked results and the cards’ counts at close', async () => {
    const { facilitator, alice, guest, bruno } = workshop.people;
    const board = await call(workshop.server.httpUrl, 'GET', `/api/boards/${workshop.board}`, {
      cookie: bruno,
    });
    expect(board.status).toBe(200);
    const onBoard = await watcher(workshop, workshop.board, bruno);
    const onSession = await watcher(workshop, sessionDocIdOf(workshop.board), bruno);
    sockets.push(onBoard.raw, onSession.raw);
    const rest: string[] = [];

    const opened = await api.open(facilitator, {
      title: 'Quelles hypothèses vérifier ?',
      target: { themeId: 'shape:T1' },
      dotsPerPerson: 3,
      anonymous: false,
    });
    expect(opened.status).toBe(201);
    const voteId = opened.body.id as string;
    const sessionVote = () =>
      onSession.catchUp().getMap(sessionDocLayout.root).get('vote') as SessionVote | undefined;
    await waitFor(() => sessionVote()?.id === voteId, { what: 'the vote in Bruno’s session' });

    const [h1, h2, h3] = workshop.themeCards as [string, string, string];
    for (const [who, card] of [
      [alice, h2],
      [alice, h2],
      [alice, h3],
      [guest, h1],
    ] as const) {
      expect((await api.dot(who, voteId, { cardId: card, delta: 1 })).status).toBe(200);
    }
    // The number of voters reaches Bruno (a count reveals no choice)…
    await waitFor(() => sessionVote()?.voters === 2, {
      what: 'two voters counted in Bruno’s session',
      timeoutMs: 15_000,
    });
    // …and every REST answer he may get while the vote is open.
    for (const path of ['', `/${voteId}`, `/${voteId}/ballot`]) {
      const answer = await fetch(
        `${workshop.server.httpUrl}/api/boards/${workshop.board}/votes${path}`,
        {
          headers: { cookie: bruno },
        },
      );
      expect(answer.status).toBe(200);
      rest.push(await answer.text());
    }
    expect(JSON.parse(rest[1]!)).toMatchObject({ status: 'open', results: null });
    expect(JSON.parse(rest[2]!)).toMatchObject({ dots: {}, remaining: 3 });

    // Nothing of Alice's or the guest's ballot in any frame or answer before the close.
    const everything = [...onBoard.raw.received, ...onSession.raw.received];
    expect(everything.length).toBeGreaterThan(2);
    const secrets = ['Alice', 'Habitante', workshop.ids.alice, 'names'];
    for (const frame of everything) {
      for (const secret of secrets) expect(contains(frame, secret), secret).toBe(false);
    }
    for (const answer of rest) {
      for (const secret of secrets) expect(answer.includes(secret), secret).toBe(false);
    }
    expect(sessionVote()).toMatchObject({ status: 'open', results: null, voters: 2 });
    for (const card of workshop.themeCards) {
      expect(cardVotesOf(readBoardRecords(onBoard.catchUp())[card])).toBeUndefined();
    }

    expect((await api.close(facilitator, voteId)).status).toBe(200);
    await waitFor(() => sessionVote()?.status === 'closed', {
      what: 'the close in Bruno’s session',
    });
    expect(sessionVote()?.results?.map((r) => [r.cardId, r.dots, r.names])).toEqual([
      [h2, 2, ['Alice']],
      [h1, 1, ['Habitante']],
      [h3, 1, ['Alice']],
      ['shape:H4', 0, []],
    ]);
    await waitFor(() => cardVotesOf(readBoardRecords(onBoard.catchUp())[h2])?.dots === 2, {
      what: 'the counts on Bruno’s board',
    });
    expect(cardVotesOf(readBoardRecords(onBoard.catchUp())[h1])).toEqual({
      voteId,
      dots: 1,
      rank: 2,
    });
  });

  it('reverts a client that writes a vote count on a card itself', async () => {
    const client = await connectBoard(
      workshop.server.collabUrl,
      workshop.board,
      workshop.people.bruno,
    );
    try {
      const record = boardRecordsMap(client.doc).get('shape:H4')!;
      const meta = record.get('meta') as Y.Map<unknown>;
      client.doc.transact(() => meta.set('votes', { voteId: 'forged', dots: 99, rank: 1 }));
      await waitFor(() => client.denials.length > 0, { what: 'the refusal' });
      expect(client.denials[0]).toMatch(/meta\.votes/);
      await waitFor(
        () => cardVotesOf(readBoardRecords(client.doc)['shape:H4'])?.voteId !== 'forged',
        { what: 'the forged count reverted' },
      );
      const { boardRecordsOn } = await import('./voteFixture.js');
      const stored = await boardRecordsOn(workshop.server, workshop.board);
      expect(cardVotesOf(stored['shape:H4'])?.dots).toBe(0);
    } finally {
      client.destroy();
    }
  });
});
