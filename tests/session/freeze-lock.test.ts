import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  readBoardRecords,
  sessionDocLayout,
  type SessionLock,
  type SessionTimer,
} from '@boussole/shared';
import { documentRecordsOf, putDefaultDocument } from '../../client/testing/boardPeers.js';
import { cardRecord } from '../../client/testing/cardRecords.js';
import { bindTab, connectBoard, type BoardClient, type BoardTab } from '../helpers/boardClients.js';
import { connectSynced, type TestClient } from '../helpers/clients.js';
import { connectRaw, type RawClient } from '../helpers/rawClient.js';
import { waitFor } from '../helpers/wait.js';
import { runningTimer, startSessionFixture, type SessionFixture } from './sessionFixture.js';

/** tldraw's record type, named through the client code (tests do not depend on tldraw). */
type TLRecord = ReturnType<typeof documentRecordsOf>[string];

/** A person drags a card: the same record at another x. */
function moveCard(tab: BoardTab, id: string, x: number): void {
  const record = tab.store.get(id as never) as unknown as TLRecord;
  tab.store.put([{ ...record, x } as unknown as TLRecord]);
}

const FROZEN = /Le tableau est figé : le temps est écoulé/;
const BOARD_LOCKED = /Le tableau est verrouillé par l’animateur/;
const AREA_LOCKED = /Cette zone est verrouillée par l’animateur/;

/**
 * While a session runs, the server — not the participants' clients — refuses their board
 * updates when the timer is frozen at zero or the board (or an area of it) is locked: the
 * update is taken back for its sender, reaches nobody else, and the sender is told why in
 * French. The animatrice is never refused.
 */
describe('freeze at zero and locks, enforced on the board’s frames', () => {
  let f: SessionFixture;
  const open: { destroy(): void }[] = [];
  const raws: RawClient[] = [];
  let control: TestClient;
  let anim: BoardClient;
  let animTab: BoardTab;
  let alice: BoardClient;
  let aliceTab: BoardTab;
  /** Bruno's socket, capturing every frame the server sends him. */
  let bruno: RawClient;

  const setSession = async <K extends 'timer' | 'lock'>(
    key: K,
    value: K extends 'timer' ? SessionTimer | null : SessionLock | null,
  ) => {
    const root = control.doc.getMap<unknown>(sessionDocLayout.root);
    if (value === null) root.delete(key);
    else root.set(key, value);
    await waitFor(
      () =>
        JSON.stringify(f.server.app.sessions.currentSession(f.board)[key] ?? null) ===
        JSON.stringify(value),
      { what: `the session’s ${key} on the server` },
    );
  };
  const has = (client: BoardClient, id: string) => id in readBoardRecords(client.doc);
  const recordOf = (client: BoardClient, id: string) =>
    readBoardRecords(client.doc)[id] as { x: number } | undefined;
  const brunoSaw = (marker: string) =>
    bruno.received.some((frame) => Buffer.from(frame).includes(Buffer.from(marker)));
  /** The animatrice writes a card: once it reaches Alice, everything sent before had its chance. */
  let sentinels = 0;
  const sentinel = async () => {
    const id = `sentinel${++sentinels}`;
    animTab.store.put([cardRecord(animTab.store, 'indicator', id, { x: 3000 + sentinels * 300 })]);
    await waitFor(() => has(alice, `shape:${id}`), { what: `the sentinel ${id} at Alice` });
  };
  const aliceWrites = (id: string, fields: Parameters<typeof cardRecord>[3] = {}) =>
    aliceTab.store.put([
      cardRecord(aliceTab.store, 'observation', id, {
        ...fields,
        props: { verbatim: `MARQUE-${id}` },
      }),
    ]);

  beforeAll(async () => {
    f = await startSessionFixture();
    control = await connectSynced(f.server.collabUrl, f.sessionDocId, { cookie: f.animatrice });
    open.push(control);
    anim = await connectBoard(f.server.collabUrl, f.board, f.animatrice);
    animTab = bindTab(anim);
    putDefaultDocument(animTab.store);
    alice = await connectBoard(f.server.collabUrl, f.board, f.alice);
    aliceTab = bindTab(alice);
    open.push(anim, alice);
    bruno = connectRaw(f.server.collabUrl, f.board, { cookie: f.bruno });
    raws.push(bruno);
    await bruno.opened;
    await waitFor(() => has(alice, 'document:document'), { what: 'the board’s document record' });
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    for (const r of raws) r.terminate();
    await f.close();
  });

  it('refuses a participant’s update while the timer is frozen at zero, until the animatrice resumes', async () => {
    await setSession('timer', runningTimer(f.now(), 60_000, { freezeAtZero: true }));
    aliceWrites('before');
    await waitFor(() => has(anim, 'shape:before'), { what: 'a card written in time' });

    f.advance(61_000);
    aliceWrites('frozen');
    // Moving a card already there is refused too.
    const before = recordOf(alice, 'shape:before');
    moveCard(aliceTab, 'shape:before', 777);
    await waitFor(() => alice.denials.some((d) => FROZEN.test(d)), { what: 'the French notice' });
    await sentinel();
    await waitFor(() => !has(alice, 'shape:frozen'), { what: 'Alice’s copy reverted' });
    await waitFor(() => recordOf(alice, 'shape:before')?.x === before?.x, {
      what: 'the move reverted',
    });
    expect(has(anim, 'shape:frozen')).toBe(false);
    expect(aliceTab.store.has('shape:frozen' as never)).toBe(false);
    expect(brunoSaw('MARQUE-frozen')).toBe(false);
    expect(readBoardRecords(f.server.app.rooms.peek(f.board)!.doc)['shape:frozen']).toBe(undefined);

    // « + 1 min »: the timer runs again, and so does the board.
    await setSession('timer', runningTimer(f.now(), 60_000, { freezeAtZero: true }));
    aliceWrites('resumed');
    await waitFor(() => has(anim, 'shape:resumed'), { what: 'a card written after resuming' });
    expect(brunoSaw('MARQUE-resumed')).toBe(true);
    // At zero again, then stopped: a stopped timer freezes nothing.
    f.advance(61_000);
    await setSession('timer', {
      ...runningTimer(f.now(), 0, { freezeAtZero: true }),
      status: 'stopped',
      endsAt: null,
    });
    aliceWrites('stopped');
    await waitFor(() => has(anim, 'shape:stopped'), { what: 'a card written once stopped' });
    await setSession('timer', null);
  });

  it('refuses every participant update on a locked board, never the animatrice’s', async () => {
    await setSession('lock', { board: true, areaIds: [], moderated: false });
    const denials = alice.denials.length;
    aliceWrites('locked');
    await waitFor(() => alice.denials.slice(denials).some((d) => BOARD_LOCKED.test(d)), {
      what: 'the French notice',
    });
    await sentinel();
    await waitFor(() => !has(alice, 'shape:locked'), { what: 'Alice’s copy reverted' });
    expect(has(anim, 'shape:locked')).toBe(false);
    expect(brunoSaw('MARQUE-locked')).toBe(false);

    await setSession('lock', { board: false, areaIds: [], moderated: false });
    aliceWrites('unlocked');
    await waitFor(() => has(anim, 'shape:unlocked'), { what: 'a card written once unlocked' });
  });

  it('refuses changes inside a locked theme and accepts those outside it', async () => {
    animTab.store.put([
      cardRecord(animTab.store, 'theme', 'area', { x: 0, y: 2000 }),
      cardRecord(animTab.store, 'observation', 'inside', { x: 100, y: 2100 }),
      cardRecord(animTab.store, 'observation', 'outside', { x: 1200, y: 2100 }),
    ]);
    await waitFor(() => has(alice, 'shape:outside') && has(alice, 'shape:inside'), {
      what: 'the theme and its cards at Alice',
    });
    await setSession('lock', { board: false, areaIds: ['shape:area'], moderated: false });
    const denials = alice.denials.length;
    const move = (id: string, x: number) => moveCard(aliceTab, id, x);

    move('shape:inside', 150);
    await waitFor(() => alice.denials.slice(denials).some((d) => AREA_LOCKED.test(d)), {
      what: 'the French notice',
    });
    move('shape:outside', 1300);
    await waitFor(() => recordOf(anim, 'shape:outside')?.x === 1300, {
      what: 'the move outside the area',
    });
    expect(recordOf(alice, 'shape:inside')?.x).toBe(100);
    expect(recordOf(anim, 'shape:inside')?.x).toBe(100);
    // Dropping a new card into the area, or dragging one out of it, is a change inside it.
    aliceWrites('dropped', { x: 200, y: 2200 });
    move('shape:inside', 5000);
    await sentinel();
    await waitFor(() => !has(alice, 'shape:dropped'), { what: 'the dropped card reverted' });
    expect(recordOf(alice, 'shape:inside')?.x).toBe(100);
    expect(has(anim, 'shape:dropped')).toBe(false);
    // The animatrice rearranges the locked area as she likes.
    move('shape:outside', 1400);
    moveCard(animTab, 'shape:inside', 120);
    await waitFor(() => recordOf(alice, 'shape:inside')?.x === 120, {
      what: 'the animatrice’s move inside',
    });
    await setSession('lock', null);
    const state = Y.encodeStateAsUpdate(f.server.app.rooms.peek(f.board)!.doc);
    expect(Buffer.from(state).includes(Buffer.from('MARQUE-dropped'))).toBe(false);
  });
});
