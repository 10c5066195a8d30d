import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { clientDist } from '../helpers/clientBuild.js';
import { killAllChildren, startChildServer, type ChildServer } from '../helpers/childServer.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { tempDir } from '../helpers/server.js';
import { browserCookies } from '../helpers/accounts.js';
import { commandAvailable } from '../helpers/commands.js';
import { odtToText } from '../helpers/office.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

/**
 * First start: the administrator signs in to an empty Boussole, the home page offers the Val
 * d'Arvière demo, and loading it creates the workspace with its three boards and its report.
 */
describe.skipIf(!available)('the Val d’Arvière demo in Chromium', () => {
  let server: ChildServer;
  const blocked: string[] = [];
  let person: Person;
  let page: Page;
  const dataDir = tempDir();

  const shapes = (type: string) => page.locator(`.tl-shape[data-shape-type="${type}"]`);

  let workspaceUrl = '';

  const openBoard = (title: RegExp) => openBoardFrom(page, workspaceUrl, title);

  beforeAll(async () => {
    let admin: string;
    ({ server, admin } = await startServerWithAdmin(dataDir));
    person = await openPerson('demo', blocked);
    await person.context.addCookies(browserCookies(admin, server.httpUrl));
    page = await person.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await person?.close();
    await killAllChildren();
  });

  it('offers the demo on an empty store and opens its workspace once loaded', async () => {
    await page.goto(`${server.httpUrl}/`);
    await page.getByRole('button', { name: 'Charger la démonstration' }).click();
    await page.waitForURL(/\/w\//, { timeout: 60_000 });
    workspaceUrl = page.url();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      "Val d'Arvière",
    );
    await expect(page.getByText(/Rochebrune \(99006\)/).count()).resolves.toBe(1);
    await expect.poll(() => page.locator('.board-list li').count(), { timeout: 60_000 }).toBe(3);
    await expect(
      page.getByRole('link', { name: /Regroupement des observations/ }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('link', { name: /Hypothèses de travail/ }).count()).resolves.toBe(
      1,
    );
  });

  it('shows the 72 observations beside three empty themes, and keeps them on reload', async () => {
    await openBoard(/Regroupement des observations/);
    await expect.poll(() => shapes('observation').count(), { timeout: 20_000 }).toBe(72);
    await expect(shapes('theme').count()).resolves.toBe(3);
    // Opening the board did not lay the affinity template's frames over the demo.
    await expect(shapes('frame').count()).resolves.toBe(0);
    await expect(
      page.getByText(/J'ai eu une promesse d'embauche/).count(),
    ).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('demo-affinity.png') });
    await page.reload();
    await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => shapes('observation').count(), { timeout: 20_000 }).toBe(72);
  });

  it('shows the 8 hypotheses, each framed with its indicators', async () => {
    await openBoard(/Hypothèses de travail/);
    await expect.poll(() => shapes('hypothesis').count(), { timeout: 20_000 }).toBe(8);
    await expect(shapes('indicator').count()).resolves.toBe(11);
    await expect(shapes('frame').count()).resolves.toBe(8);
    await page.screenshot({ path: artifactPath('demo-hypotheses.png') });
  });

  it('opens the report, takes the préconisations from the board, saves a version, and exports an ODT LibreOffice opens', async () => {
    await page.goto(workspaceUrl);
    await page.getByRole('link', { name: /^Rapport — / }).click();
    await page.locator('.report-text').waitFor({ timeout: 20_000 });
    await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
    await page.locator('.report-text h2:has-text("Préconisations et pistes d’action") + p').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Priorités revues en atelier le 12 mai.');
    const menu = page.getByLabel('Insérer depuis les tableaux…');
    await waitFor(async () => !(await menu.isDisabled()), { what: 'the boards to load' });
    await menu.selectOption('recommendations');
    const excerpt = page.locator('.board-excerpt[data-source="recommendations"]');
    await expect.poll(() => excerpt.locator('li').count(), { timeout: 10_000 }).toBe(8);
    await page.getByLabel('Nom de la version').fill('Version de travail du 12 mai');
    await page.getByRole('button', { name: 'Enregistrer une version' }).click();
    await page.locator('.version-list li', { hasText: 'Version de travail du 12 mai' }).waitFor();

    // The export is of what the server committed: wait until it holds the last edits.
    const markdown = page.locator('.report-exports').getByRole('link', { name: 'MD', exact: true });
    const mdUrl = new URL((await markdown.getAttribute('href')) ?? '', server.httpUrl).href;
    await waitFor(
      async () => {
        const md = await (await page.request.get(mdUrl)).text();
        return md.includes('Priorités revues en atelier') && md.includes('Adapter les horaires');
      },
      { what: 'the edits in the exports' },
    );
    const href = await page
      .locator('.report-exports')
      .getByRole('link', { name: 'ODT', exact: true })
      .getAttribute('href');
    const odt = await page.request.get(new URL(href ?? '', server.httpUrl).href);
    expect(odt.status()).toBe(200);
    expect(odt.headers()['content-type']).toBe('application/vnd.oasis.opendocument.text');
    if (!commandAvailable('soffice', 'LibreOffice')) return;
    const text = odtToText(await odt.body());
    expect(text).toContain('Priorités revues en atelier le 12 mai.');
    expect(text).toContain('Adapter les horaires du car aux embauches');
    expect(text).toContain('Préconisations et pistes d’action');
  }, 180_000);

  it('does not offer the demo again once the store holds boards, even after a restart', async () => {
    server.kill('SIGTERM');
    await server.waitForExit();
    server = await startChildServer({ env: { DATA_DIR: dataDir, CLIENT_DIST: clientDist } });
    await page.goto(`${server.httpUrl}/`);
    await page.locator('.board-list li').first().waitFor({ timeout: 10_000 });
    await expect(page.locator('.board-list li').count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: /Val d.Arvière/ }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('button', { name: 'Charger la démonstration' }).count(),
    ).resolves.toBe(0);
    expect(blocked).toEqual([]);
  });
});
