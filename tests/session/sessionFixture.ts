import type { SessionTimer } from '@boussole/shared';
import { addMember, call, createAdmin, createBoard, createWorkspace } from '../helpers/accounts.js';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * A workspace with the people of a facilitated workshop — an animatrice, two contributors and
 * a reader — and one board, on an in-process server whose clock the test may move
 * (`advance`), so that a timer reaches zero without anyone waiting for it.
 */
export interface SessionFixture {
  server: TestServer;
  admin: string;
  animatrice: string;
  alice: string;
  bruno: string;
  reader: string;
  board: string;
  sessionDocId: string;
  /** The server's clock (epoch ms). */
  now(): number;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startSessionFixture(): Promise<SessionFixture> {
  let offset = 0;
  const clock = () => Date.now() + offset;
  const server = await startServer({ clock });
  const url = server.httpUrl;
  const admin = await createAdmin(url, server.app.access.setup.open());
  const workspace = await createWorkspace(url, admin);
  const member = async (email: string, displayName: string, role: string) =>
    (await addMember(url, admin, workspace, { email, displayName, role })).cookie;
  const animatrice = await member('anim@ccas.fr', 'Anne Animatrice', 'animateur');
  const alice = await member('alice@ccas.fr', 'Alice Contributrice', 'contributeur');
  const bruno = await member('bruno@ccas.fr', 'Bruno Contributeur', 'contributeur');
  const reader = await member('lecteur@ccas.fr', 'Louis Lecteur', 'lecteur');
  const board = await createBoard(url, animatrice, workspace);
  const detail = await call<{ sessionDocId: string }>(url, 'GET', `/api/boards/${board}`, {
    cookie: alice,
  });
  if (detail.status !== 200) throw new Error(`board detail: HTTP ${detail.status}`);
  return {
    server,
    admin,
    animatrice,
    alice,
    bruno,
    reader,
    board,
    sessionDocId: detail.body.sessionDocId,
    now: clock,
    advance: (ms) => {
      offset += ms;
    },
    close: () => server.close(),
  };
}

/** A running timer of `durationMs` started at server time `now`. */
export function runningTimer(
  now: number,
  durationMs: number,
  options: Partial<SessionTimer> = {},
): SessionTimer {
  return {
    status: 'running',
    durationMs,
    endsAt: now + durationMs,
    remainingMs: durationMs,
    freezeAtZero: false,
    sound: false,
    label: 'Brainstorm',
    ...options,
  };
}
