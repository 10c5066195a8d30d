import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardRecordsMap, type HeldCard, type InboxList } from '@boussole/shared';
import { call } from '../helpers/accounts.js';
import { waitFor } from '../helpers/wait.js';
import {
  containsText,
  observationInput,
  recordingClient,
  setSession,
  startWorkshop,
  verbatimsOn,
  writeCardDirectly,
  type RecordingClient,
  type Workshop,
} from './contributionSetup.js';

/**
 * The moderated board: a participant's card written straight into the board is refused by the
 * server (reverted for them, never received by anyone); the same card sent to the inbox waits
 * for the animatrice, who accepts it onto the board or rejects it.
 */

const moderated = { board: false, areaIds: [], moderated: true };

describe('moderated board', () => {
  let w: Workshop;
  const sockets: RecordingClient[] = [];
  beforeAll(async () => {
    w = await startWorkshop();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await w?.server.close();
  });

  it('refuses a participant’s new card on the board and takes it through the inbox instead', async () => {
    const { server, board } = w;
    const url = server.httpUrl;
    const inboxPath = `/api/boards/${board}/inbox`;
    const heldPath = `/api/boards/${board}/held-cards`;
    await setSession(server, board, 'lock', moderated);

    const alice = await recordingClient(server.collabUrl, board, w.alice);
    const bruno = await recordingClient(server.collabUrl, board, w.bruno);
    sockets.push(alice, bruno);

    // Through the inbox: the animatrice sees the content, never the author.
    const sent = await call<HeldCard>(url, 'POST', heldPath, {
      cookie: w.alice,
      body: observationInput('INBOX-FIRST'),
    });
    expect(sent.status).toBe(201);
    expect(sent.body.purpose).toBe('inbox');
    const other = await call<HeldCard>(url, 'POST', heldPath, {
      cookie: w.alice,
      body: observationInput('INBOX-REJECTED'),
    });
    expect((await call(url, 'GET', inboxPath, { cookie: w.bruno })).status).toBe(403);
    const inbox = await call<InboxList>(url, 'GET', inboxPath, { cookie: w.facilitator });
    expect(inbox.body.cards.map((c) => c.id)).toEqual([sent.body.id, other.body.id]);
    expect(JSON.stringify(inbox.body)).not.toContain('Alice');

    const accepted = await call<{ cardId: string }>(
      url,
      'POST',
      `${inboxPath}/${sent.body.id}/accept`,
      { cookie: w.facilitator },
    );
    expect(accepted.status).toBe(200);
    const rejected = await call(url, 'POST', `${inboxPath}/${other.body.id}/reject`, {
      cookie: w.facilitator,
    });
    expect(rejected.body).toEqual({ cardId: null });
    // Decided once: the same card cannot be accepted again.
    expect(
      (await call(url, 'POST', `${inboxPath}/${sent.body.id}/accept`, { cookie: w.facilitator }))
        .status,
    ).toBe(404);
    for (const client of [alice, bruno]) {
      await waitFor(() => verbatimsOn(client.doc).includes('INBOX-FIRST'), {
        what: 'the accepted card',
      });
    }
    expect(verbatimsOn(bruno.doc)).toEqual(['INBOX-FIRST']);
    expect(
      (await call<InboxList>(url, 'GET', inboxPath, { cookie: w.facilitator })).body.cards,
    ).toEqual([]);

    // The audit keeps who wrote the accepted card (ids), never its words.
    const entries = await server.app.access.audit.list(
      server.store.sql,
      (await server.app.access.documents.get(board))!.workspaceId!,
    );
    const acceptance = entries.find((e) => e.action === 'contributions.accepted');
    expect(acceptance?.details).toMatchObject({
      boardId: board,
      cards: [{ cardId: accepted.body.cardId }],
    });
    const audited = JSON.stringify(entries);
    expect(audited).not.toContain('INBOX-FIRST');
    expect(audited).not.toContain('INBOX-REJECTED');

    // Straight onto the board: refused, reverted for Alice, never seen by Bruno.
    const framesBefore = bruno.frames.length;
    const refusedId = writeCardDirectly(alice, 'DIRECT-REFUSED');
    await waitFor(() => alice.denials.length > 0, { what: 'the refusal notice' });
    expect(alice.denials[0]).toMatch(/Tableau modéré/);
    await waitFor(() => !boardRecordsMap(alice.doc).has(refusedId), { what: 'the revert' });
    for (const frame of bruno.frames.slice(framesBefore)) {
      expect(containsText(frame, 'DIRECT-REFUSED')).toBe(false);
    }

    // A facilitator still writes on the board; once moderation ends, participants do too.
    const fanny = await recordingClient(server.collabUrl, board, w.facilitator);
    sockets.push(fanny);
    writeCardDirectly(fanny, 'BY-FACILITATOR');
    await waitFor(() => verbatimsOn(bruno.doc).includes('BY-FACILITATOR'), {
      what: 'the facilitator’s card',
    });
    await setSession(server, board, 'lock', { ...moderated, moderated: false });
    writeCardDirectly(alice, 'DIRECT-AFTER');
    await waitFor(() => verbatimsOn(bruno.doc).includes('DIRECT-AFTER'), {
      what: 'the card once moderation ended',
    });
    expect(
      (
        await call(url, 'POST', heldPath, {
          cookie: w.alice,
          body: observationInput('NOT-HELD'),
        })
      ).status,
    ).toBe(409);
  });
});
