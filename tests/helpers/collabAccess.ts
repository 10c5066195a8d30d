import type { DocStore } from '@boussole/server';
import {
  adminCredentials,
  call,
  createAdmin,
  setupTokenFromLogs,
  signIn,
  signedInAdmin,
} from './accounts.js';

/**
 * Every document the server serves belongs to a workspace, and every socket must be signed in.
 * Tests of the collaboration core (convergence, durability, malformed frames…) are not about
 * rights: they open their documents as the instance administrator, with readable ids, through
 * these helpers, and the client helpers send that cookie by default.
 */

const cookiesByServer = new Map<string, string>();

/** The cookie connectClient/connectRaw send to this server unless told otherwise. */
export function defaultCookie(collabUrl: string): string | undefined {
  return cookiesByServer.get(collabUrl);
}

export function useCookie(collabUrl: string, cookie: string): void {
  cookiesByServer.set(collabUrl, cookie);
}

interface ServerHandle {
  httpUrl: string;
  collabUrl: string;
}

const workspaces = new Map<string, string>();

async function adminCookie(
  server: ServerHandle,
  setupToken: () => string | undefined,
): Promise<string> {
  const known = cookiesByServer.get(server.collabUrl);
  if (known) return known;
  const token = setupToken();
  const cookie = token
    ? await createAdmin(server.httpUrl, token)
    : await signIn(server.httpUrl, adminCredentials.email, adminCredentials.password);
  useCookie(server.collabUrl, cookie);
  return cookie;
}

async function workspaceOf(server: ServerHandle, cookie: string): Promise<string> {
  const known = workspaces.get(server.httpUrl);
  if (known) return known;
  const answer = await call<{ id: string }>(server.httpUrl, 'POST', '/api/workspaces', {
    cookie,
    body: { name: 'Tests', kind: 'communale', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
  });
  if (answer.status !== 201) throw new Error(`workspace: HTTP ${answer.status}`);
  workspaces.set(server.httpUrl, answer.body.id);
  return answer.body.id;
}

/**
 * Makes `docIds` boards of a workspace of this in-process server (rows written straight into
 * its catalog, as a fixture) and signs the test in as the administrator.
 */
export async function openDocuments(
  server: ServerHandle & { store: DocStore; app: { access: { setup: { open(): string } } } },
  ...docIds: string[]
): Promise<string> {
  let cookie = cookiesByServer.get(server.collabUrl);
  if (!cookie) {
    cookie = await signedInAdmin(server);
    useCookie(server.collabUrl, cookie);
  }
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
 * link in its log, or signed in again after a restart) creates a board, whose id is returned.
 */
export async function newChildBoard(
  child: ServerHandle & { logs: Record<string, unknown>[] },
): Promise<string> {
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
  return answer.body.id;
}

/** After a restart on the same storage (new port), the session still holds: reuse it. */
export async function signInAgain(child: ServerHandle): Promise<void> {
  if (cookiesByServer.has(child.collabUrl)) return;
  useCookie(
    child.collabUrl,
    await signIn(child.httpUrl, adminCredentials.email, adminCredentials.password),
  );
}
