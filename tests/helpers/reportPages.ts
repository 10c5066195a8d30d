import type { Locator, Page } from 'playwright-core';
import {
  browserCookies,
  call,
  createAdmin,
  createWorkspace,
  setupTokenFromLogs,
} from './accounts.js';
import { openPerson, type Person } from './browser.js';
import { assertClientBuilt, clientDist } from './clientBuild.js';
import { buildServer, startChildServer, type ChildServer } from './childServer.js';
import { tempDir } from './server.js';

/**
 * The report in Chromium: a Boussole from the build with one workspace and its report, and
 * people opening it in their own browser profiles.
 */
export interface ReportSetup {
  server: ChildServer;
  admin: string;
  workspace: string;
  reportUrl: string;
  /** Requests to other hosts, which every profile blocks: must stay empty. */
  blocked: string[];
  people: Person[];
}

export async function startReportServer(): Promise<ReportSetup> {
  assertClientBuilt();
  await buildServer();
  const server = await startChildServer({ env: { DATA_DIR: tempDir(), CLIENT_DIST: clientDist } });
  const url = server.httpUrl;
  const admin = await createAdmin(url, setupTokenFromLogs(server.logs));
  const workspace = await createWorkspace(url, admin, { name: 'ABS Val d’Arvière' });
  const report = await call<{ id: string }>(url, 'POST', `/api/workspaces/${workspace}/report`, {
    cookie: admin,
  });
  return {
    server,
    admin,
    workspace,
    reportUrl: `${url}/r/${report.body.id}`,
    blocked: [],
    people: [],
  };
}

/**
 * `name`'s own profile, signed in with `cookie`, on the report, connected, and showing what
 * `ready` locates (the passage a test works on).
 */
export async function openReport(
  setup: ReportSetup,
  name: string,
  cookie: string,
  ready: (page: Page) => Locator,
): Promise<Page> {
  const person = await openPerson(name, setup.blocked);
  setup.people.push(person);
  await person.context.addCookies(browserCookies(cookie, setup.server.httpUrl));
  const page = await person.context.newPage();
  await page.goto(setup.reportUrl);
  await page.locator('.report-text').waitFor({ timeout: 20_000 });
  await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
  await ready(page).waitFor();
  return page;
}

/** An element's text without the other people's caret labels drawn inside it (for evaluate). */
export function withoutCarets(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.collab-caret').forEach((caret) => caret.remove());
  return copy.textContent ?? '';
}
