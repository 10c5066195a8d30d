import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, readBoardRecords } from '@boussole/shared';
import { waitFor } from '../helpers/wait.js';
import {
  containsText,
  recordingClient,
  setSession,
  startWorkshop,
  verbatimsOn,
  writeCardDirectly,
  writeFirstPage,
  type RecordingClient,
  type Workshop,
} from './contributionSetup.js';

/**
 * « Sans hiérarchie » on the raw protocol: once the board is anonymous, the presence frames
 * the others receive carry nobody's name, colour or cursor (removals only), a newcomer gets
 * none, the cards written meanwhile carry no author, and the audit log still knows who wrote
 * them. Turning the mode off shows presence again.
 */

const names = ['Alice Travailleuse', 'Bruno Directeur', 'Fanny Animatrice'];

/** The states of an awareness frame's entries (null for a removal). */
function awarenessStates(frame: Uint8Array): unknown[] | undefined {
  const decoded = decodeFrame(frame);
  if (decoded.kind !== 'awareness') return undefined;
  const decoder = decoding.createDecoder(decoded.update);
  const states: unknown[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    states.push(JSON.parse(decoding.readVarString(decoder)));
  }
  return states;
}

function showCursor(client: RecordingClient, name: string, x: number): void {
  client.provider.awareness.setLocalState({
    user: { name, color: '#3366cc' },
    tldrawPresence: { userName: name, color: '#3366cc', cursor: { x, y: 10, rotation: 0 } },
  });
}

/** The names of the others' presence this client holds (its own state left out). */
const namesSeenBy = (client: RecordingClient) =>
  [...client.provider.awareness.getStates()]
    .filter(([id]) => id !== client.doc.clientID)
    .map(([, state]) => (state as { user?: { name?: string } }).user?.name)
    .filter((name): name is string => typeof name === 'string');

describe('anonymous mode', () => {
  let w: Workshop;
  const sockets: RecordingClient[] = [];
  beforeAll(async () => {
    w = await startWorkshop();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await w?.server.close();
  });

  it('relays no name or cursor to anyone and keeps the authors in the audit only', async () => {
    const { server, board } = w;
    const alice = await recordingClient(server.collabUrl, board, w.alice);
    const bruno = await recordingClient(server.collabUrl, board, w.bruno);
    sockets.push(alice, bruno);
    writeFirstPage(alice);

    // Before: names and cursors flow, stamped by the server.
    showCursor(alice, 'anyone', 1);
    await waitFor(() => namesSeenBy(bruno).includes(names[0]!), { what: 'Alice’s presence' });

    await setSession(server, board, 'modes', { anonymous: true, privateWriting: false });
    const mark = bruno.frames.length;
    // The switch reaches the relay with the next presence anyone sends.
    showCursor(alice, 'anyone', 2);
    await waitFor(() => namesSeenBy(bruno).length === 0, { what: 'presence removed for Bruno' });
    for (let x = 3; x < 8; x++) showCursor(alice, 'anyone', x);
    showCursor(bruno, 'anyone', 1);

    // A facilitator joining now learns nobody's presence either.
    const fanny = await recordingClient(server.collabUrl, board, w.facilitator);
    sockets.push(fanny);
    showCursor(fanny, 'anyone', 1);

    const cardId = writeCardDirectly(alice, 'ANONYMOUS-CARD');
    await waitFor(() => verbatimsOn(bruno.doc).includes('ANONYMOUS-CARD'), {
      what: 'the anonymous card',
    });
    await waitFor(() => verbatimsOn(fanny.doc).includes('ANONYMOUS-CARD'), {
      what: 'the anonymous card for Fanny',
    });
    expect(readBoardRecords(bruno.doc)[cardId]?.meta).toEqual({});

    for (const frames of [bruno.frames.slice(mark), fanny.frames]) {
      for (const frame of frames) {
        const states = awarenessStates(frame);
        if (states) expect(states.every((state) => state === null)).toBe(true);
        for (const name of names) expect(containsText(frame, name)).toBe(false);
      }
    }
    expect(namesSeenBy(fanny)).toEqual([]);

    // The audit knows who wrote the card: ids, no words.
    const workspaceId = (await server.app.access.documents.get(board))!.workspaceId!;
    await waitFor(
      async () =>
        (await server.app.access.audit.list(server.store.sql, workspaceId)).some(
          (entry) => entry.action === 'contributions.anonymous-cards',
        ),
      { what: 'the audit entry' },
    );
    const entries = await server.app.access.audit.list(server.store.sql, workspaceId);
    const authored = entries.find((entry) => entry.action === 'contributions.anonymous-cards');
    expect(authored?.actorName).toBe(names[0]);
    expect(authored?.details).toEqual({
      boardId: board,
      cards: [{ cardId, authorId: authored?.actorId }],
    });
    expect(JSON.stringify(entries)).not.toContain('ANONYMOUS-CARD');

    // Off again: presence comes back with the next move.
    await setSession(server, board, 'modes', { anonymous: false, privateWriting: false });
    showCursor(alice, 'anyone', 20);
    await waitFor(() => namesSeenBy(bruno).includes(names[0]!), { what: 'presence back' });
  });
});
