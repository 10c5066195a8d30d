import type { WorkspaceInput } from '@boussole/shared';
import { browserCookies, createAdmin, createWorkspace, setupTokenFromLogs } from './accounts.js';
import { openPerson, type Person } from './browser.js';
import { assertClientBuilt, clientDist } from './clientBuild.js';
import { buildServer, killAllChildren, startChildServer, type ChildServer } from './childServer.js';
import { tempDir } from './server.js';
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

export async function startWorkspaceServer(
  workspace: Partial<WorkspaceInput> = {},
): Promise<WorkspaceSetup> {
  assertClientBuilt();
  await buildServer();
  const server = await startChildServer({ env: { DATA_DIR: tempDir(), CLIENT_DIST: clientDist } });
  await waitFor(() => server.logs.some((entry) => typeof entry.setupUrl === 'string'), {
    what: 'the setup link',
  });
  const admin = await createAdmin(server.httpUrl, setupTokenFromLogs(server.logs));
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
