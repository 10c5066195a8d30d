import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserCookies } from '../helpers/accounts.js';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { assertClientBuilt, clientDist } from '../helpers/clientBuild.js';
import { waitFor } from '../helpers/wait.js';
import { startVoteWorkshop, type VoteWorkshop } from '../votes/voteFixture.js';

const available = chromiumAvailable();

/**
 * Issue #15, weak connections: a participant on a board loses the network and reloads the
 * page. The service worker's shell and the board's IndexedDB copy open the board anyway (its
 * cards, not the browser's error page); the pill says offline; the person who was there is
 * « vu il y a … », not present; the API is never answered from a cache. Back online, the
 * board reconnects and that person is present again. Screenshots in test-artifacts/.
 */
describe.skipIf(!available)('a board reloaded offline in Chromium', () => {
  let workshop: VoteWorkshop;
  const blocked: string[] = [];
  const people: Person[] = [];
  let alice: Person;
  let alicePage: Page;
  let brunoPage: Page;
  let dist: string | undefined;

  const card = (page: Page) => page.locator('.tl-shape').getByText('Hors du thème.');
  const pill = (page: Page) => page.locator('.status-pill');
  const peopleList = (page: Page) => page.getByRole('list', { name: 'Présents' });

  async function open(name: string, cookie: string): Promise<{ person: Person; page: Page }> {
    const person = await openPerson(`offline-${name}`, blocked);
    people.push(person);
    await person.context.addCookies(browserCookies(cookie, workshop.server.httpUrl));
    const page = await person.context.newPage();
    await page.goto(`${workshop.server.httpUrl}/b/${workshop.board}`);
    await page.locator('.tl-canvas').waitFor({ timeout: 30_000 });
    await page.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
    return { person, page };
  }

  beforeAll(async () => {
    assertClientBuilt();
    // The worker keeps the files this page loaded, by their hashed names: served from a copy,
    // so that a rebuild of client/dist by another run meanwhile cannot take them away.
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'boussole-dist-'));
    fs.cpSync(clientDist, dist, { recursive: true });
    workshop = await startVoteWorkshop({ env: { CLIENT_DIST: dist } });
    brunoPage = (await open('bruno', workshop.people.bruno)).page;
    ({ person: alice, page: alicePage } = await open('alice', workshop.people.alice));
  }, 120_000);

  afterAll(async () => {
    for (const person of people) await person.close();
    await workshop?.close();
    if (dist) fs.rmSync(dist, { recursive: true, force: true });
  });

  it('opens the board from its local copy, shows others as last seen, and reconnects', async () => {
    // The shell is kept by the service worker, the card has arrived, Bruno is here.
    await alicePage.locator('html[data-offline-ready]').waitFor({
      state: 'attached',
      timeout: 30_000,
    });
    await card(alicePage).waitFor({ timeout: 30_000 });
    await peopleList(alicePage).getByRole('button', { name: /Bruno/ }).waitFor({ timeout: 30_000 });

    await alice.context.setOffline(true);
    await waitFor(async () => (await pill(alicePage).getAttribute('data-status')) === 'offline', {
      what: 'the pill offline before the reload',
      timeoutMs: 20_000,
    });
    await alicePage.reload({ timeout: 30_000 });

    // Boussole's own page from the worker's shell, not Chromium's « No internet » page.
    await alicePage.locator('.tl-canvas').waitFor({ timeout: 30_000 });
    await card(alicePage).waitFor({ timeout: 30_000 });
    await expect(alicePage.title()).resolves.not.toMatch(/internet|not available/i);
    expect(await pill(alicePage).getAttribute('data-status')).toBe('offline');
    expect(await pill(alicePage).textContent()).toMatch(/hors ligne/i);

    // Bruno is remembered as last seen, not as present (no follow button, no plain entry).
    const away = peopleList(alicePage).locator('.people-away');
    await away.first().waitFor({ timeout: 20_000 });
    expect(await away.allInnerTexts()).toEqual([expect.stringMatching(/^Bruno · vu /)]);
    expect(await peopleList(alicePage).getByRole('button', { name: /Bruno/ }).count()).toBe(0);
    const present = await peopleList(alicePage).locator('li:not(.people-away)').allInnerTexts();
    expect(present.some((text) => text.includes('Bruno'))).toBe(false);
    await alicePage.screenshot({ path: artifactPath('offline-1-reloaded.png') });

    // The worker never answers the API from its cache: data and rights come from the server
    // or fail. (The board's own request was answered online before this reload; it must not be now.)
    const apiOffline = await alicePage.evaluate(async (board) => {
      try {
        await fetch(`/api/boards/${board}`);
        return 'answered';
      } catch {
        return 'failed';
      }
    }, workshop.board);
    expect(apiOffline).toBe('failed');
    expect(
      await alicePage.evaluate(() => Boolean(navigator.serviceWorker.controller)),
      'the reloaded page is controlled by the service worker',
    ).toBe(true);

    // Back online: reconnects; Bruno is present again and can be followed.
    await alice.context.setOffline(false);
    await alicePage.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
    expect(await pill(alicePage).textContent()).toMatch(/connecté/i);
    await peopleList(alicePage).getByRole('button', { name: /Bruno/ }).waitFor({ timeout: 30_000 });
    expect(await peopleList(alicePage).locator('.people-away').count()).toBe(0);
    await alicePage.screenshot({ path: artifactPath('offline-2-back-online.png') });
    // Bruno's side: Alice is back in his list.
    await peopleList(brunoPage).getByRole('button', { name: /Alice/ }).waitFor({ timeout: 30_000 });
    expect(blocked).toEqual([]);
  });

  it('says in French that a board never opened in this tab waits for the network, then opens it', async () => {
    // A new tab: the worker serves the shell, but this tab has never fetched the board.
    const tab = await alice.context.newPage();
    try {
      await alice.context.setOffline(true);
      await tab.goto(`${workshop.server.httpUrl}/b/${workshop.board}`, { timeout: 30_000 });
      await tab
        .getByRole('alert')
        .getByText('Hors ligne : ce tableau n’a pas encore été ouvert dans cet onglet.', {
          exact: false,
        })
        .waitFor({ timeout: 30_000 });
      await tab.screenshot({ path: artifactPath('offline-3-never-opened.png') });
      await alice.context.setOffline(false);
      await card(tab).waitFor({ timeout: 30_000 });
      await tab.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
    } finally {
      await alice.context.setOffline(false);
      await tab.close();
    }
  });
});
