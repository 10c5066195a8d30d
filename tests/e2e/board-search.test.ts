import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '@boussole/shared';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { tempDir } from '../helpers/server.js';
import { browserCookies } from '../helpers/accounts.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

/**
 * What the demo's affinity board should answer, worked out from its data file rather than
 * from the search's own code: the observations whose card fields hold the words once accents,
 * case and apostrophes are set aside.
 */
const observations = parseCsv(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../shared/data/val-d-arviere/observations.csv'),
    'utf8',
  ),
).rows.map((row) => row.values);
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/’/g, "'")
    .toLowerCase();
const holds = (o: Record<string, string | undefined>, word: string) =>
  [o.verbatim, o.public, o.commune, o.date].some((field) => fold(field ?? '').includes(word));
const logement = observations.filter((o) => holds(o, 'logement'));
const rochebrune = observations.filter((o) => o.commune === 'Rochebrune');
const both = logement.filter((o) => o.commune === 'Rochebrune');

describe.skipIf(!available)('finding and filtering the cards of the demo board in Chromium', () => {
  let server: ChildServer;
  const blocked: string[] = [];
  let person: Person;
  let page: Page;
  let workspaceUrl = '';

  const observationShapes = () => page.locator('.tl-shape[data-shape-type="observation"]');
  const dimmed = (p = page) => p.locator('.tl-shape .card-search-dimmed');
  const search = () => page.getByRole('searchbox', { name: 'Rechercher dans les cartes' });
  const count = () => page.locator('.board-search-count');
  const selectedVerbatim = () => page.locator('.card-panel textarea').inputValue();

  beforeAll(async () => {
    let admin: string;
    ({ server, admin } = await startServerWithAdmin(tempDir()));
    person = await openPerson('searcher', blocked);
    await person.context.addCookies(browserCookies(admin, server.httpUrl));
    page = await person.context.newPage();
    await page.goto(`${server.httpUrl}/`);
    await page.getByRole('button', { name: 'Charger la démonstration' }).click();
    await page.waitForURL(/\/w\//, { timeout: 60_000 });
    await waitFor(async () => (await page.locator('.board-list li').count()) === 3, {
      timeoutMs: 60_000,
      what: 'the demo’s three boards',
    });
    workspaceUrl = page.url();
    await openBoardFrom(page, workspaceUrl, /Regroupement des observations/);
    await waitFor(async () => (await observationShapes().count()) === 72, {
      timeoutMs: 20_000,
      what: 'the 72 observations',
    });
  }, 180_000);

  afterAll(async () => {
    await person?.close();
    await killAllChildren();
  });

  it('finds « logement » in the expected cards, counts them and dims the others', async () => {
    expect(logement.length).toBeGreaterThan(1);
    const shapesBefore = await page.locator('.tl-shape').count();
    await search().fill('LOGEMENT');
    await expect.poll(() => count().textContent()).toBe(`${logement.length} cartes sur 72`);
    await expect.poll(() => dimmed().count()).toBe(72 - logement.length);
    // Typing in the search is not typing on the board: no tool picked up the letters.
    await expect(page.locator('.tl-shape').count()).resolves.toBe(shapesBefore);
    await page.screenshot({ path: artifactPath('board-search-logement.png') });
  });

  it('selects the next and previous results, and says which one it is', async () => {
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => count().textContent()).toContain('résultat 1 sur');
    const first = await selectedVerbatim();
    expect(fold(first)).toContain('logement');
    // From the overview of the board, the result is brought close enough to read, on screen.
    const card = observationShapes().filter({ hasText: first.slice(0, 40) });
    const canvas = await page.locator('.tl-canvas').boundingBox();
    await waitFor(
      async () => {
        const box = await card.boundingBox();
        return (
          box !== null &&
          canvas !== null &&
          box.width >= 250 &&
          box.x >= canvas.x &&
          box.x + box.width <= canvas.x + canvas.width
        );
      },
      { what: 'the first result on screen at its real size' },
    );
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => count().textContent()).toContain('résultat 2 sur');
    const second = await selectedVerbatim();
    expect(fold(second)).toContain('logement');
    expect(second).not.toBe(first);
    await page.getByRole('button', { name: 'Précédent' }).click();
    await expect.poll(() => selectedVerbatim()).toBe(first);
    // From the first result, « Précédent » wraps round to the last one.
    await page.getByRole('button', { name: 'Précédent' }).click();
    await expect
      .poll(() => count().textContent())
      .toContain(`résultat ${logement.length} sur ${logement.length}`);
    expect(logement.map((o) => o.verbatim)).toContain(await selectedVerbatim());
  });

  it('zooms to show every result on screen', async () => {
    await page.getByRole('button', { name: 'Zoomer sur les résultats' }).click();
    const canvas = await page.locator('.tl-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const matching = page.locator(
      '.tl-shape[data-shape-type="observation"]:not(:has(.card-search-dimmed))',
    );
    await expect(matching.count()).resolves.toBe(logement.length);
    await waitFor(
      async () => {
        const boxes = await Promise.all((await matching.all()).map((shape) => shape.boundingBox()));
        return boxes.every(
          (b) =>
            b !== null &&
            b.x >= canvas.x - 1 &&
            b.y >= canvas.y - 1 &&
            b.x + b.width <= canvas.x + canvas.width + 1 &&
            b.y + b.height <= canvas.y + canvas.height + 1,
        );
      },
      { what: 'every result inside the viewport' },
    );
    await page.screenshot({ path: artifactPath('board-search-zoomed.png') });
  });

  it('filters by commune, alone and with the words', async () => {
    await page.getByRole('button', { name: 'Effacer' }).click();
    await expect.poll(() => dimmed().count()).toBe(0);
    await page.getByRole('button', { name: 'Filtres', exact: true }).click();
    await page.getByRole('search').getByLabel('Commune').selectOption({ label: 'Rochebrune' });
    await expect.poll(() => count().textContent()).toBe(`${rochebrune.length} cartes sur 72`);
    await expect.poll(() => dimmed().count()).toBe(72 - rochebrune.length);
    await expect(page.getByRole('button', { name: 'Filtres (1)' }).count()).resolves.toBe(1);
    await search().fill('logement');
    const expected = `${both.length} ${both.length > 1 ? 'cartes' : 'carte'} sur 72`;
    await expect.poll(() => count().textContent()).toBe(expected);
    await page.screenshot({ path: artifactPath('board-search-commune.png') });
  });

  it('keeps the dimming to this person’s screen', async () => {
    const other = await person.context.newPage();
    await other.goto(page.url());
    await other.locator('[data-status="connected"]').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => other.locator('.tl-shape[data-shape-type="observation"]').count(), {
        timeout: 20_000,
      })
      .toBe(72);
    await expect(dimmed(other).count()).resolves.toBe(0);
    const faded = await other
      .locator('.tl-shape')
      .evaluateAll((shapes) => shapes.filter((s) => getComputedStyle(s).opacity !== '1').length);
    expect(faded).toBe(0);
    await other.close();
    await expect(dimmed().count()).resolves.toBe(72 - both.length);
  });

  it('clears with Escape, and Ctrl+F brings the search back from the board', async () => {
    await search().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => dimmed().count()).toBe(0);
    await expect(search().inputValue()).resolves.toBe('');
    await expect(count().textContent()).resolves.toBe('');
    // Focus on the board (a click on empty canvas), then the shortcut.
    const canvas = await page.locator('.tl-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.mouse.click(canvas.x + canvas.width - 30, canvas.y + canvas.height - 120);
    await page.keyboard.press('Control+f');
    await waitFor(() => search().evaluate((input) => document.activeElement === input), {
      what: 'the search to take the focus',
    });
    await page.keyboard.type('rochebrune');
    await expect.poll(() => count().textContent()).toBe(`${rochebrune.length} cartes sur 72`);
    expect(blocked).toEqual([]);
  });

  it('filters the hypotheses board by kind of card and by status', async () => {
    await openBoardFrom(page, workspaceUrl, /Hypothèses de travail/);
    await expect
      .poll(() => page.locator('.tl-shape[data-shape-type="indicator"]').count(), {
        timeout: 20_000,
      })
      .toBe(11);
    // A new board, a new search: nothing is left dimmed from the previous one.
    await expect(dimmed().count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Filtres', exact: true }).click();
    const filters = page.getByRole('search');
    await filters.getByLabel('Type de carte').selectOption({ label: 'Indicateur' });
    await expect.poll(() => count().textContent()).toBe('11 cartes sur 19');
    await expect.poll(() => dimmed().count()).toBe(8);
    await filters.getByLabel('Type de carte').selectOption({ label: 'Tous' });
    await filters.getByLabel('Statut (hypothèses)').selectOption({ label: 'À vérifier' });
    await expect.poll(() => count().textContent()).toBe('8 cartes sur 19');
    await filters.getByLabel('Statut (hypothèses)').selectOption({ label: 'Confirmée' });
    await expect.poll(() => count().textContent()).toBe('0 carte sur 19');
    await expect(page.getByRole('button', { name: 'Suivant' }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: artifactPath('board-search-hypotheses.png') });
  });
});
