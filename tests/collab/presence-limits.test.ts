import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@boussole/shared';
import { awarenessToPresence } from '../../client/src/board/awarenessBinding.js';
import {
  createAdmin,
  createBoard,
  createLink,
  createWorkspace,
  redeemLink,
} from '../helpers/accounts.js';
import { connectSynced, type TestClient } from '../helpers/clients.js';
import { awarenessFrame, isAwarenessFrame } from '../helpers/presenceFrames.js';
import { connectRaw, type RawClient } from '../helpers/rawClient.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue #12, presence: a read-only guest published 60 awareness ids with 1 MB states each; the
 * server held them all and sent 60 MB to every newcomer. Now one connection publishes at most
 * MAX_PRESENCE_IDS ids (more: closed, 4431), a state over MAX_PRESENCE_BYTES is ignored, the
 * colours peers render are hex colours, and honest providers are never bothered.
 */

/** A state of about `bytes` bytes, as a crafted client would pad it. */
function paddedState(bytes: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...extra, pad: 'x'.repeat(bytes) });
}

/** The first awareness frame the server greets a newcomer with (every presence it holds). */
async function greetingPresence(collabUrl: string, docId: string, cookie: string) {
  const newcomer = connectRaw(collabUrl, docId, { cookie });
  await newcomer.opened;
  const frame = await newcomer.waitForFrame(isAwarenessFrame, 'the newcomer’s presence greeting');
  newcomer.close();
  return frame;
}

/** A tldraw shape id, in the shape and length of createShapeId(). */
function shapeId(i: number): string {
  return `shape:${i.toString(36).padStart(21, 'q')}`;
}

describe('presence limits on the board websocket', () => {
  let server: TestServer;
  let admin = '';
  let workspace = '';
  const open: TestClient[] = [];
  const raws: RawClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    admin = await createAdmin(server.httpUrl, server.app.access.setup.open());
    workspace = await createWorkspace(server.httpUrl, admin);
  });

  afterEach(() => {
    for (const c of open.splice(0)) c.destroy();
    for (const r of raws.splice(0)) r.terminate();
  });

  afterAll(async () => {
    await server.close();
  });

  const raw = (docId: string, cookie: string) => {
    const client = connectRaw(server.collabUrl, docId, { cookie });
    raws.push(client);
    return client;
  };
  const client = async (docId: string, cookie: string) => {
    const c = await connectSynced(server.collabUrl, docId, { cookie });
    open.push(c);
    return c;
  };
  const roomAwareness = (docId: string) => {
    const room = server.app.rooms.peek(docId);
    if (!room) throw new Error('room not loaded');
    return room.awareness;
  };

  async function readerGuest(name: string): Promise<string> {
    const link = await createLink(server.httpUrl, admin, workspace, { role: 'lecteur' });
    return redeemLink(server.httpUrl, link.token, name);
  }

  /** A board with a witness whose own cursor is shown, recording every state it ever saw. */
  async function boardWithWitness() {
    const board = await createBoard(server.httpUrl, admin, workspace);
    const witness = await client(board, admin);
    witness.provider.awareness.setLocalStateField('cursor', { x: 0, y: 0 });
    const seen = { maxOthers: 0, maxStateBytes: 0, states: [] as unknown[] };
    witness.provider.awareness.on('change', () => {
      const states = witness.provider.awareness.getStates();
      seen.maxOthers = Math.max(seen.maxOthers, states.size - 1);
      for (const [id, state] of states) {
        if (id === witness.provider.awareness.clientID) continue;
        seen.maxStateBytes = Math.max(seen.maxStateBytes, JSON.stringify(state).length);
        seen.states.push(state);
      }
    });
    await waitFor(() => roomAwareness(board).getStates().size === 1, {
      what: 'the witness’s presence on the server',
    });
    return { board, witness, seen };
  }

  it('closes a read-only guest publishing more presence ids than allowed, and drops what it held', async () => {
    const { board, witness, seen } = await boardWithWitness();
    const guest = raw(board, await readerGuest('Invité lecteur'));
    await guest.opened;
    // 60 ids of 100 KB each (under the size cap): only the id cap can stop it.
    for (let i = 0; i < 60 && !guest.closeInfo; i++) {
      await guest.send(awarenessFrame(5_000 + i, 1, paddedState(100_000))).catch(() => {});
    }
    const closed = await guest.waitClosed();
    expect(closed.code).toBe(CloseCode.PresenceRefused);
    // Everything it published leaves with it; the others never saw more than the cap.
    await waitFor(() => roomAwareness(board).getStates().size === 1, {
      what: 'the guest’s presence to be removed',
    });
    await waitFor(() => witness.provider.awareness.getStates().size === 1, {
      what: 'the witness to see the guest leave',
    });
    expect(seen.maxOthers).toBeLessThanOrEqual(4);
    expect(seen.maxOthers).toBeGreaterThan(0);
    // A newcomer is greeted with the witness's cursor alone.
    const greeting = await greetingPresence(server.collabUrl, board, admin);
    expect(greeting.length).toBeLessThan(1024);
  });

  it('ignores presence states over the size limit: not held, not relayed, socket kept', async () => {
    const { board, witness, seen } = await boardWithWitness();
    const guest = raw(board, await readerGuest('Invitée lectrice'));
    await guest.opened;
    // 60 ids with 1 MB states, one frame each (the frame limit is 4 MB).
    for (let i = 0; i < 60; i++) {
      await guest.send(awarenessFrame(7_000 + i, 1, paddedState(1_000_000)));
    }
    // Then a small state, sent after them on the same socket: once the witness has it, the
    // big ones were all judged.
    await guest.send(awarenessFrame(7_100, 1, JSON.stringify({ cursor: { x: 42, y: 1 } })));
    await waitFor(
      () =>
        (witness.provider.awareness.getStates().get(7_100) as { cursor?: { x: number } })?.cursor
          ?.x === 42,
      { what: 'the guest’s small presence' },
    );
    expect(guest.closeInfo).toBeUndefined();
    expect(seen.maxStateBytes).toBeLessThan(1_000);
    expect([...roomAwareness(board).getStates().keys()].sort()).toEqual(
      [witness.provider.awareness.clientID, 7_100].sort(),
    );
    // Nor are the ignored ids remembered anywhere (y-protocols' meta map).
    expect(roomAwareness(board).meta.size).toBeLessThanOrEqual(3);
    const greeting = await greetingPresence(server.collabUrl, board, admin);
    expect(greeting.length).toBeLessThan(1024);
  });

  it('never relays a colour that is not a colour', async () => {
    const { board, witness } = await boardWithWitness();
    const listener = raw(board, admin);
    await listener.opened;
    const guest = raw(board, await readerGuest('Invité coloré'));
    await guest.opened;
    const hostile = 'red; background-image: url(https://tracker.example/pixel.png)';
    await guest.send(
      awarenessFrame(
        9_001,
        1,
        JSON.stringify({
          user: { name: 'x', color: hostile },
          tldrawPresence: { color: 'url(https://tracker.example/cursor.png)', userName: 'x' },
        }),
      ),
    );
    await waitFor(() => witness.provider.awareness.getStates().has(9_001), {
      what: 'the guest’s presence',
    });
    const state = witness.provider.awareness.getStates().get(9_001) as {
      user: { name: string; color: string };
      tldrawPresence: { color: string; userName: string };
    };
    expect(state.user.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(state.tldrawPresence.color).toBe(state.user.color);
    // Names come from the guest's link, not from the state it sent.
    expect(state.user.name).toBe('Invité coloré');
    expect(state.tldrawPresence.userName).toBe('Invité coloré');
    await waitFor(() => listener.received.some(isAwarenessFrame), { what: 'the relayed frame' });
    const relayed = Buffer.concat(listener.received.map((f) => Buffer.from(f)));
    expect(relayed.includes('tracker.example')).toBe(false);
  });

  it('keeps an honest provider’s presence flowing: a big tldraw selection, a reconnect, two tabs', async () => {
    const { board, witness } = await boardWithWitness();
    const camille = await client(board, admin);
    const closes: number[] = [];
    camille.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closes.push(event.code);
    });
    // What BoardPage publishes when 2,000 cards are selected (Ctrl+A on a large board).
    // The client writes the identity it was given; whatever it writes, the server stamps it.
    const user = { id: 'camille', name: 'Camille' };
    const presence = {
      userId: `user:${user.id}`,
      userName: user.name,
      lastActivityTimestamp: Date.now(),
      followingUserId: null,
      cursor: { x: 1234.5678901, y: -987.654321, type: 'default', rotation: 0 },
      color: '#1f77b4',
      camera: { x: -1234.56789, y: 876.54321, z: 0.35123456 },
      screenBounds: { x: 0, y: 0, w: 1920, h: 1080 },
      selectedShapeIds: Array.from({ length: 2_000 }, (_, i) => shapeId(i)),
      currentPageId: 'page:page',
      brush: null,
      scribbles: [],
      chatMessage: '',
      meta: {},
    };
    expect(awarenessToPresence(1, presence)).not.toBeNull();
    camille.provider.awareness.setLocalState({ user, tldrawPresence: presence });
    const camilleId = camille.provider.awareness.clientID;
    const bytes = JSON.stringify(camille.provider.awareness.getLocalState()).length;
    // Well under MAX_PRESENCE_BYTES' default (256 KiB): about 30 bytes per selected card.
    expect(bytes).toBeLessThan(100_000);
    const seenBy = (who: TestClient, id: number) =>
      who.provider.awareness.getStates().get(id) as
        { tldrawPresence?: { selectedShapeIds: string[]; cursor: { x: number } } } | undefined;
    await waitFor(
      () => seenBy(witness, camilleId)?.tldrawPresence?.selectedShapeIds.length === 2_000,
      {
        what: 'the big selection',
      },
    );
    expect(
      awarenessToPresence(camilleId, seenBy(witness, camilleId)?.tldrawPresence),
    ).not.toBeNull();

    // Her cursor moves many times: every move is the same id, never a new one.
    for (let x = 0; x < 30; x++) {
      camille.provider.awareness.setLocalStateField('tldrawPresence', {
        ...presence,
        cursor: { ...presence.cursor, x },
      });
    }
    await waitFor(() => seenBy(witness, camilleId)?.tldrawPresence?.cursor.x === 29, {
      what: 'the last cursor move',
    });

    // A reconnect keeps her client id (the same provider), several times over.
    for (let round = 0; round < 6; round++) {
      camille.provider.disconnect();
      await waitFor(() => !witness.provider.awareness.getStates().has(camilleId), {
        what: 'her presence to leave',
      });
      camille.provider.connect();
      camille.provider.awareness.setLocalStateField('tldrawPresence', {
        ...presence,
        cursor: { ...presence.cursor, x: 100 + round },
      });
      await waitFor(() => seenBy(witness, camilleId)?.tldrawPresence?.cursor.x === 100 + round, {
        what: `her cursor after reconnect ${round}`,
      });
    }

    // A second tab of the same person: both cursors show.
    const secondTab = await client(board, admin);
    secondTab.provider.awareness.setLocalStateField('cursor', { x: 7, y: 7 });
    await waitFor(
      () => witness.provider.awareness.getStates().has(secondTab.provider.awareness.clientID),
      { what: 'the second tab' },
    );
    expect(seenBy(witness, camilleId)?.tldrawPresence?.cursor.x).toBe(105);
    expect(closes.filter((code) => code >= 4000)).toEqual([]);
  });

  it('leaves no presence behind a connection that removed and re-published its ids', async () => {
    const { board, witness } = await boardWithWitness();
    const cookie = await readerGuest('Invité qui revient');
    // Each connection publishes an id, removes it, publishes it again; the next connection
    // reuses it at a higher clock. Once a connection is gone, so is its cursor.
    let clock = 0;
    for (let round = 0; round < 3; round++) {
      const guest = raw(board, cookie);
      await guest.opened;
      await guest.send(awarenessFrame(8_001, ++clock, '{"cursor":{"x":1}}'));
      await guest.send(awarenessFrame(8_001, ++clock, 'null'));
      await guest.send(awarenessFrame(8_001, ++clock, `{"cursor":{"x":${round}}}`));
      await waitFor(
        () =>
          (witness.provider.awareness.getStates().get(8_001) as { cursor?: { x: number } })?.cursor
            ?.x === round,
        { what: `the guest’s cursor in round ${round}` },
      );
      guest.close();
      // Well before y-protocols' 30 s timeout would remove a state nobody owns.
      await waitFor(() => !witness.provider.awareness.getStates().has(8_001), {
        timeoutMs: 10_000,
        what: `the guest’s cursor to leave in round ${round}`,
      });
    }
    // Removals of ids nobody shows leave nothing in the room's awareness either.
    const guest = raw(board, cookie);
    await guest.opened;
    const metaBefore = roomAwareness(board).meta.size;
    for (let i = 0; i < 500; i++) await guest.send(awarenessFrame(20_000 + i, 5, 'null'));
    await guest.send(awarenessFrame(8_002, 1, '{"cursor":{"x":3}}'));
    await waitFor(() => witness.provider.awareness.getStates().has(8_002), {
      what: 'the last presence',
    });
    expect(roomAwareness(board).meta.size).toBeLessThanOrEqual(metaBefore + 1);
  });
});
