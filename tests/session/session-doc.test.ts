import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodePermissionDenied,
  encodeSyncStep2,
  encodeUpdate,
  sessionDocIdOf,
  sessionDocLayout,
  type SessionLock,
} from '@boussole/shared';
import { call } from '../helpers/accounts.js';
import { connectSynced, type TestClient } from '../helpers/clients.js';
import { connectRaw, type RawClient } from '../helpers/rawClient.js';
import { waitFor } from '../helpers/wait.js';
import { canonicalState } from '../helpers/yjsState.js';
import { runningTimer, startSessionFixture, type SessionFixture } from './sessionFixture.js';

/**
 * A board's session document (timer, agenda, vote, lock…) is written by facilitators only:
 * a contributor's frames never reach it nor anyone else, and even a facilitator's client
 * cannot store a value the contract does not allow.
 */
describe('the board session document', () => {
  let f: SessionFixture;
  const open: TestClient[] = [];
  const raws: RawClient[] = [];

  const client = async (cookie: string) => {
    const c = await connectSynced(f.server.collabUrl, f.sessionDocId, { cookie });
    open.push(c);
    return c;
  };
  const raw = async (cookie: string) => {
    const r = connectRaw(f.server.collabUrl, f.sessionDocId, { cookie });
    raws.push(r);
    await r.opened;
    return r;
  };
  const session = (c: TestClient) => c.doc.getMap<unknown>(sessionDocLayout.root);
  const serverState = () => {
    const room = f.server.app.rooms.peek(f.sessionDocId);
    if (!room) throw new Error('session room not loaded');
    return canonicalState(room.doc);
  };
  const contains = (frames: Uint8Array[], marker: string) =>
    frames.some((frame) => Buffer.from(frame).includes(Buffer.from(marker)));

  beforeAll(async () => {
    f = await startSessionFixture();
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    for (const r of raws) r.terminate();
    await f.close();
  });

  it('is created beside the board, named after it, and the server tells the time', async () => {
    expect(f.sessionDocId).toBe(sessionDocIdOf(f.board));
    const clock = await call<{ now: number }>(f.server.httpUrl, 'GET', '/api/clock');
    expect(clock.status).toBe(200);
    expect(Math.abs(clock.body.now - f.now())).toBeLessThan(5_000);
    f.advance(3 * 60_000);
    const later = await call<{ now: number }>(f.server.httpUrl, 'GET', '/api/clock');
    expect(later.body.now - clock.body.now).toBeGreaterThanOrEqual(3 * 60_000);
    // Readers read it live (the timer, the agenda), as everyone does.
    const reader = await client(f.reader);
    expect(reader.provider.synced).toBe(true);
  });

  it('refuses a contributor’s write byte for byte: the document and the others never see it', async () => {
    const animatrice = await client(f.animatrice);
    session(animatrice).set('lock', { board: false, areaIds: [], moderated: false });
    const witness = await raw(f.bruno);
    await waitFor(() => f.server.app.sessions.currentSession(f.board).lock !== undefined, {
      what: 'the first lock value',
    });
    const before = serverState();

    const intruder = await raw(f.alice);
    const forged = new Y.Doc();
    forged
      .getMap(sessionDocLayout.root)
      .set('timer', runningTimer(f.now(), 1, { label: 'INTRUSION-timer', freezeAtZero: true }));
    forged.getMap('elsewhere').set('x', 'INTRUSION-root');
    const bytes = Y.encodeStateAsUpdate(forged);
    await intruder.send(encodeUpdate(bytes));
    await intruder.send(encodeSyncStep2(bytes));
    const denied = await intruder.waitForFrame(
      (frame) => decodePermissionDenied(frame) !== undefined,
      'the refusal notice',
    );
    expect(decodePermissionDenied(denied)).toMatch(/Modification refusée/);

    // A facilitator's later edit reaching the witness proves the forged frames had their chance.
    const sentinel: SessionLock = { board: true, areaIds: [], moderated: false };
    session(animatrice).set('lock', sentinel);
    const sentinelUpdate = Y.encodeStateAsUpdate(animatrice.doc);
    await waitFor(() => f.server.app.sessions.currentSession(f.board).lock?.board === true, {
      what: 'the sentinel on the server',
    });
    const watcher = await client(f.bruno);
    await waitFor(() => (session(watcher).get('lock') as SessionLock | undefined)?.board === true, {
      what: 'the sentinel at a participant',
    });
    expect(session(watcher).has('timer')).toBe(false);
    expect(contains(witness.received, 'INTRUSION')).toBe(false);
    expect(serverState().includes(Buffer.from('INTRUSION'))).toBe(false);
    // Nothing but the sentinel changed.
    const expected = new Y.Doc();
    Y.applyUpdate(expected, before);
    Y.applyUpdate(expected, sentinelUpdate);
    expect(canonicalState(expected).equals(serverState())).toBe(true);
    expect(intruder.closeInfo).toBeUndefined();
  });

  it('applies an animatrice’s timer for everyone, and the server’s own writes', async () => {
    const animatrice = await client(f.animatrice);
    const participant = await client(f.alice);
    const timer = runningTimer(f.now(), 5 * 60_000, { label: 'Représentations' });
    session(animatrice).set('timer', timer);
    await waitFor(() => session(participant).has('timer'), { what: 'the timer at Alice' });
    expect(session(participant).get('timer')).toEqual(timer);
    expect((await f.server.app.sessions.readSession(f.board)).timer).toEqual(timer);

    await f.server.app.sessions.writeSessionValue(f.board, 'modes', {
      anonymous: true,
      privateWriting: false,
    });
    await waitFor(() => session(participant).has('modes'), { what: 'the server’s write' });
    expect(f.server.app.sessions.currentSession(f.board).modes?.anonymous).toBe(true);
    await expect(
      f.server.app.sessions.writeSessionValue(f.board, 'modes', {
        anonymous: 'oui',
      } as never),
    ).rejects.toThrow();
    await f.server.app.sessions.writeSessionValue(f.board, 'modes', null);
    await waitFor(() => !session(participant).has('modes'), { what: 'the key removed' });
  });

  it('reverts crafted values even from a facilitator: bad schema, unknown key, nested Y type', async () => {
    const witness = await client(f.bruno);
    await waitFor(() => session(witness).has('timer'), { what: 'the current timer' });
    const timerBefore = session(witness).get('timer');
    const lockBefore = session(witness).get('lock');
    const crafty = await raw(f.animatrice);
    const forged = new Y.Doc();
    const root = forged.getMap<unknown>(sessionDocLayout.root);
    forged.transact(() => {
      // Valid: kept.
      root.set('agenda', { steps: [], current: null });
      // Invalid against its schema (negative duration, extra field).
      root.set('timer', { ...runningTimer(f.now(), 1_000), durationMs: -5, extra: 'VALUE-1' });
      // A key the contract does not know.
      root.set('CRAFT-unknown', { anything: 'VALUE-2' });
      // A nested Y type instead of a plain JSON value.
      const nested = new Y.Map<unknown>();
      root.set('lock', nested);
      nested.set('board', 'VALUE-3');
      // Content outside the session root.
      forged.getArray('CRAFT-root').push(['VALUE-4']);
    });
    await crafty.send(encodeUpdate(Y.encodeStateAsUpdate(forged)));
    const denied = await crafty.waitForFrame(
      (frame) => decodePermissionDenied(frame) !== undefined,
      'the refusal notice',
    );
    expect(decodePermissionDenied(denied)).toMatch(/État de séance refusé/);
    await waitFor(() => session(witness).has('agenda'), { what: 'the valid key' });
    expect(session(witness).get('timer')).toEqual(timerBefore);
    expect(session(witness).get('lock')).toEqual(lockBefore);
    expect(session(witness).has('CRAFT-unknown')).toBe(false);
    expect(witness.doc.getArray('CRAFT-root').length).toBe(0);
    const state = f.server.app.sessions.currentSession(f.board);
    expect(state.timer).toEqual(timerBefore);
    expect(Object.keys(state).sort()).toEqual(['agenda', 'lock', 'timer']);
    // Keys and root names stay as Yjs tombstones; no refused value does.
    expect(serverState().includes(Buffer.from('VALUE-'))).toBe(false);
  });
});
