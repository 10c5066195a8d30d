import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, sessionDocIdOf, type HeldCard, type HeldCardList } from '@boussole/shared';
import { waitFor } from '../helpers/wait.js';
import {
  containsText,
  observationInput,
  recordingCaller,
  recordingClient,
  setSession,
  startWorkshop,
  verbatimsOn,
  type RecordingClient,
  type Workshop,
} from './contributionSetup.js';

/**
 * « Écrire seul, révéler ensemble » on the raw protocol: Alice writes three cards privately;
 * Bruno's sockets (board and session documents) record every frame and his REST calls every
 * answer. None of it holds the cards' text until the animatrice reveals them; then both see
 * the three cards arrive in one update.
 */

const secrets = ['SECRET-ALICE-ONE', 'SECRET-ALICE-TWO', 'SECRET-ALICE-THREE'];

describe('write privately, reveal together', () => {
  let w: Workshop;
  const sockets: RecordingClient[] = [];
  beforeAll(async () => {
    w = await startWorkshop();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await w?.server.close();
  });

  it('holds private cards out of every frame and answer until the reveal, then shows them at once', async () => {
    const { server, board } = w;
    await setSession(server, board, 'modes', { anonymous: false, privateWriting: true });

    const aliceBoard = await recordingClient(server.collabUrl, board, w.alice);
    const brunoBoard = await recordingClient(server.collabUrl, board, w.bruno);
    const brunoSession = await recordingClient(server.collabUrl, sessionDocIdOf(board), w.bruno, {
      waitSynced: false,
    });
    sockets.push(aliceBoard, brunoBoard, brunoSession);

    const aliceAnswers: string[] = [];
    const brunoAnswers: string[] = [];
    const asAlice = recordingCaller(server.httpUrl, w.alice, aliceAnswers);
    const asBruno = recordingCaller(server.httpUrl, w.bruno, brunoAnswers);
    const path = `/api/boards/${board}/held-cards`;

    const written: HeldCard[] = [];
    for (const secret of secrets) {
      const answer = await asAlice<HeldCard>('POST', path, observationInput(`${secret} draft`));
      expect(answer.status).toBe(201);
      expect(answer.body.purpose).toBe('private');
      written.push(answer.body);
    }
    // Editable until the reveal: the final wording is what the board receives.
    for (const [i, card] of written.entries()) {
      const edited = await asAlice('PUT', `${path}/${card.id}`, observationInput(secrets[i]!));
      expect(edited.status).toBe(200);
    }

    // Alice sees her own cards; Bruno only how many wait.
    const own = await asAlice<HeldCardList>('GET', path);
    expect(own.body.cards.map((c) => (c.props as { verbatim: string }).verbatim)).toEqual(secrets);
    const brunos = await asBruno<HeldCardList>('GET', path);
    expect(brunos.body).toEqual({ cards: [], counts: { private: 3, inbox: 0 } });
    // Everything else Bruno may ask: someone else's card, the inbox, the reveal, the export.
    expect((await asBruno('PUT', `${path}/${written[0]!.id}`, observationInput('x'))).status).toBe(
      404,
    );
    expect((await asBruno('DELETE', `${path}/${written[1]!.id}`)).status).toBe(404);
    expect((await asBruno('GET', `/api/boards/${board}/inbox`)).status).toBe(403);
    expect((await asBruno('POST', `${path}/reveal`)).status).toBe(403);
    const exported = await fetch(`${server.httpUrl}/api/boards/${board}/export?format=csv`, {
      headers: { cookie: w.bruno },
    });
    brunoAnswers.push(await exported.text());

    // Bruno writes a card himself meanwhile: board traffic flows while the secrets stay out.
    await asBruno('POST', path, observationInput('BRUNO-OWN-CARD'));
    const aliceLater = await asAlice<HeldCardList>('GET', path);
    expect(aliceLater.body.counts.private).toBe(4);

    for (const secret of secrets) {
      for (const frame of [...brunoBoard.frames, ...brunoSession.frames]) {
        expect(containsText(frame, secret)).toBe(false);
      }
      for (const answer of brunoAnswers) expect(answer).not.toContain(secret);
    }
    expect(brunoBoard.frames.length).toBeGreaterThan(0);
    expect(verbatimsOn(brunoBoard.doc)).toEqual([]);

    const framesBefore = brunoBoard.frames.length;
    const reveal = await recordingCaller(
      server.httpUrl,
      w.facilitator,
      [],
    )<{ revealed: number }>('POST', `${path}/reveal`);
    expect(reveal.status).toBe(200);
    expect(reveal.body.revealed).toBe(4);

    const expected = [...secrets, 'BRUNO-OWN-CARD'].sort();
    for (const client of [aliceBoard, brunoBoard]) {
      await waitFor(() => verbatimsOn(client.doc).length === 4, { what: 'the revealed cards' });
      expect(verbatimsOn(client.doc).sort()).toEqual(expected);
    }
    // One update carried every card: no frame holds some of them without the others.
    const carrying = brunoBoard.frames
      .slice(framesBefore)
      .filter((frame) => secrets.some((secret) => containsText(frame, secret)));
    expect(carrying).toHaveLength(1);
    expect(decodeFrame(carrying[0]!).kind).toBe('update');
    for (const secret of secrets) expect(containsText(carrying[0]!, secret)).toBe(true);

    // Revealed cards leave the table: nothing waits, nothing more to edit.
    const after = await asAlice<HeldCardList>('GET', path);
    expect(after.body).toEqual({ cards: [], counts: { private: 0, inbox: 0 } });
    expect((await asAlice('PUT', `${path}/${written[0]!.id}`, observationInput('y'))).status).toBe(
      404,
    );
  });
});
