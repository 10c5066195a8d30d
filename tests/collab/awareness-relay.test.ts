import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { decodeFrame, encodeAwareness } from '@boussole/shared';
import { connectRaw, type RawClient } from '../helpers/rawClient.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openDocuments } from '../helpers/collabAccess.js';

/**
 * Presence relay policy: small rooms relay each cursor move at once (no synchronised bursts);
 * from AWARENESS_COALESCE_MIN_PEERS participants on, moves are coalesced into one frame per
 * AWARENESS_FLUSH_MS, so fan-out stays bounded in large rooms.
 */
describe('awareness relay', () => {
  let server: TestServer | undefined;
  const sockets: RawClient[] = [];

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.terminate();
    await server?.close();
    server = undefined;
  });

  const cursor = new Awareness(new Y.Doc());
  afterEach(() => cursor.setLocalState(null));

  /** Cursor positions `from`…`to` of one participant, sent back to back in one tick. */
  async function moveCursor(alice: RawClient, from: number, to: number): Promise<void> {
    const frames: Uint8Array[] = [];
    for (let x = from; x <= to; x++) {
      cursor.setLocalState({ cursor: { x, y: 0 } });
      frames.push(encodeAwareness(encodeAwarenessUpdate(cursor, [cursor.clientID])));
    }
    await Promise.all(frames.map((f) => alice.send(f)));
  }

  function lastCursorX(frame: Uint8Array): unknown {
    const decoded = decodeFrame(frame);
    const seen = new Awareness(new Y.Doc());
    seen.setLocalState(null);
    if (decoded.kind === 'awareness') applyAwarenessUpdate(seen, decoded.update, 'test');
    const state = seen.getStates().get(cursor.clientID) as { cursor?: { x: number } } | undefined;
    seen.destroy();
    return state?.cursor?.x;
  }

  const awarenessFrames = (client: RawClient) =>
    client.received.filter((f) => decodeFrame(f).kind === 'awareness');

  async function room(env: Record<string, string>, docId: string) {
    server = await startServer({ env });
    const cookie = await openDocuments(server, docId);
    const alice = connectRaw(server.collabUrl, docId, { cookie });
    const bob = connectRaw(server.collabUrl, docId, { cookie });
    sockets.push(alice, bob);
    await Promise.all([alice.opened, bob.opened]);
    // Both joined (the server greets each with sync step 1) before anyone moves.
    await bob.waitForFrame((f) => decodeFrame(f).kind === 'sync-step-1', 'bob greeted');
    await alice.waitForFrame((f) => decodeFrame(f).kind === 'sync-step-1', 'alice greeted');
    return { alice, bob };
  }

  it('relays every move at once in a room below the threshold', async () => {
    const { alice, bob } = await room({ AWARENESS_COALESCE_MIN_PEERS: '30' }, 'relay-small');
    await moveCursor(alice, 0, 4);
    await waitFor(() => awarenessFrames(bob).length >= 5, { what: 'five awareness frames' });
    expect(awarenessFrames(bob).map(lastCursorX)).toEqual([0, 1, 2, 3, 4]);
  });

  it('coalesces moves into one frame per interval from the threshold on', async () => {
    const { alice, bob } = await room(
      { AWARENESS_COALESCE_MIN_PEERS: '2', AWARENESS_FLUSH_MS: '100' },
      'relay-large',
    );
    await moveCursor(alice, 0, 4);
    await waitFor(() => awarenessFrames(bob).length >= 1, { what: 'the coalesced frame' });
    // A later move arrives as the second frame: the first five made exactly one, the last.
    await moveCursor(alice, 5, 5);
    await waitFor(() => awarenessFrames(bob).some((f) => lastCursorX(f) === 5), {
      what: 'the later move',
    });
    expect(awarenessFrames(bob).map(lastCursorX)).toEqual([4, 5]);
  });
});
