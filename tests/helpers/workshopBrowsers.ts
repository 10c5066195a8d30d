import { afterAll, afterEach, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startVoteWorkshop, type VoteWorkshop } from '../votes/voteFixture.js';
import { browserCookies } from './accounts.js';
import { artifactPath, openPerson, type Person } from './browser.js';
import { assertClientBuilt, clientDist } from './clientBuild.js';

export type WorkshopName = 'fanny' | 'alice' | 'bruno';

export interface WorkshopBrowsers {
  /** Each person's page on the workshop's board, connected; filled once beforeAll ran. */
  pages: Record<WorkshopName, Page>;
  /** Requests to other hosts, which every profile blocks: must stay empty. */
  blocked: string[];
  /** The server and its people (startVoteWorkshop); set once beforeAll ran. */
  workshop(): VoteWorkshop;
}

export interface WorkshopBrowserOptions {
  /** Called on each person's browser context before their page opens (init scripts…). */
  prepare?(context: BrowserContext, name: WorkshopName): Promise<void>;
  /** Called on each person's page before it loads the board (a clock override…). */
  beforeLoad?(page: Page, name: WorkshopName): Promise<void>;
}

/**
 * The browser side of the vote fixture (tests/votes/voteFixture.ts), set up by a describe
 * block's hooks: Fanny (animatrice), Alice and Bruno (contributors), each in their own Chromium
 * profile named `${prefix}-${name}`, on the workshop's board. A failed test leaves what each
 * one saw as `${prefix}-failed-${name}.png` in the CI artifacts.
 */
export function workshopInChromium(
  prefix: string,
  options: WorkshopBrowserOptions = {},
): WorkshopBrowsers {
  let workshop: VoteWorkshop | undefined;
  const blocked: string[] = [];
  const people: Person[] = [];
  const pages = {} as Record<WorkshopName, Page>;
  const cookies = (w: VoteWorkshop): Record<WorkshopName, string> => ({
    fanny: w.people.facilitator,
    alice: w.people.alice,
    bruno: w.people.bruno,
  });

  async function open(w: VoteWorkshop, name: WorkshopName): Promise<void> {
    const person = await openPerson(`${prefix}-${name}`, blocked);
    people.push(person);
    await person.context.addCookies(browserCookies(cookies(w)[name], w.server.httpUrl));
    await options.prepare?.(person.context, name);
    const page = await person.context.newPage();
    await options.beforeLoad?.(page, name);
    await page.goto(`${w.server.httpUrl}/b/${w.board}`);
    await page.locator('.tl-canvas').waitFor({ timeout: 30_000 });
    await page.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
    pages[name] = page;
  }

  beforeAll(async () => {
    assertClientBuilt();
    workshop = await startVoteWorkshop({ env: { CLIENT_DIST: clientDist } });
    for (const name of ['fanny', 'alice', 'bruno'] as const) await open(workshop, name);
  }, 120_000);

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const [name, page] of Object.entries(pages)) {
      await page.screenshot({ path: artifactPath(`${prefix}-failed-${name}.png`) }).catch(() => {});
    }
  });

  afterAll(async () => {
    for (const person of people) await person.close();
    await workshop?.close();
  });

  return {
    pages,
    blocked,
    workshop() {
      if (!workshop) throw new Error('the workshop starts in beforeAll');
      return workshop;
    },
  };
}
