import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnBallot } from '@boussole/shared';
import { DotQueue, type QueuedDot } from '../../client/src/board/vote/dotQueue.js';
import { voteApi as clientVoteApi } from '../../client/src/board/vote/voteApi.js';
import { startVoteWorkshop, voteApi, type VoteWorkshop } from './voteFixture.js';

/**
 * Issue #15, weak connections: « a participant offline during a vote casts dots and they count
 * on reconnect if the vote is still open, and are refused with a clear French message if it
 * closed ». The browser's queue (client/src/board/vote/dotQueue.ts) runs against the real
 * server; going offline is a fetch that fails like the browser's does (TypeError), and a lost
 * answer is a request the server received whose response never came back.
 */

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Alice's browser: her cookie on every request, and a network that can drop. */
function browserOf(workshop: VoteWorkshop, cookie: string) {
  const network = { online: true, loseAnswers: false };
  const fetcher: typeof fetch = async (input, init) => {
    if (!network.online) throw new TypeError('Failed to fetch');
    const response = await fetch(`${workshop.server.httpUrl}${String(input)}`, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), cookie },
    });
    if (network.loseAnswers) {
      await response.arrayBuffer();
      throw new TypeError('network connection was lost');
    }
    return response;
  };
  const storage = new MemoryStorage();
  const seen = { ballots: [] as OwnBallot[], refusals: [] as string[], pending: [] as QueuedDot[] };
  const queue = () =>
    new DotQueue({
      boardId: workshop.board,
      api: clientVoteApi(workshop.board, fetcher),
      storage,
      events: {
        ballot: (b) => seen.ballots.push(b),
        refused: (m) => seen.refusals.push(m),
        changed: (p) => (seen.pending = [...p]),
      },
    });
  return { network, queue, seen };
}

describe('dots cast offline', () => {
  let workshop: VoteWorkshop;
  let api: ReturnType<typeof voteApi>;

  beforeAll(async () => {
    workshop = await startVoteWorkshop();
    api = voteApi(workshop);
  }, 60_000);

  afterAll(async () => {
    await workshop?.close();
  });

  it('count on reconnect while the vote is open, once each even when an answer was lost', async () => {
    const opened = await api.open(workshop.people.facilitator, {
      target: { themeId: 'shape:T1' },
      dotsPerPerson: 3,
    });
    const voteId = opened.body.id as string;
    const [h1, h2] = workshop.themeCards as [string, string];
    const alice = browserOf(workshop, workshop.people.alice);
    const tab = alice.queue();

    alice.network.online = false;
    await tab.add({ voteId, cardId: h1, delta: 1 });
    await tab.add({ voteId, cardId: h2, delta: 1 });
    expect(alice.seen.pending).toHaveLength(2);
    expect((await api.ballot(workshop.people.alice, voteId)).body).toMatchObject({ dots: {} });

    // A reload while offline keeps them (the queue is in the browser's storage).
    const reloaded = alice.queue();
    expect(reloaded.pending()).toHaveLength(2);

    // The first request reaches the server but its answer is lost: it stays queued…
    alice.network.online = true;
    alice.network.loseAnswers = true;
    await reloaded.flush();
    expect(reloaded.pending()).toHaveLength(2);
    // …and counts once when sent again.
    alice.network.loseAnswers = false;
    await reloaded.flush();
    expect(reloaded.pending()).toHaveLength(0);
    expect(alice.seen.refusals).toEqual([]);
    expect((await api.ballot(workshop.people.alice, voteId)).body).toMatchObject({
      dots: { [h1]: 1, [h2]: 1 },
      remaining: 1,
    });
    expect(alice.seen.ballots.at(-1)).toMatchObject({ dots: { [h1]: 1, [h2]: 1 } });
    await api.close(workshop.people.facilitator, voteId);
  });

  it('are refused with a French message when the vote closed before the network came back', async () => {
    const opened = await api.open(workshop.people.facilitator, {
      target: { themeId: 'shape:T1' },
      dotsPerPerson: 2,
    });
    const voteId = opened.body.id as string;
    const [h1, h3] = [workshop.themeCards[0]!, workshop.themeCards[2]!];
    const bruno = browserOf(workshop, workshop.people.bruno);
    const tab = bruno.queue();
    await tab.add({ voteId, cardId: h1, delta: 1 });
    expect(bruno.seen.pending).toHaveLength(0);

    bruno.network.online = false;
    await tab.add({ voteId, cardId: h3, delta: 1 });
    expect(tab.pending()).toHaveLength(1);
    const closed = await api.close(workshop.people.facilitator, voteId);
    const results = closed.body.results as { cardId: string; dots: number }[];

    bruno.network.online = true;
    await tab.flush();
    expect(tab.pending()).toHaveLength(0);
    expect(bruno.seen.refusals).toEqual(['Le vote est clos : vos points n’ont pas été comptés.']);
    expect(bruno.seen.ballots.at(-1)).toMatchObject({ status: 'closed', dots: { [h1]: 1 } });
    // The results are what they were at the close.
    const after = await api.detail(workshop.people.facilitator, voteId);
    expect(after.body.results).toEqual(results);
    expect(results.find((r) => r.cardId === h3)?.dots).toBe(0);
  });
});
