import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { zoomToFitSettled } from '../helpers/boardView.js';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { addMember, browserCookies } from '../helpers/accounts.js';
import { tempDir } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { axeViolations } from '../helpers/axe.js';

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

/** The label the facilitator types instead of the suggested one. */
const NEW_LABEL = 'Se déplacer sans voiture (atelier)';

/**
 * « Suggérer des thèmes » on the demo's affinity board, two people on it: the facilitator
 * renames the first suggestion and creates it; both see a theme of that name holding exactly
 * the suggested cards (its count says so), laid out without overlaps; a second suggestion is
 * dismissed and changes nothing on the board.
 */
describe.skipIf(!available)('accepting a suggested theme in Chromium', () => {
  let server: ChildServer;
  const blocked: string[] = [];
  const people: Person[] = [];
  let facilitator: Page;
  let contributor: Page;
  let workspaceUrl = '';
  /** The first verbatims of the accepted suggestion's cards. */
  let accepted: string[] = [];

  const shapes = (page: Page, type: string) =>
    page.locator(`.tl-shape[data-shape-type="${type}"]:not(.tl-shape-background)`);
  const dialog = () => facilitator.getByRole('dialog', { name: 'Thèmes suggérés' });
  const items = () => dialog().getByRole('list', { name: 'Suggestions' }).locator('> li');

  async function zoomToFit(page: Page) {
    await page.keyboard.press('Escape');
    await zoomToFitSettled(page);
  }

  /** Each shape's type, id, text and screen box, all read in the same frame. */
  async function shapeSnapshot(
    page: Page,
  ): Promise<{ type: string; id: string; text: string; box: Box }[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.tl-shape:not(.tl-shape-background)')]
        .map((el) => {
          const r = el.getBoundingClientRect();
          return {
            type: el.dataset.shapeType ?? '',
            id: el.dataset.shapeId ?? '',
            text: (el.textContent ?? '').replace(/\s+/g, ' '),
            box: { x: r.x, y: r.y, width: r.width, height: r.height },
          };
        })
        // Culled shapes are in the page but not displayed: no box.
        .filter((s) => s.box.width > 0 && s.box.height > 0),
    );
  }

  /** Card text is a verbatim's start, whitespace folded as the card shows it. */
  const opening = (verbatim: string) => verbatim.replace(/\s+/g, ' ').trim().slice(0, 40);

  beforeAll(async () => {
    let adminCookie: string;
    ({ server, admin: adminCookie } = await startServerWithAdmin(tempDir()));
    const first = await openPerson('suggest-facilitator', blocked);
    people.push(first);
    await first.context.addCookies(browserCookies(adminCookie, server.httpUrl));
    facilitator = await first.context.newPage();
    await facilitator.goto(`${server.httpUrl}/`);
    await facilitator.getByRole('button', { name: 'Charger la démonstration' }).click();
    await facilitator.waitForURL(/\/w\//, { timeout: 60_000 });
    workspaceUrl = facilitator.url();
    await waitFor(async () => (await facilitator.locator('.board-list li').count()) === 3, {
      timeoutMs: 60_000,
      what: 'the demo’s three boards',
    });
    const workspaceId = new URL(workspaceUrl).pathname.split('/').pop() ?? '';
    const member = await addMember(server.httpUrl, adminCookie, workspaceId, {
      email: 'contributrice@ccas.example.fr',
      displayName: 'Chloé Contributrice',
      role: 'contributeur',
    });
    const second = await openPerson('suggest-contributor', blocked);
    people.push(second);
    await second.context.addCookies(browserCookies(member.cookie, server.httpUrl));
    contributor = await second.context.newPage();
    for (const page of [facilitator, contributor]) {
      await openBoardFrom(page, workspaceUrl, /Regroupement des observations/);
      await waitFor(async () => (await shapes(page, 'observation').count()) === 72, {
        timeoutMs: 30_000,
        what: 'the 72 observations',
      });
    }
  }, 240_000);

  afterAll(async () => {
    for (const person of people) await person.close();
    await killAllChildren();
  });

  it('renames and accepts a suggestion: both people see the theme holding its cards', async () => {
    const themesBefore = await shapes(facilitator, 'theme').count();
    await facilitator.getByRole('button', { name: 'Suggérer des thèmes' }).click();
    await items().first().waitFor({ timeout: 30_000 });
    expect(await items().count()).toBeGreaterThan(1);

    // A new dialog: checked by axe-core (through the DevTools protocol, which CSP leaves alone).
    const violations = await axeViolations(facilitator, '.theme-suggestions');
    expect(violations).toEqual([]);

    const first = items().first();
    const more = first.getByRole('button', { name: /Afficher les \d+ verbatims/ });
    if (await more.count()) await more.click();
    accepted = (await first.locator('.theme-suggestion-verbatims li').allTextContents()).map(
      opening,
    );
    expect(accepted.length).toBeGreaterThan(1);
    const name = first.getByRole('textbox', { name: 'Nom du thème' });
    await name.fill('');
    await name.pressSequentially(NEW_LABEL);
    await facilitator.screenshot({ path: artifactPath('board-suggest-renamed.png') });
    await first.getByRole('button', { name: 'Créer ce thème' }).click();
    await dialog()
      .getByRole('status')
      .getByText(`Thème « ${NEW_LABEL} » créé avec ${accepted.length} observations.`)
      .waitFor({ timeout: 10_000 });

    for (const page of [facilitator, contributor]) {
      const theme = shapes(page, 'theme').filter({ hasText: NEW_LABEL });
      await expect.poll(() => theme.count(), { timeout: 15_000, message: 'the new theme' }).toBe(1);
      // The count is read from the theme's children: the cards are members, not just on top.
      await expect
        .poll(() => theme.textContent(), { timeout: 15_000 })
        .toContain(`${accepted.length} observations`);
      expect(await shapes(page, 'theme').count()).toBe(themesBefore + 1);

      await zoomToFit(page);
      // Every box from one frame (shapeSnapshot): boxes read one by one could belong to
      // different camera positions.
      const who = page === facilitator ? 'facilitator' : 'contributor';
      // A card still culled (the camera's last frame not yet painted on a loaded machine) has
      // no box: read again until every accepted card is on screen.
      let snapshot = await shapeSnapshot(page);
      await waitFor(
        async () => {
          snapshot = await shapeSnapshot(page);
          const onScreen = snapshot.filter((s) => s.type === 'observation');
          return accepted.every((verbatim) => onScreen.some((c) => c.text.includes(verbatim)));
        },
        { timeoutMs: 15_000, what: `${who}: every accepted card on screen` },
      ).catch(() => undefined);
      const newThemes = snapshot.filter((s) => s.type === 'theme' && s.text.includes(NEW_LABEL));
      expect(newThemes).toHaveLength(1);
      const { id: themeId, box: themeBox } = newThemes[0]!;
      const cards = snapshot.filter((s) => s.type === 'observation');
      const members: Box[] = [];
      for (const verbatim of accepted) {
        const card = cards.find((c) => c.text.includes(verbatim));
        expect(card, verbatim).toBeDefined();
        expect(inside(card!.box, themeBox), `« ${verbatim} » in the theme`).toBe(true);
        members.push(card!.box);
      }
      // Nothing else landed in the new theme; no card overlaps another, nor the theme others.
      expect(cards.filter((c) => inside(c.box, themeBox))).toHaveLength(accepted.length);
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++) {
          expect(
            overlap(members[i]!, members[j]!),
            `${who}: cards ${i} and ${j}: ${JSON.stringify([members[i], members[j]])}`,
          ).toBe(false);
        }
      const others = [
        ...snapshot.filter((s) => s.type === 'theme' && s.id !== themeId),
        ...cards.filter((c) => !inside(c.box, themeBox)),
      ];
      for (const other of others) {
        expect(
          overlap(other.box, themeBox),
          `${who}: ${other.type} ${JSON.stringify(other.box)} over the new theme ${JSON.stringify(themeBox)}`,
        ).toBe(false);
      }
      await page.screenshot({
        path: artifactPath(
          `board-suggest-accepted-${page === facilitator ? 'facilitator' : 'contributor'}.png`,
        ),
      });
    }
  });

  it('dismisses another suggestion without touching the board', async () => {
    // Zooming to fit (Escape first) closed the dialog: opening it again suggests from what is
    // still unthemed.
    if (!(await dialog().isVisible())) {
      await facilitator.getByRole('button', { name: 'Suggérer des thèmes' }).click();
      await items().first().waitFor({ timeout: 30_000 });
    }
    const left = await items().count();
    expect(left).toBeGreaterThan(0);
    const next = items().first();
    const label = await next.getByRole('textbox', { name: 'Nom du thème' }).inputValue();
    const themes = await shapes(facilitator, 'theme').count();
    await next.getByRole('button', { name: 'Ignorer' }).click();
    await dialog()
      .getByRole('status')
      .getByText(`Suggestion « ${label} » ignorée.`)
      .waitFor({ timeout: 10_000 });
    expect(await items().count()).toBe(left - 1);
    await facilitator.screenshot({ path: artifactPath('board-suggest-dismissed.png') });
    for (const page of [facilitator, contributor]) {
      expect(await shapes(page, 'theme').count()).toBe(themes);
      expect(await shapes(page, 'theme').filter({ hasText: label }).count()).toBe(0);
    }
    expect(blocked).toEqual([]);
  });
});
