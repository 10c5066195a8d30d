import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addMember } from '../helpers/accounts.js';
import { artifactPath, chromiumAvailable } from '../helpers/browser.js';
import {
  openBoardFrom,
  openSignedIn,
  startServerWithAdmin,
  stopWorkspaceServer,
  type WorkspaceSetup,
} from '../helpers/e2eWorkspace.js';
import { waitFor } from '../helpers/wait.js';
import { axeViolations } from '../helpers/axe.js';

const available = chromiumAvailable();

const P1 = 'Adapter les horaires du car aux embauches';
const H6 = "Les acteurs de l'insertion travaillent de façon cloisonnée et orientent mal entre eux.";
const HYPOTHESES_BOARD = 'Hypothèses de travail — Val d’Arvière';

/**
 * Issue #14, links across boards, in Chromium with two people on the demo: the préconisations
 * name the hypotheses of the other board as chips; one person links a préconisation to another
 * hypothesis through the panel's search, the other sees the chip and follows it to the
 * hypotheses board, where the card opens selected (its indicators linked by arrows); once the
 * hypothesis is deleted, the first person's chip says the link is broken.
 */
describe.skipIf(!available)('links between cards of different boards in Chromium', () => {
  let setup: WorkspaceSetup | undefined;
  let claire: Page;
  let malik: Page;
  let workspaceUrl = '';

  const panel = (page: Page) => page.locator('aside.card-panel');
  const chips = (page: Page) => panel(page).locator('.link-chip');

  /** Selects the préconisation titled `title` by clicking it, and waits for its panel. */
  async function selectRecommendation(page: Page, title: string) {
    await page.keyboard.press('Escape');
    await page.locator('.tl-canvas').focus();
    await page.keyboard.press('Shift+1');
    const card = page.locator('.tl-shape[data-shape-type="recommendation"]', { hasText: title });
    await card.waitFor({ timeout: 20_000 });
    const box = await card.boundingBox();
    if (!box) throw new Error(`${title}: not on screen`);
    await page.mouse.click(box.x + box.width / 2, box.y + 12);
    await panel(page).getByRole('heading', { name: 'Préconisation' }).waitFor({ timeout: 5_000 });
  }

  beforeAll(async () => {
    const { server, admin } = await startServerWithAdmin();
    setup = { server, admin, workspace: '', blocked: [], people: [] };
    claire = await (await openSignedIn(setup, 'claire', admin)).context.newPage();
    await claire.goto(`${server.httpUrl}/`);
    await claire.getByRole('button', { name: 'Charger la démonstration' }).click();
    await claire.waitForURL(/\/w\//, { timeout: 60_000 });
    workspaceUrl = claire.url();
    await waitFor(async () => (await claire.locator('.board-list li').count()) === 3, {
      timeoutMs: 60_000,
      what: 'the demo’s three boards',
    });
    const workspace = /\/w\/([^/?#]+)/.exec(workspaceUrl)?.[1] ?? '';
    const member = await addMember(server.httpUrl, admin, workspace, {
      email: 'malik@ccas.example.fr',
      displayName: 'Malik',
      role: 'animateur',
    });
    malik = await (await openSignedIn(setup, 'malik', member.cookie)).context.newPage();
    await openBoardFrom(claire, workspaceUrl, /Préconisations/);
    await openBoardFrom(malik, workspaceUrl, /Préconisations/);
  }, 240_000);

  afterAll(async () => {
    await stopWorkspaceServer(setup);
  });

  it('shows the demo’s links to the hypotheses board as chips, not as a count', async () => {
    await selectRecommendation(claire, P1);
    await expect.poll(() => chips(claire).count(), { timeout: 20_000 }).toBe(2);
    await expect
      .poll(() => chips(claire).allInnerTexts(), { timeout: 20_000 })
      .toEqual([
        expect.stringMatching(/^→ Hypothèse « Des jeunes renoncent.* — tableau Hypothèses de/),
        expect.stringMatching(/^→ Hypothèse « Le transport à la demande.* — tableau Hypothèses/),
      ]);
    await claire.screenshot({ path: artifactPath('board-links-demo-chips.png') });
  });

  it('links a préconisation to a hypothesis of another board through the panel’s search', async () => {
    const search = panel(claire).getByLabel('Chercher une carte à lier, sur tous les tableaux');
    await search.fill('cloisonnee');
    const results = panel(claire).getByRole('region', { name: `Tableau ${HYPOTHESES_BOARD}` });
    const link = results.getByRole('button', { name: /^Lier : Hypothèse — Les acteurs de l/ });
    await link.waitFor({ timeout: 20_000 });
    await claire.screenshot({ path: artifactPath('board-links-search.png') });

    const violations = await axeViolations(claire, 'aside.card-panel');
    expect(violations).toEqual([]);

    await link.click();
    await expect.poll(() => chips(claire).count(), { timeout: 20_000 }).toBe(3);
    await expect
      .poll(() => chips(claire).nth(2).innerText(), { timeout: 20_000 })
      .toMatch(/^→ Hypothèse « Les acteurs de l'insertion/);
  });

  it('lets the other person see the chip and follow it to the hypothesis on its board', async () => {
    await selectRecommendation(malik, P1);
    const chip = panel(malik).getByRole('button', { name: /^→ Hypothèse « Les acteurs de l/ });
    await chip.waitFor({ timeout: 20_000 });
    await malik.screenshot({ path: artifactPath('board-links-other-person.png') });

    await chip.click();
    await malik.waitForURL(/\/b\/[^#]+#shape%3Ademo-H6$/, { timeout: 20_000 });
    await malik.locator('[data-status="connected"]').waitFor({ timeout: 20_000 });
    await panel(malik).getByRole('heading', { name: 'Hypothèse' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => panel(malik).getByLabel('Énoncé').inputValue(), { timeout: 20_000 })
      .toBe(H6);
    await expect(malik.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(
      /Hypothèses de travail/,
    );
    // Its evidence, the indicators of its frame, are linked on this board: drawn as arrows.
    await expect
      .poll(() => malik.locator('[data-testid="link-arrows"] line').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await malik.screenshot({ path: artifactPath('board-links-followed.png') });
  });

  it('shows the link as broken once the hypothesis is deleted, and removes it', async () => {
    const before = await malik.locator('.tl-shape[data-shape-type="hypothesis"]').count();
    await malik.locator('.tl-canvas').focus();
    await malik.keyboard.press('Delete');
    await expect
      .poll(() => malik.locator('.tl-shape[data-shape-type="hypothesis"]').count())
      .toBe(before - 1);

    // Claire's panel, still open on the préconisation, learns it without a reload.
    await expect
      .poll(() => chips(claire).nth(2).locator('.link-chip__text').innerText(), { timeout: 45_000 })
      .toBe('Lien rompu — carte supprimée');
    await expect(chips(claire).count()).resolves.toBe(3);
    await claire.screenshot({ path: artifactPath('board-links-broken.png') });

    await panel(claire)
      .getByRole('button', { name: 'Retirer le lien : Lien rompu — carte supprimée' })
      .click();
    await expect.poll(() => chips(claire).count()).toBe(2);
  });
});
