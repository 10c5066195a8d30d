import {
  createAdmin,
  createBoard,
  createLink,
  createWorkspace,
  redeemLink,
  setupTokenFromLogs,
} from './accounts.js';
import { startChildServer, type ChildServer } from './childServer.js';

/**
 * The built server as a child process, with a workspace, one board, and a guest who joined
 * through an invitation link with `role`: the setting of the hostile-guest tests.
 */
export async function childBoardWithGuest(
  env: Record<string, string>,
  role: 'contributeur' | 'lecteur' | 'relecteur',
): Promise<{ server: ChildServer; admin: string; board: string; guest: string }> {
  const server = await startChildServer({ env });
  const admin = await createAdmin(server.httpUrl, setupTokenFromLogs(server.logs));
  const workspace = await createWorkspace(server.httpUrl, admin);
  const board = await createBoard(server.httpUrl, admin, workspace, 'Atelier ouvert');
  const link = await createLink(server.httpUrl, admin, workspace, { role });
  const guest = await redeemLink(server.httpUrl, link.token, 'Invité');
  return { server, admin, board, guest };
}
