import type { Locator, Page } from 'playwright-core';
import { call } from './accounts.js';
import { openSignedIn, startWorkspaceServer, type WorkspaceSetup } from './e2eWorkspace.js';

/** The report in Chromium: a workspace server (e2eWorkspace.ts) and its report. */
export interface ReportSetup extends WorkspaceSetup {
  reportUrl: string;
}

export async function startReportServer(): Promise<ReportSetup> {
  const setup = await startWorkspaceServer({ name: 'ABS Val d’Arvière' });
  const url = setup.server.httpUrl;
  const report = await call<{ id: string }>(
    url,
    'POST',
    `/api/workspaces/${setup.workspace}/report`,
    { cookie: setup.admin },
  );
  return { ...setup, reportUrl: `${url}/r/${report.body.id}` };
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
  const person = await openSignedIn(setup, name, cookie);
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
