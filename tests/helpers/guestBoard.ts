import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  createAdmin,
  createBoard,
  createLink,
  createWorkspace,
  redeemLink,
  setupTokenFromLogs,
} from './accounts.js';
import type { ChildBackend } from './backends.js';
import {
  killAllChildren,
  printChildOutputOnFailure,
  startChildServer,
  type ChildServer,
} from './childServer.js';

type GuestRole = 'contributeur' | 'lecteur' | 'relecteur';

export interface GuestBoard {
  server: ChildServer;
  admin: string;
  board: string;
  guest: string;
}

/**
 * The built server as a child process, with a workspace, one board, and a guest who joined
 * through an invitation link with `role`: the setting of the hostile-guest tests.
 */
export async function childBoardWithGuest(
  env: Record<string, string>,
  role: GuestRole,
): Promise<GuestBoard> {
  const server = await startChildServer({ env });
  const admin = await createAdmin(server.httpUrl, setupTokenFromLogs(server.logs));
  const workspace = await createWorkspace(server.httpUrl, admin);
  const board = await createBoard(server.httpUrl, admin, workspace, 'Atelier ouvert');
  const link = await createLink(server.httpUrl, admin, workspace, { role });
  const guest = await redeemLink(server.httpUrl, link.token, 'Invité');
  return { server, admin, board, guest };
}

/**
 * Within a describe block (after buildServer): childBoardWithGuest on the storage `makeBackend`
 * gives, filled in by beforeAll; a failed test prints the child's output. After all, `release`
 * (the test's own sockets) runs, then the server is killed and the storage destroyed.
 */
export function childBoardWithGuestHooks(
  makeBackend: () => ChildBackend | Promise<ChildBackend>,
  role: GuestRole,
  release: () => void,
): GuestBoard {
  const setup = {} as GuestBoard;
  let backend: ChildBackend | undefined;

  beforeAll(async () => {
    backend = await makeBackend();
    Object.assign(setup, await childBoardWithGuest(backend.env, role));
  });

  afterEach(printChildOutputOnFailure);

  afterAll(async () => {
    release();
    await killAllChildren();
    await backend?.destroy();
  });

  return setup;
}
