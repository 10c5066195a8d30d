import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { tempDir } from '../helpers/server.js';
import { browserCookies } from '../helpers/accounts.js';
import { waitFor } from '../helpers/wait.js';
import { grabbable, zoomToFitSettled } from '../helpers/boardView.js';

const available = chromiumAvailable();

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
/** Overlap of more than a pixel (screen boxes are rounded at low zoom). */
const overlap = (a: Box, b: Box) =>
  a.x + 1 < b.x + b.width &&
  b.x + 1 < a.x + a.width &&
  a.y + 1 < b.y + b.height &&
  b.y + 1 < a.y + a.height;

function expectApart(boxes: Box[], what: string) {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(overlap(boxes[i]!, boxes[j]!), `${what}: ${i} and ${j} overlap`).toBe(false);
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** « Ranger » on the demo's affinity board: a theme by commune, then the unthemed cards. */
describe.skipIf(!available)('arranging the demo board in Chromium', () => {
  let server: ChildServer;
  const blocked: string[] = [];
  let person: Person;
  let page: Page;

  const shapes = (type: string) => page.locator(`.tl-shape[data-shape-type="${type}"]`);
  const panel = () => page.locator('aside.card-panel');

  async function zoomToFit() {
    await zoomToFitSettled(page);
  }

  async function themeBox(): Promise<Box> {
    const box = await shapes('theme').first().boundingBox();
    if (!box) throw new Error('theme not rendered');
    return box;
  }

  async function observationBoxes(): Promise<Box[]> {
    const boxes = await Promise.all(
      (await shapes('observation').all()).map((s) => s.boundingBox()),
    );
    return boxes.filter((b): b is Box => b !== null);
  }

  beforeAll(async () => {
    let admin: string;
    ({ server, admin } = await startServerWithAdmin(tempDir()));
    person = await openPerson('arrange', blocked);
    await person.context.addCookies(browserCookies(admin, server.httpUrl));
    page = await person.context.newPage();
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

  it('lays a theme’s cards out in commune order, none overlapping', async () => {
    const dropCount = 5;
    for (let i = 0; i < dropCount; i++) {
      await page.keyboard.press('Escape');
      await zoomToFit();
      const theme = await themeBox();
      const card = (await grabbable(page, await observationBoxes())).find((b) => !inside(b, theme));
      if (!card) throw new Error(`no card left outside the theme at drop ${i}`);
      await page.mouse.move(centre(card).x, centre(card).y);
      await page.mouse.down();
      await page.mouse.move(theme.x + theme.width / 3, theme.y + theme.height / 3, { steps: 12 });
      await page.mouse.up();
      await expect
        .poll(() => shapes('theme').first().textContent(), { timeout: 5_000 })
        .toContain(`${i + 1} observation`);
    }
    await page.keyboard.press('Escape');
    await zoomToFit();
    const before = await themeBox();
    await page.mouse.click(before.x + before.width / 2, before.y + 8);
    const arrange = panel().getByTestId('theme-arrange');
    await arrange.waitFor({ timeout: 5_000 });
    await arrange.getByLabel('Trier par').selectOption('commune');
    await arrange.getByRole('button', { name: 'Ranger' }).click();

    // The theme's cards, read row after row, then each one's commune as the panel shows it.
    await zoomToFit();
    const theme = await themeBox();
    const all = await shapes('observation').all();
    const inTheme: { index: number; box: Box }[] = [];
    for (const [index, shape] of all.entries()) {
      const box = await shape.boundingBox();
      if (box && inside(box, theme)) inTheme.push({ index, box });
    }
    expect(inTheme).toHaveLength(dropCount);
    expectApart(
      inTheme.map((c) => c.box),
      'cards in the theme',
    );
    const rowHeight = Math.min(...inTheme.map((c) => c.box.height)) / 2;
    inTheme.sort(
      (a, b) =>
        (Math.abs(a.box.y - b.box.y) < rowHeight ? 0 : a.box.y - b.box.y) || a.box.x - b.box.x,
    );
    await page.screenshot({ path: artifactPath('board-arrange-theme-by-commune.png') });
    const communes: string[] = [];
    for (const card of inTheme) {
      await page.keyboard.press('Escape');
      const c = centre(card.box);
      await page.mouse.click(c.x, card.box.y + card.box.height - 6);
      const commune = panel().getByLabel('Commune', { exact: true });
      await commune.waitFor({ timeout: 5_000 });
      communes.push(await commune.inputValue());
    }
    const expected = [...communes].sort(
      (a, b) => Number(a === '') - Number(b === '') || collator.compare(a, b),
    );
    expect(communes).toEqual(expected);
  });

  it('arranges the unthemed observations in free space, nothing overlapping', async () => {
    await page.keyboard.press('Escape');
    // The board's actions are a menu of the board's header.
    const actions = page.getByTestId('board-arrange');
    await actions.waitFor({ timeout: 5_000 });
    await actions.locator('summary').click();
    await actions.getByRole('button', { name: 'Ranger les observations non classées' }).click();
    await zoomToFit();
    const themes = (
      await Promise.all((await shapes('theme').all()).map((s) => s.boundingBox()))
    ).filter((b): b is Box => b !== null);
    const loose = (await observationBoxes()).filter((b) => !themes.some((t) => inside(b, t)));
    expect(loose.length).toBeGreaterThan(50);
    expectApart([...loose, ...themes], 'unthemed cards and themes');
    await page.screenshot({ path: artifactPath('board-arrange-unthemed.png') });

    // Then the whole board in columns by commune: still nothing overlapping.
    await actions.getByLabel('Ranger tout le tableau en colonnes par').selectOption('commune');
    await actions.getByRole('button', { name: 'Ranger en colonnes' }).click();
    await zoomToFit();
    const columns = (await observationBoxes()).filter((b) => !themes.some((t) => inside(b, t)));
    expectApart([...columns, ...themes], 'columns and themes');
    await page.screenshot({ path: artifactPath('board-arrange-columns.png') });
  });
});
