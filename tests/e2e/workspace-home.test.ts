import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addMember, browserCookies } from '../helpers/accounts.js';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { tempDir } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { axeViolations } from '../helpers/axe.js';

const available = chromiumAvailable();

const AFFINITY = 'Regroupement des observations — Val d’Arvière';

/**
 * Issue #14: the workspace page as the ABS's home. On the demo, the boards sit under the ABS's
 * steps with what they hold; a second person opening a board shows on the first one's page; a
 * board is renamed and archived through its « ⋯ » menu; the history purge lives in the board's
 * settings, not in the list.
 */
describe.skipIf(!available)('the workspace page as the ABS’s home, in Chromium', () => {
  let server: ChildServer;
  let admin: string;
  const blocked: string[] = [];
  const people: Person[] = [];
  let page: Page;
  let workspaceUrl = '';

  const tile = (title: string | RegExp) =>
    page.locator('.board-tile', { has: page.getByRole('link', { name: title }) });
  const group = (step: string) => page.getByRole('region', { name: step, exact: true });

  beforeAll(async () => {
    ({ server, admin } = await startServerWithAdmin(tempDir()));
    const person = await openPerson('facilitator', blocked);
    people.push(person);
    await person.context.addCookies(browserCookies(admin, server.httpUrl));
    page = await person.context.newPage();
    await page.setViewportSize({ width: 1300, height: 1000 });
    await page.goto(`${server.httpUrl}/`);
    await page.getByRole('button', { name: 'Charger la démonstration' }).click();
    await page.waitForURL(/\/w\//, { timeout: 60_000 });
    workspaceUrl = page.url();
    await waitFor(async () => (await page.locator('.board-list li').count()) === 3, {
      timeoutMs: 60_000,
      what: 'the demo’s three boards',
    });
  }, 180_000);

  afterAll(async () => {
    for (const person of people) await person.close();
    await killAllChildren();
  });

  it('groups the boards by the ABS’s steps, each with its counts', async () => {
    const steps = await page.locator('.step-group h3').allInnerTexts();
    expect(steps.map((s) => s.toLowerCase())).toEqual([
      'représentations',
      'hypothèses',
      'enquête',
      'analyse',
      'préconisations',
      'rapport',
    ]);
    await expect(group('Analyse').getByRole('link', { name: AFFINITY }).count()).resolves.toBe(1);
    await expect(
      group('Hypothèses')
        .getByRole('link', { name: /^Hypothèses de travail/ })
        .count(),
    ).resolves.toBe(1);
    await expect(
      group('Préconisations')
        .getByRole('link', { name: /^Préconisations — / })
        .count(),
    ).resolves.toBe(1);
    // The report is the « rapport » step.
    await expect(
      group('Rapport')
        .getByRole('link', { name: /^Rapport — / })
        .count(),
    ).resolves.toBe(1);
    const counts = await tile(AFFINITY).locator('.tile-counts').innerText();
    expect(counts).toMatch(/^72 observations · \d+ thèmes?$/);
    expect(await tile(AFFINITY).innerText()).toMatch(/modifié/);
    // Dangerous actions are not in the list.
    expect(await page.getByRole('button', { name: /Purger l’historique/ }).count()).toBe(0);
    await page.screenshot({ path: artifactPath('workspace-home-steps.png'), fullPage: true });
    expect(await axeViolations(page, 'main')).toEqual([]);
  });

  it('shows a second person on a board as present on the first person’s page', async () => {
    const workspace = /\/w\/([^/?#]+)/.exec(workspaceUrl)?.[1] ?? '';
    const { cookie } = await addMember(server.httpUrl, admin, workspace, {
      email: 'agathe@ccas.example.fr',
      displayName: 'Agathe Roux',
      role: 'contributeur',
    });
    const agathe = await openPerson('agathe', blocked);
    people.push(agathe);
    await agathe.context.addCookies(browserCookies(cookie, server.httpUrl));
    const hers = await agathe.context.newPage();
    await openBoardFrom(hers, workspaceUrl, new RegExp(AFFINITY.slice(0, 20)));

    await waitFor(
      async () =>
        (await tile(AFFINITY).locator('.tile-present').innerText()).includes('Agathe Roux'),
      { timeoutMs: 30_000, intervalMs: 250, what: 'Agathe shown on the board’s tile' },
    );
    expect(await tile(AFFINITY).locator('.tile-present').innerText()).toMatch(/Présent·es/);
    await page.screenshot({ path: artifactPath('workspace-home-present.png') });
    await hers.close();
    await waitFor(
      async () => !(await tile(AFFINITY).locator('.tile-present').innerText()).includes('Agathe'),
      { timeoutMs: 30_000, intervalMs: 250, what: 'Agathe gone from the tile' },
    );
  });

  it('renames a board and archives another through their menus', async () => {
    await page.getByRole('button', { name: /^Actions — Hypothèses de travail/ }).click();
    await page.getByRole('menuitem', { name: 'Renommer' }).click();
    const dialog = page.getByRole('dialog', { name: /^Renommer/ });
    await dialog.getByLabel('Nouveau titre').fill('Hypothèses validées en COPIL');
    await page.screenshot({ path: artifactPath('workspace-home-rename.png') });
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await group('Hypothèses')
      .getByRole('link', { name: 'Hypothèses validées en COPIL' })
      .waitFor({ timeout: 10_000 });

    await page.getByRole('button', { name: /^Actions — Préconisations — / }).click();
    await page.getByRole('menuitem', { name: 'Archiver' }).click();
    const archived = page.locator('details.archived-group');
    await archived.locator('summary', { hasText: 'Archivés (1)' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.board-list li').count()).toBe(2);
    expect(
      await group('Préconisations')
        .getByRole('link', { name: /^Préconisations — / })
        .count(),
    ).toBe(0);
    await archived.locator('summary').click();
    await archived.getByRole('link', { name: /^Préconisations — / }).waitFor();
    await page.screenshot({ path: artifactPath('workspace-home-archived.png'), fullPage: true });

    // The change is the server's: a reload shows the same.
    await page.reload();
    await group('Hypothèses')
      .getByRole('link', { name: 'Hypothèses validées en COPIL' })
      .waitFor({ timeout: 10_000 });
    await page.locator('summary', { hasText: 'Archivés (1)' }).waitFor();
  });

  it('keeps the history purge in the board’s settings', async () => {
    await page.getByRole('button', { name: `Actions — ${AFFINITY}` }).click();
    await page.getByRole('menuitem', { name: 'Paramètres' }).click();
    const settings = page.getByRole('dialog', { name: /^Paramètres de/ });
    await settings
      .getByRole('button', { name: `Purger l’historique — ${AFFINITY}` })
      .waitFor({ timeout: 10_000 });
    await page.screenshot({ path: artifactPath('workspace-home-settings.png') });
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await settings.getByRole('button', { name: 'Fermer' }).click();
    await waitFor(async () => (await page.locator('dialog[open]').count()) === 0, {
      what: 'the settings closed',
    });
    expect(blocked).toEqual([]);
  });
});
