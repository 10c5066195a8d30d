import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocStore } from '@boussole/server';
import { cardVotesOf, voteMessages } from '@boussole/shared';
import { onEveryStore, type StoreOpener } from '../helpers/storeSuites.js';
import {
  boardRecordsOn,
  newOpId,
  startVoteWorkshop,
  voteApi,
  type VoteWorkshop,
} from './voteFixture.js';

/**
 * Issue #15, dot-voting: each person's ballot is theirs alone and the server holds it. Dots
 * beyond N, beyond the per-card maximum, on cards outside the vote, in someone else's name, by
 * a reader, and 20 concurrent clicks of one person from two "tabs" all end with exactly N dots.
 * Real server over HTTP, on both stores.
 */

await onEveryStore('votes', (name: string, openStore: StoreOpener) => {
  describe(`ballots (${name})`, () => {
    let store: DocStore;
    let drop: () => Promise<void> = async () => {};
    let workshop: VoteWorkshop;
    let api: ReturnType<typeof voteApi>;

    beforeAll(async () => {
      ({ store, drop } = await openStore());
      await store.migrate();
      workshop = await startVoteWorkshop({ store });
      api = voteApi(workshop);
    }, 60_000);

    afterAll(async () => {
      await workshop?.close();
      await store?.close();
      await drop();
    });

    async function openVote(body: Record<string, unknown>): Promise<string> {
      const opened = await api.open(workshop.people.facilitator, body);
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      return opened.body.id as string;
    }

    it('opens on a theme: the server resolves its cards in reading order; contributors may not open', async () => {
      const refused = await api.open(workshop.people.alice, {
        target: { themeId: 'shape:T1' },
        dotsPerPerson: 3,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/animateurs/);

      const voteId = await openVote({
        title: 'Quelles hypothèses vérifier ?',
        target: { themeId: 'shape:T1' },
        dotsPerPerson: 3,
        maxPerCard: 2,
        anonymous: false,
      });
      const detail = await api.detail(workshop.people.alice, voteId);
      expect(detail.body).toMatchObject({
        status: 'open',
        cardIds: workshop.themeCards,
        dotsPerPerson: 3,
        maxPerCard: 2,
        results: null,
      });
      const again = await api.open(workshop.people.facilitator, {
        target: { kind: 'hypothesis' },
        dotsPerPerson: 3,
      });
      expect(again.status).toBe(409);
      await api.close(workshop.people.facilitator, voteId);
    });

    it('refuses a dot beyond N, beyond the per-card maximum, off the vote, and a removal of nothing', async () => {
      const voteId = await openVote({
        target: { themeId: 'shape:T1' },
        dotsPerPerson: 3,
        maxPerCard: 2,
      });
      const [h1, h2, h3] = workshop.themeCards as [string, string, string];
      const alice = workshop.people.alice;

      expect((await api.dot(alice, voteId, { cardId: h1, delta: 1 })).status).toBe(200);
      expect((await api.dot(alice, voteId, { cardId: h1, delta: 1 })).status).toBe(200);
      const third = await api.dot(alice, voteId, { cardId: h1, delta: 1 });
      expect(third.status).toBe(409);
      expect(third.body).toMatchObject({ error: 'max-per-card' });

      const outside = await api.dot(alice, voteId, { cardId: workshop.otherCards[0], delta: 1 });
      expect(outside.status).toBe(400);
      expect(outside.body.message).toBe(voteMessages.cardNotInVote);
      expect(outside.body.message).toBe('Cette carte ne fait pas partie du vote.');

      expect((await api.dot(alice, voteId, { cardId: h2, delta: 1 })).status).toBe(200);
      const beyond = await api.dot(alice, voteId, { cardId: h3, delta: 1 });
      expect(beyond.status).toBe(409);
      expect(beyond.body.message).toBe('Vous avez déjà placé vos 3 points.');
      expect(beyond.body.ballot).toMatchObject({ dots: { [h1]: 2, [h2]: 1 }, remaining: 0 });

      const nothing = await api.dot(alice, voteId, { cardId: h3, delta: -1 });
      expect(nothing.status).toBe(409);
      // Removing one frees a dot for another card.
      expect((await api.dot(alice, voteId, { cardId: h1, delta: -1 })).status).toBe(200);
      const moved = await api.dot(alice, voteId, { cardId: h3, delta: 1 });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ dots: { [h1]: 1, [h2]: 1, [h3]: 1 }, remaining: 0 });
      await api.close(workshop.people.facilitator, voteId);
    });

    it('votes only in the caller’s own name: a forged person in the body is refused, readers cannot vote', async () => {
      const voteId = await openVote({ target: { themeId: 'shape:T1' }, dotsPerPerson: 2 });
      const [h1] = workshop.themeCards as [string];
      for (const forged of [
        { personId: workshop.ids.bruno },
        { person: { id: workshop.ids.bruno, name: 'Bruno' } },
        { userId: workshop.ids.bruno },
      ]) {
        const answer = await api.dot(workshop.people.guest, voteId, {
          cardId: h1,
          delta: 1,
          ...forged,
        });
        expect(answer.status).toBe(400);
      }
      // The guest's own dot counts as the guest's, not as Bruno's.
      expect((await api.dot(workshop.people.guest, voteId, { cardId: h1, delta: 1 })).status).toBe(
        200,
      );
      expect((await api.ballot(workshop.people.bruno, voteId)).body).toMatchObject({
        dots: {},
        remaining: 2,
      });
      expect((await api.ballot(workshop.people.guest, voteId)).body).toMatchObject({
        dots: { [h1]: 1 },
        remaining: 1,
      });
      const reader = await api.dot(workshop.people.reader, voteId, { cardId: h1, delta: 1 });
      expect(reader.status).toBe(403);
      const anonymous = await api.dot('', voteId, { cardId: h1, delta: 1 });
      expect(anonymous.status).toBe(401);
      await api.close(workshop.people.facilitator, voteId);
    });

    it('merges 20 concurrent clicks from two tabs of one person into exactly N dots', async () => {
      const n = 5;
      const voteId = await openVote({ target: { kind: 'hypothesis' }, dotsPerPerson: n });
      const cards = [...workshop.themeCards, ...workshop.otherCards];
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.dot(workshop.people.bruno, voteId, { cardId: cards[i % cards.length], delta: 1 }),
        ),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(n);
      for (const refused of answers.filter((a) => a.status !== 200)) {
        expect(refused.status).toBe(409);
        expect(refused.body.message).toBe('Vous avez déjà placé vos 5 points.');
      }
      const ballot = await api.ballot(workshop.people.bruno, voteId);
      const dots = ballot.body.dots as Record<string, number>;
      expect(Object.values(dots).reduce((a, b) => a + b, 0)).toBe(n);
      expect(ballot.body.remaining).toBe(0);
      await api.close(workshop.people.facilitator, voteId);
    });

    it('applies a replayed operation once', async () => {
      const voteId = await openVote({ target: { themeId: 'shape:T1' }, dotsPerPerson: 3 });
      const [h1] = workshop.themeCards as [string];
      const opId = newOpId();
      const replays = await Promise.all(
        Array.from({ length: 4 }, () =>
          api.dot(workshop.people.alice, voteId, { cardId: h1, delta: 1, opId }),
        ),
      );
      expect(replays.every((r) => r.status === 200)).toBe(true);
      expect(replays.filter((r) => r.body.replayed === false)).toHaveLength(1);
      expect((await api.ballot(workshop.people.alice, voteId)).body).toMatchObject({
        dots: { [h1]: 1 },
      });
      await api.close(workshop.people.facilitator, voteId);
    });

    it('closes with ranked results and writes each card’s count on the board; later dots are refused in French', async () => {
      const voteId = await openVote({
        target: { themeId: 'shape:T1' },
        dotsPerPerson: 3,
        anonymous: false,
      });
      const [h1, h2, h3] = workshop.themeCards as [string, string, string];
      const { alice, bruno, guest, facilitator } = workshop.people;
      for (const [who, card] of [
        [alice, h2],
        [alice, h2],
        [alice, h1],
        [bruno, h2],
        [guest, h3],
      ] as const) {
        expect((await api.dot(who, voteId, { cardId: card, delta: 1 })).status).toBe(200);
      }
      const before = await api.detail(alice, voteId);
      expect(before.body.results).toBeNull();

      const closed = await api.close(facilitator, voteId);
      expect(closed.status).toBe(200);
      const results = closed.body.results as { cardId: string; dots: number; names: string[] }[];
      expect(results.map((r) => [r.cardId, r.dots])).toEqual([
        [h2, 3],
        [h1, 1],
        [h3, 1],
        ['shape:H4', 0],
      ]);
      expect(results[0]!.names.sort()).toEqual(['Alice', 'Bruno']);

      const records = await boardRecordsOn(workshop.server, workshop.board);
      expect(cardVotesOf(records[h2])).toEqual({ voteId, dots: 3, rank: 1 });
      expect(cardVotesOf(records[h1])).toEqual({ voteId, dots: 1, rank: 2 });
      expect(cardVotesOf(records[h3])).toEqual({ voteId, dots: 1, rank: 2 });
      expect(cardVotesOf(records['shape:H4'])).toEqual({ voteId, dots: 0, rank: 4 });
      // Outside this vote: H5 keeps what an earlier vote (on every hypothesis) wrote, if any.
      expect(cardVotesOf(records['shape:H5'])?.voteId).not.toBe(voteId);

      const late = await api.dot(bruno, voteId, { cardId: h1, delta: 1 });
      expect(late.status).toBe(409);
      expect(late.body.message).toBe('Le vote est clos : vos points n’ont pas été comptés.');
      expect((await api.close(facilitator, voteId)).status).toBe(200);
    });

    it('keeps every request bounded: bad bodies and unknown votes refused in French', async () => {
      const voteId = await openVote({ target: { themeId: 'shape:T1' }, dotsPerPerson: 1 });
      const { alice } = workshop.people;
      for (const body of [
        { cardId: 'shape:H1', delta: 2 },
        { cardId: 'shape:H1', delta: 1, opId: 'x' },
        { cardId: 'x'.repeat(400), delta: 1 },
      ]) {
        const answer = await api.dot(alice, voteId, body);
        expect(answer.status).toBe(400);
        expect(answer.body.message).toMatch(/^Requête de vote invalide/);
      }
      const unknown = await api.dot(alice, '00000000-0000-0000-0000-000000000000', {
        cardId: 'shape:H1',
        delta: 1,
      });
      expect(unknown.status).toBe(404);
      const badOpen = await api.open(workshop.people.facilitator, {
        target: { cardIds: ['shape:nope'] },
        dotsPerPerson: 3,
      });
      expect(badOpen.status).toBe(409); // a vote is open
      await api.close(workshop.people.facilitator, voteId);
      const noCards = await api.open(workshop.people.facilitator, {
        target: { cardIds: ['shape:nope'] },
        dotsPerPerson: 3,
      });
      expect(noCards.status).toBe(400);
      expect(noCards.body.message).toMatch(/Aucune carte/);
    });
  });
});
