import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boardRecordsMap,
  cardShapeId,
  cardShapeRecord,
  createYRecord,
  defaultBoardPageId,
  readBoardRecords,
  type HeldCard,
  type HeldCardList,
  type InboxDecision,
  type InboxList,
  type RevealResult,
} from '@boussole/shared';
import { call } from '../helpers/accounts.js';
import { waitFor } from '../helpers/wait.js';
import {
  observationInput,
  recordingClient,
  setSession,
  startWorkshop,
  verbatimsOn,
  writeFirstPage,
  type RecordingClient,
  type Workshop,
} from './contributionSetup.js';

/**
 * Revealed and accepted cards land where the facilitator looks: the reveal and the inbox's
 * « accepter » carry `near`, the centre of the facilitator's view, and the server places the
 * cards in the free space nearest to it, clear of every card already there. A `near` that is
 * not a point of the page is refused whole: nothing is revealed, nothing accepted.
 */

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const centreOf = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

/** Where the facilitator looks: a crowd of cards is there already. */
const NEAR = { x: 3_000, y: 2_000 };

/** The cards on the board before the reveal: one right on NEAR, others around, one far away. */
const before: (Box & { verbatim: string })[] = [
  { x: NEAR.x - 120, y: NEAR.y - 80, w: 240, h: 160, verbatim: 'EXISTING-CENTRE' },
  { x: NEAR.x - 400, y: NEAR.y - 80, w: 240, h: 160, verbatim: 'EXISTING-LEFT' },
  { x: NEAR.x + 160, y: NEAR.y - 80, w: 240, h: 160, verbatim: 'EXISTING-RIGHT' },
  { x: NEAR.x - 120, y: NEAR.y - 280, w: 240, h: 160, verbatim: 'EXISTING-ABOVE' },
  { x: 0, y: 0, w: 240, h: 160, verbatim: 'EXISTING-FAR' },
];

/** The boxes of the cards with these ids on a client's copy of the board. */
function boxesOf(client: RecordingClient, ids: readonly string[]): Box[] {
  const records = readBoardRecords(client.doc) as Record<
    string,
    { x: number; y: number; parentId: string; props: { w: number; h: number } }
  >;
  return ids.map((id) => {
    const record = records[id];
    if (!record) throw new Error(`${id} not on the board`);
    expect(record.parentId).toBe(defaultBoardPageId);
    return { x: record.x, y: record.y, w: record.props.w, h: record.props.h };
  });
}

describe('revealed and accepted cards placed near the facilitator’s view', () => {
  let w: Workshop;
  const sockets: RecordingClient[] = [];
  beforeAll(async () => {
    w = await startWorkshop();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await w?.server.close();
  });

  it('reveals around `near`, clear of the cards there, and refuses a bad `near` whole', async () => {
    const { server, board } = w;
    const url = server.httpUrl;
    const path = `/api/boards/${board}/held-cards`;

    const fanny = await recordingClient(server.collabUrl, board, w.facilitator);
    const bruno = await recordingClient(server.collabUrl, board, w.bruno);
    sockets.push(fanny, bruno);
    writeFirstPage(fanny);
    fanny.doc.transact(() => {
      before.forEach(({ verbatim, ...box }, i) => {
        const id = cardShapeId(`existing-${i}`);
        const record = cardShapeRecord(
          'observation',
          { id, parentId: defaultBoardPageId, x: box.x, y: box.y, index: 'a1' },
          { w: box.w, h: box.h, verbatim, source: 'atelier', public: '', commune: '', date: '' },
        );
        boardRecordsMap(fanny.doc).set(id, createYRecord(record));
      });
    });
    // Committed: Bruno has received them all.
    await waitFor(() => verbatimsOn(bruno.doc).length === before.length, {
      what: 'the existing cards on Bruno’s board',
      timeoutMs: 30_000,
    });

    await setSession(server, board, 'modes', { anonymous: false, privateWriting: true });
    const secrets = ['NEAR-ONE', 'NEAR-TWO', 'NEAR-THREE'];
    for (const secret of secrets) {
      const sent = await call<HeldCard>(url, 'POST', path, {
        cookie: w.alice,
        body: observationInput(secret),
      });
      expect(sent.status).toBe(201);
    }

    // Not a point of the page: refused with the API's French 400, nothing revealed.
    const badBodies: unknown[] = [
      { near: { x: 'à droite', y: 0 } },
      { near: { x: 1e8, y: 0 } },
      { near: { x: 0, y: -1e8 } },
      { near: { x: 10 } },
      { near: { x: 0, y: 0, z: 0 } },
      { near: [3_000, 2_000] },
      { near: null },
      { nearby: NEAR },
      null,
    ];
    for (const body of badBodies) {
      const refused = await call<{ error: string; message: string }>(
        url,
        'POST',
        `${path}/reveal`,
        { cookie: w.facilitator, body },
      );
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error).toBe('invalid-request');
      expect(refused.body.message).toMatch(/attendu/);
    }
    const stillHeld = await call<HeldCardList>(url, 'GET', path, { cookie: w.alice });
    expect(stillHeld.body.counts.private).toBe(3);
    expect(stillHeld.body.cards).toHaveLength(3);
    // The refusals wrote nothing: only the earlier cards on the board.
    expect(verbatimsOn(fanny.doc).sort()).toEqual(before.map((b) => b.verbatim).sort());

    const reveal = await call<RevealResult>(url, 'POST', `${path}/reveal`, {
      cookie: w.facilitator,
      body: { near: NEAR },
    });
    expect(reveal.status).toBe(200);
    expect(reveal.body.revealed).toBe(3);
    expect(reveal.body.cardIds).toHaveLength(3);
    await waitFor(() => secrets.every((s) => verbatimsOn(bruno.doc).includes(s)), {
      what: 'the revealed cards on Bruno’s board',
      timeoutMs: 30_000,
    });

    const placed = boxesOf(bruno, reveal.body.cardIds);
    for (const [i, box] of placed.entries()) {
      // Around the point: the old placement (right of everything) is more than 500 away.
      expect(distance(centreOf(box), NEAR)).toBeLessThan(900);
      for (const other of before) expect(overlap(box, other)).toBe(false);
      for (const other of placed.slice(i + 1)) expect(overlap(box, other)).toBe(false);
    }
    // The cards Fanny placed stay where they were.
    const existingIds = before.map((_, i) => cardShapeId(`existing-${i}`));
    expect(boxesOf(bruno, existingIds)).toEqual(before.map(({ verbatim: _, ...box }) => box));
  });

  it('accepts an inbox card around `near`, and refuses a bad `near` without accepting', async () => {
    const { server, board } = w;
    const url = server.httpUrl;
    await setSession(server, board, 'modes', { anonymous: false, privateWriting: false });
    await setSession(server, board, 'lock', { board: false, areaIds: [], moderated: true });
    const sent = await call<HeldCard>(url, 'POST', `/api/boards/${board}/held-cards`, {
      cookie: w.alice,
      body: observationInput('INBOX-NEAR'),
    });
    expect(sent.status).toBe(201);
    expect(sent.body.purpose).toBe('inbox');
    const accept = `/api/boards/${board}/inbox/${sent.body.id}/accept`;

    const refused = await call<{ error: string; message: string }>(url, 'POST', accept, {
      cookie: w.facilitator,
      body: { near: { x: -2e7, y: 0 } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/near\.x — attendu/);
    const inbox = await call<InboxList>(url, 'GET', `/api/boards/${board}/inbox`, {
      cookie: w.facilitator,
    });
    expect(inbox.body.cards.map((c) => c.id)).toEqual([sent.body.id]);

    // Empty space there: the card is centred on the point.
    const point = { x: -4_000, y: 6_000 };
    const accepted = await call<InboxDecision>(url, 'POST', accept, {
      cookie: w.facilitator,
      body: { near: point },
    });
    expect(accepted.status).toBe(200);
    const bruno = sockets[1]!;
    await waitFor(() => verbatimsOn(bruno.doc).includes('INBOX-NEAR'), {
      what: 'the accepted card on Bruno’s board',
      timeoutMs: 30_000,
    });
    const [box] = boxesOf(bruno, [accepted.body.cardId!]);
    expect(distance(centreOf(box!), point)).toBeLessThan(50);
  });
});
