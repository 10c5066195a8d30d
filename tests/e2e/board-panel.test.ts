import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { tempDir } from '../helpers/server.js';
import { browserCookies } from '../helpers/accounts.js';
import { waitFor } from '../helpers/wait.js';
import { zoomToFitSettled } from '../helpers/boardView.js';

const available = chromiumAvailable();

/** The demo workspace's communes, read from its data file rather than from the page. */
const demoCommunes = (
  JSON.parse(
    fs.readFileSync(
      path.resolve(import.meta.dirname, '../../shared/data/val-d-arviere/workspace.json'),
      'utf8',
    ),
  ) as { communes: { name: string }[] }
).communes.map((c) => c.name);

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const inside = (b: Box, outer: Box) => {
  const c = centre(b);
  return (
    c.x > outer.x && c.x < outer.x + outer.width && c.y > outer.y && c.y < outer.y + outer.height
  );
};

/**
 * The card side panel on the demo's affinity board: the workspace's communes offered, free
 * entry flagged, a theme's counts by commune, and English labels without a new connection.
 */
describe.skipIf(!available)('the card side panel on the demo board in Chromium', () => {
  let server: ChildServer;
  const blocked: string[] = [];
  let person: Person;
  let page: Page;
  let sockets = 0;
  const dropped: string[] = [];

  const shapes = (type: string) => page.locator(`.tl-shape[data-shape-type="${type}"]`);
  const panel = () => page.locator('aside.card-panel');

  async function zoomToFit() {
    await zoomToFitSettled(page);
  }

  /** The demo's first theme, on screen (its box changes as cards are laid out in it). */
  async function themeBox(): Promise<Box> {
    const box = await shapes('theme').first().boundingBox();
    if (!box) throw new Error('theme not rendered');
    return box;
  }

  beforeAll(async () => {
    let admin: string;
    ({ server, admin } = await startServerWithAdmin(tempDir()));
    person = await openPerson('panel', blocked);
    await person.context.addCookies(browserCookies(admin, server.httpUrl));
    page = await person.context.newPage();
    page.on('websocket', () => {
      sockets += 1;
    });
    await page.goto(`${server.httpUrl}/`);
    await page.getByRole('button', { name: 'Charger la démonstration' }).click();
    await page.waitForURL(/\/w\//, { timeout: 60_000 });
    await waitFor(async () => (await page.locator('.board-list li').count()) === 3, {
      timeoutMs: 60_000,
      what: 'the demo’s three boards',
    });
    await openBoardFrom(page, page.url(), /Regroupement des observations/);
    await waitFor(async () => (await shapes('observation').count()) === 72, {
      timeoutMs: 20_000,
      what: 'the 72 observations',
    });
  }, 180_000);

  afterAll(async () => {
    await person?.close();
    await killAllChildren();
  });

  it('offers the workspace’s communes on an observation and flags a free one', async () => {
    await zoomToFit();
    const theme = await themeBox();
    const boxes = await Promise.all(
      (await shapes('observation').all()).map((s) => s.boundingBox()),
    );
    const card = boxes.find((b): b is Box => b !== null && !inside(b, theme));
    if (!card) throw new Error('no observation on screen');
    await page.mouse.click(centre(card).x, centre(card).y);
    const commune = panel().getByLabel('Commune', { exact: true });
    await commune.waitFor({ timeout: 5_000 });
    const original = await commune.inputValue();
    expect(demoCommunes).toContain(original);
    await expect
      .poll(() =>
        commune.evaluate((input) =>
          [...((input as HTMLInputElement).list?.options ?? [])].map((o) => o.value).sort(),
        ),
      )
      .toEqual([...demoCommunes].sort());
    await expect(panel().getByTestId('commune-off-list').count()).resolves.toBe(0);

    await commune.fill('Lyon');
    await expect.poll(() => panel().getByTestId('commune-off-list').count()).toBe(1);
    await expect(commune.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: artifactPath('board-panel-commune-off-list.png') });

    // Another spelling of a listed commune is not flagged.
    await commune.fill(original.toUpperCase());
    await expect.poll(() => panel().getByTestId('commune-off-list').count()).toBe(0);
    await commune.fill(original);
    // Out of the field, so that the board's shortcuts (Shift+1) do not type into it.
    await commune.blur();
    await expect(commune.inputValue()).resolves.toBe(original);
    await page.keyboard.press('Escape');
  });

  it('counts a theme’s observations by commune once cards are dropped in it', async () => {
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Escape');
      await zoomToFit();
      const theme = await themeBox();
      const boxes = await Promise.all(
        (await shapes('observation').all()).map((s) => s.boundingBox()),
      );
      const card = boxes.find((b): b is Box => b !== null && !inside(b, theme));
      if (!card) throw new Error(`no card left outside the theme at drop ${i}`);
      await page.mouse.move(centre(card).x, centre(card).y);
      await page.mouse.down();
      await page.mouse.move(theme.x + theme.width / 3, theme.y + theme.height / 3, { steps: 12 });
      await page.mouse.up();
      await expect
        .poll(() => shapes('theme').first().textContent(), { timeout: 5_000 })
        .toContain(`${i + 1} observation`);
      // The dropped card stays selected: its commune, as the panel shows it.
      dropped.push(await panel().getByLabel('Commune', { exact: true }).inputValue());
    }
    await page.keyboard.press('Escape');
    await zoomToFit();
    const theme = await themeBox();
    await page.mouse.click(theme.x + theme.width / 2, theme.y + 8);
    await expect
      .poll(() => panel().getByTestId('theme-observation-count').textContent(), { timeout: 5_000 })
      .toBe('3 observations');
    const expected = new Map<string, number>();
    for (const commune of dropped) expected.set(commune, (expected.get(commune) ?? 0) + 1);
    const rows = await panel()
      .getByRole('table', { name: 'Par commune' })
      .locator('tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          commune: tr.querySelector('th')?.textContent ?? '',
          count: Number(tr.querySelector('td')?.textContent),
        })),
      );
    expect(rows.map((r) => `${r.commune}:${r.count}`).sort()).toEqual(
      [...expected].map(([commune, n]) => `${commune}:${n}`).sort(),
    );
    // Most frequent first.
    const counts = rows.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await page.screenshot({ path: artifactPath('board-panel-theme-counts.png') });
  });

  let beforeSwitch = 0;
  let afterSwitch = 0;

  it('shows English labels on the cards once English is chosen', async () => {
    beforeSwitch = sockets;
    expect(beforeSwitch).toBeGreaterThan(0);
    await page.getByLabel('Langue').selectOption('en');
    await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
    // Every observation card names its source in English: none of the French-only labels left.
    const cardTexts = () => shapes('observation').allTextContents();
    await waitFor(
      async () =>
        (await cardTexts()).length === 72 &&
        (await cardTexts()).some((text) => /Interview|Workshop|Drop-in|Street/.test(text)),
      { what: 'English source labels on the cards', timeoutMs: 10_000 },
    );
    for (const text of await cardTexts())
      expect(text).not.toMatch(/Entretien|Atelier|Permanence|Micro-trottoir/);
    afterSwitch = sockets;
    await page.screenshot({ path: artifactPath('board-panel-english-cards.png') });
  });

  // The board page keys its fetch on the board alone and words refusals at render.
  it('keeps the board’s connection when the language changes', () => {
    expect(afterSwitch).toBe(beforeSwitch);
  });

  it('shows the panel in English: a theme’s counts, an observation’s fields', async () => {
    await page.keyboard.press('Escape');
    await zoomToFit();
    const theme = await themeBox();
    await page.mouse.click(theme.x + theme.width / 2, theme.y + 8);
    await expect
      .poll(() => panel().getByRole('heading', { level: 2 }).textContent(), { timeout: 5_000 })
      .toBe('Theme');
    await expect(panel().getByRole('table', { name: 'By municipality' }).count()).resolves.toBe(1);
    await expect(panel().getByRole('table', { name: 'By target group' }).count()).resolves.toBe(1);
    await expect(panel().getByTestId('theme-observation-count').textContent()).resolves.toBe(
      '3 observations',
    );
    await page.screenshot({ path: artifactPath('board-panel-english-theme.png') });

    await page.keyboard.press('Escape');
    await zoomToFit();
    const boxes = await Promise.all(
      (await shapes('observation').all()).map((s) => s.boundingBox()),
    );
    const card = boxes.find((b): b is Box => b !== null && !inside(b, theme));
    if (!card) throw new Error('no observation on screen');
    await page.mouse.click(centre(card).x, centre(card).y);
    const commune = panel().getByLabel('Municipality', { exact: true });
    await commune.waitFor({ timeout: 5_000 });
    const original = await commune.inputValue();
    await commune.fill('Lyon');
    await expect
      .poll(() => panel().getByTestId('commune-off-list').textContent())
      .toContain('not in the workspace’s list');
    await expect(panel().locator('#card-field-source option').allTextContents()).resolves.toContain(
      'Interview',
    );
    await page.screenshot({ path: artifactPath('board-panel-english.png') });
    await commune.fill(original);
    await commune.blur();
    await expect.poll(() => panel().getByTestId('commune-off-list').count()).toBe(0);
  });
});
