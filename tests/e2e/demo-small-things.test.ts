import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserCookies, call } from '../helpers/accounts.js';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { tempDir } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

/**
 * Small things people saw on the board page: the demo's préconisations board without its
 * template's label, templates without an example or the journey's rows, and tldraw's style
 * panel open over the board's right-hand column.
 */
describe.skipIf(!available)('small things on the demo and template boards in Chromium', () => {
  let server: ChildServer;
  let admin: string;
  const blocked: string[] = [];
  let person: Person;
  let page: Page;
  let workspaceUrl = '';

  const shapes = (type: string) => page.locator(`.tl-shape[data-shape-type="${type}"]`);
  const stylePanel = () => page.getByTestId('style.panel');
  const styleButton = () => page.getByTestId('style-panel.button');

  beforeAll(async () => {
    ({ server, admin } = await startServerWithAdmin(tempDir()));
    person = await openPerson('facilitator', blocked);
    await person.context.addCookies(browserCookies(admin, server.httpUrl));
    page = await person.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
  }, 120_000);

  afterAll(async () => {
    await person?.close();
    await killAllChildren();
  });

  async function boardFromTemplate(title: string, template: string): Promise<string> {
    const workspace = /\/w\/([^/?#]+)/.exec(workspaceUrl)?.[1] ?? '';
    const answer = await call<{ id: string }>(
      server.httpUrl,
      'POST',
      `/api/workspaces/${workspace}/boards`,
      { cookie: admin, body: { title, template } },
    );
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  it('labels the demo’s préconisations board with its template', async () => {
    await page.goto(`${server.httpUrl}/`);
    await page.getByRole('button', { name: 'Charger la démonstration' }).click();
    await page.waitForURL(/\/w\//, { timeout: 60_000 });
    workspaceUrl = page.url();
    await waitFor(async () => (await page.locator('.board-list li').count()) === 3, {
      timeoutMs: 60_000,
      what: 'the demo’s three boards',
    });
    const item = page.locator('.board-list li', { hasText: 'Préconisations — Val' });
    expect(await item.innerText()).toContain('Préconisations : impact × faisabilité');
  }, 120_000);

  it('keeps the style panel closed until asked, over the right-hand column', async () => {
    await openBoardFrom(page, workspaceUrl, /Regroupement des observations/);
    await waitFor(async () => (await shapes('observation').count()) === 72, {
      timeoutMs: 20_000,
      what: 'the 72 observations',
    });
    await styleButton().waitFor({ timeout: 10_000 });
    expect(await stylePanel().count()).toBe(0);
    await page.screenshot({ path: artifactPath('small-things-style-closed.png') });
    await styleButton().click();
    await stylePanel().waitFor({ timeout: 5_000 });
    await page.screenshot({ path: artifactPath('small-things-style-open.png') });
    await page.keyboard.press('Escape');
    await waitFor(async () => (await stylePanel().count()) === 0, { what: 'the panel to close' });
  }, 60_000);

  it('lays out the user journey with its rows and one example, once', async () => {
    const board = await boardFromTemplate('Parcours', 'life-stages-journey');
    await page.goto(`${server.httpUrl}/b/${board}`);
    await page.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
    await waitFor(async () => (await shapes('geo').count()) === 18, {
      timeoutMs: 20_000,
      what: 'the 18 rows of the life stages',
    });
    expect(await shapes('frame').count()).toBe(6);
    expect(await shapes('observation').count()).toBe(1);
    expect(await shapes('observation').innerText()).toContain('Exemple :');
    expect(await page.getByText('Ruptures de parcours', { exact: true }).count()).toBe(6);
    await page.screenshot({ path: artifactPath('small-things-journey.png') });
    // Reopened, the template is not laid out a second time.
    await page.reload();
    await page.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
    await waitFor(async () => (await shapes('geo').count()) === 18, { what: 'the rows again' });
    expect(await shapes('observation').count()).toBe(1);
    expect(blocked).toEqual([]);
  }, 90_000);
});
