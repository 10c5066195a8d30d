import type { DocStore } from '@boussole/server';
import { adminCredentials, call, setupTokenFromLogs, signIn, signedInAdmin } from './accounts.js';

/**
 * Every document the server serves belongs to a workspace, and every socket must be signed in.
 * Tests of the collaboration core (convergence, durability, malformed frames…) are not about
 * rights: they open their documents as the instance administrator, with readable ids, through
 * these helpers, and pass the returned cookie to each client they connect.
 */

interface ServerHandle {
  httpUrl: string;
  collabUrl: string;
}

/** The administrator's cookie: set up from the logged link the first time, signed in after. */
async function adminCookie(
  server: ServerHandle,
  setupToken: () => string | undefined,
): Promise<string> {
  const token = setupToken();
  if (token) {
    const setup = await call(server.httpUrl, 'POST', '/api/setup', {
      body: { token, ...adminCredentials },
    });
    if (setup.status === 201) return setup.cookie;
  }
  return signIn(server.httpUrl, adminCredentials.email, adminCredentials.password);
}

/** The server's 'Tests' workspace, created the first time (asked each time: nothing cached). */
async function workspaceOf(server: ServerHandle, cookie: string): Promise<string> {
  const list = await call<{ workspaces: { id: string; name: string }[] }>(
    server.httpUrl,
    'GET',
    '/api/workspaces',
    { cookie },
  );
  const known = list.body.workspaces?.find((w) => w.name === 'Tests');
  if (known) return known.id;
  const answer = await call<{ id: string }>(server.httpUrl, 'POST', '/api/workspaces', {
    cookie,
    body: { name: 'Tests', kind: 'communale', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
  });
  if (answer.status !== 201) throw new Error(`workspace: HTTP ${answer.status}`);
  return answer.body.id;
}

/**
 * Makes `docIds` boards of a workspace of this in-process server (rows written straight into
 * its catalog, as a fixture) and returns the administrator's cookie for the test's clients.
 */
export async function openDocuments(
  server: ServerHandle & { store: DocStore; app: { access: { setup: { open(): string } } } },
  ...docIds: string[]
): Promise<string> {
  const cookie = await signedInAdmin(server);
  const workspaceId = await workspaceOf(server, cookie);
  for (const id of docIds) {
    await server.store.sql.run(
      `INSERT INTO documents (id, kind, title, template, created_at, workspace_id)
       VALUES (?, 'board', ?, 'blank', ?, ?) ON CONFLICT (id) DO NOTHING`,
      [id, id, new Date().toISOString(), workspaceId],
    );
  }
  return cookie;
}

/**
 * The same for a server running as a child process: the administrator (created from the setup
 * link in its log, or signed in again after a restart) creates a board; its id and the
 * administrator's cookie are returned.
 */
export async function newChildBoard(
  child: ServerHandle & { logs: Record<string, unknown>[] },
): Promise<{ docId: string; cookie: string }> {
  const cookie = await adminCookie(child, () => {
    try {
      return setupTokenFromLogs(child.logs);
    } catch {
      return undefined;
    }
  });
  const workspaceId = await workspaceOf(child, cookie);
  const answer = await call<{ id: string }>(
    child.httpUrl,
    'POST',
    `/api/workspaces/${workspaceId}/boards`,
    {
      cookie,
      body: { title: 'Test', template: 'blank' },
    },
  );
  if (answer.status !== 201) throw new Error(`board: HTTP ${answer.status}`);
  return { docId: answer.body.id, cookie };
}

/** After a restart on the same storage (new port), the administrator signs in again. */
export async function signInAgain(child: ServerHandle): Promise<string> {
  return signIn(child.httpUrl, adminCredentials.email, adminCredentials.password);
}
