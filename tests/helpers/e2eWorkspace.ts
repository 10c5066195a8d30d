import type { Page } from 'playwright-core';
import type { WorkspaceInput } from '@boussole/shared';
import {
  addMember,
  browserCookies,
  createAdmin,
  createBoard,
  createWorkspace,
  setupTokenFromLogs,
} from './accounts.js';
import { openPerson, type Person } from './browser.js';
import { assertClientBuilt, clientDist } from './clientBuild.js';
import { buildServer, killAllChildren, startChildServer, type ChildServer } from './childServer.js';
import { startServer, tempDir, type TestServer } from './server.js';
import { waitFor } from './wait.js';

/**
 * The starting point of browser tests: a Boussole from the build (server as a child process,
 * client bundle) with its administrator and one workspace, and people who open it in their own
 * Chromium profiles, each blocked from every other host.
 */
export interface WorkspaceSetup {
  server: ChildServer;
  /** The administrator's session cookie. */
  admin: string;
  workspace: string;
  /** Requests to other hosts, which every profile blocks: must stay empty. */
  blocked: string[];
  people: Person[];
}

/** The built server on `dataDir`, serving the client bundle; nobody set up yet. */
export async function startBuiltServer(dataDir = tempDir()): Promise<ChildServer> {
  assertClientBuilt();
  await buildServer();
  return startChildServer({ env: { DATA_DIR: dataDir, CLIENT_DIST: clientDist } });
}

/** startBuiltServer, with its administrator (a session cookie) created from the setup link. */
export async function startServerWithAdmin(
  dataDir = tempDir(),
): Promise<{ server: ChildServer; admin: string }> {
  const server = await startBuiltServer(dataDir);
  await waitFor(() => server.logs.some((entry) => typeof entry.setupUrl === 'string'), {
    what: 'the setup link',
  });
  return { server, admin: await createAdmin(server.httpUrl, setupTokenFromLogs(server.logs)) };
}

export async function startWorkspaceServer(
  workspace: Partial<WorkspaceInput> = {},
): Promise<WorkspaceSetup> {
  const { server, admin } = await startServerWithAdmin();
  return {
    server,
    admin,
    workspace: await createWorkspace(server.httpUrl, admin, workspace),
    blocked: [],
    people: [],
  };
}

/** `name`'s own profile, signed in with `cookie`; closed by stopWorkspaceServer. */
export async function openSignedIn(
  setup: WorkspaceSetup,
  name: string,
  cookie: string,
): Promise<Person> {
  const person = await openPerson(name, setup.blocked);
  setup.people.push(person);
  await person.context.addCookies(browserCookies(cookie, setup.server.httpUrl));
  return person;
}

/** Closes every profile opened through openSignedIn, then the server. */
export async function stopWorkspaceServer(setup: WorkspaceSetup | undefined): Promise<void> {
  for (const person of setup?.people ?? []) await person.close();
  await killAllChildren();
}

/** From the workspace page at `workspaceUrl`, opens the board linked as `title`, connected. */
export async function openBoardFrom(
  page: Page,
  workspaceUrl: string,
  title: RegExp,
): Promise<void> {
  await page.goto(workspaceUrl);
  await page.getByRole('link', { name: title }).click();
  await page.locator('.tl-canvas').waitFor({ timeout: 20_000 });
  await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
}

/**
 * In process, so that a test reaches its store and rooms: the server serving the client
 * bundle, with a workspace and one board titled `title`; `contributor(name)` adds a member who
 * may write on it and gives their session cookie.
 */
export async function startBoardServer(title: string): Promise<{
  server: TestServer;
  board: string;
  contributor(name: string): Promise<string>;
}> {
  assertClientBuilt();
  const server = await startServer({ env: { CLIENT_DIST: clientDist } });
  const url = server.httpUrl;
  const admin = await createAdmin(url, server.app.access.setup.open());
  const workspace = await createWorkspace(url, admin);
  const board = await createBoard(url, admin, workspace, title);
  const contributor = async (name: string) => {
    const member = await addMember(url, admin, workspace, {
      email: `${name}@ccas.example.fr`,
      displayName: name,
      role: 'contributeur',
    });
    return member.cookie;
  };
  return { server, board, contributor };
}
