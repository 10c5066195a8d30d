import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { zoomToFitSettled } from '../helpers/boardView.js';
import { artifactPath, chromiumAvailable, type Person } from '../helpers/browser.js';
import type { ChildServer } from '../helpers/childServer.js';
import {
  openSignedIn,
  startWorkspaceServer,
  stopWorkspaceServer,
  type WorkspaceSetup,
} from '../helpers/e2eWorkspace.js';
import { addMember, createBoard } from '../helpers/accounts.js';

const available = chromiumAvailable();

/** Two people (two browser profiles) on one board, served by the real server from the build. */
describe.skipIf(!available)('two people on one board in Chromium', () => {
  let setup: WorkspaceSetup;
  let server: ChildServer;
  let blocked: string[] = [];
  let alice: Person;
  let bob: Person;
  let alicePage: Page;
  let bobPage: Page;
  let boardUrl: string;
  let carolCookie = '';

  /** Signed in (openSignedIn: a session cookie of their own account), straight to the board. */
  async function join(person: Person): Promise<Page> {
    const page = await person.context.newPage();
    await page.goto(boardUrl);
    await page.locator('.tl-canvas').waitFor({ timeout: 20_000 });
    await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
    return page;
  }

  const shapes = (page: Page, type: string) => page.locator(`.tl-shape[data-shape-type="${type}"]`);

  beforeAll(async () => {
    setup = await startWorkspaceServer();
    ({ server, blocked } = setup);
    const { admin, workspace } = setup;
    const url = server.httpUrl;
    const boardId = await createBoard(url, admin, workspace, 'Atelier regroupement');
    boardUrl = `${url}/b/${boardId}`;
    const aliceAccount = await addMember(url, admin, workspace, {
      email: 'alice@ccas.example.fr',
      displayName: 'Alice',
      role: 'animateur',
    });
    const bobAccount = await addMember(url, admin, workspace, {
      email: 'bob@ccas.example.fr',
      displayName: 'Bob',
      role: 'contributeur',
    });
    carolCookie = (
      await addMember(url, admin, workspace, {
        email: 'carol@ccas.example.fr',
        displayName: 'Carol',
        role: 'lecteur',
      })
    ).cookie;
    alice = await openSignedIn(setup, 'alice', aliceAccount.cookie);
    bob = await openSignedIn(setup, 'bob', bobAccount.cookie);
    alicePage = await join(alice);
    bobPage = await join(bob);
  }, 120_000);

  afterAll(() => stopWorkspaceServer(setup));

  it('shows a card dropped into a theme to the other person, with the membership', async () => {
    await alicePage.getByRole('button', { name: '+ Thème' }).click();
    await alicePage.getByRole('button', { name: '+ Observation' }).click();
    // Both were placed at the centre; drag the observation a little to drop it in the theme.
    const card = shapes(alicePage, 'observation');
    const box = await card.boundingBox();
    if (!box) throw new Error('observation card not rendered');
    await alicePage.keyboard.press('Escape');
    await alicePage.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await alicePage.mouse.down();
    await alicePage.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, {
      steps: 8,
    });
    await alicePage.mouse.up();
    await expect
      .poll(() => shapes(alicePage, 'theme').textContent(), { timeout: 5_000 })
      .toContain('1 observation');

    // How fast is the benchmark's business (BENCHMARKS.md); here, that it arrives at all.
    await expect
      .poll(() => shapes(bobPage, 'theme').textContent(), { timeout: 10_000, interval: 50 })
      .toContain('1 observation');
    expect(await shapes(bobPage, 'observation').count()).toBe(1);
    await bobPage.screenshot({ path: artifactPath('board-bob-sees-theme.png') });
  });

  it('edits a card through the side panel; the other person sees the text', async () => {
    const box = await shapes(alicePage, 'observation').boundingBox();
    if (!box) throw new Error('observation card not rendered');
    // The canvas, not the shape's element, takes pointer input: click where the card is.
    await alicePage.mouse.click(box.x + box.width / 2, box.y + box.height - 12);
    const verbatim = alicePage.getByLabel('Verbatim');
    await verbatim.fill('« Le car du matin passe à 7 h 40, trop tard pour l’usine. »');
    await alicePage.getByLabel('Source').selectOption('micro-trottoir');
    await expect
      .poll(() => shapes(bobPage, 'observation').textContent(), { timeout: 5_000 })
      .toContain('Le car du matin passe à 7 h 40');
    await expect
      .poll(() => shapes(bobPage, 'observation').textContent())
      .toContain('Micro-trottoir');
    await alicePage.screenshot({ path: artifactPath('board-alice-side-panel.png') });
    await alicePage.keyboard.press('Escape');
  });

  it('shows each person’s cursor to the other, with their name', async () => {
    // Alice keeps moving while Bob looks, as a person pointing at something does: a cursor that
    // stopped long ago may be shown as idle, and a loaded machine may take a while to paint it.
    // She points at the card, which both bring on screen first: each camera is its own (where
    // each one's view went depends on who applied the board's template, and when), so a fixed
    // screen point of hers may be off Bob's screen, where tldraw shows only an edge hint.
    await alicePage.keyboard.press('Escape');
    await zoomToFitSettled(alicePage);
    await zoomToFitSettled(bobPage);
    let step = 0;
    await expect
      .poll(
        async () => {
          step = (step + 1) % 8;
          const card = await shapes(alicePage, 'observation').boundingBox();
          if (!card) throw new Error('observation card not rendered');
          const x = card.x + card.width / 2 + step * 4;
          const y = card.y + card.height / 2 - step * 2;
          await alicePage.mouse.move(x, y, { steps: 3 });
          return bobPage.locator('.tl-nametag, .tl-nametag-title').allTextContents();
        },
        { timeout: 20_000 },
      )
      .toContain('Alice');
    await expect.poll(() => bobPage.locator('.people').textContent()).toContain('Alice');
    await bobPage.screenshot({ path: artifactPath('board-bob-sees-alice-cursor.png') });
  });

  it('shows a reader the board read-only, their presence under their own name', async () => {
    const carol = await openSignedIn(setup, 'carol', carolCookie);
    try {
      const page = await join(carol);
      await page.getByText('Lecture seule').waitFor({ timeout: 10_000 });
      expect(await page.getByRole('button', { name: '+ Observation' }).count()).toBe(0);
      await expect.poll(() => shapes(page, 'observation').count()).toBe(1);
      await page.mouse.move(400, 400);
      await page.mouse.move(420, 430, { steps: 5 });
      await expect
        .poll(() => alicePage.locator('.people').textContent(), { timeout: 5_000 })
        .toContain('Carol');
      await page.screenshot({ path: artifactPath('board-carol-read-only.png') });
    } finally {
      await carol.close();
    }
  });

  it('keeps edits made offline and merges them on reconnect; a reload keeps everything', async () => {
    await bob.context.setOffline(true);
    await expect
      .poll(() => bobPage.locator('.status-pill').getAttribute('data-status'))
      .toBe('offline');
    await bobPage.getByRole('button', { name: '+ Hypothèse' }).click();
    await alicePage.getByRole('button', { name: '+ Indicateur' }).click();
    expect(await shapes(bobPage, 'hypothesis').count()).toBe(1);
    await bobPage.screenshot({ path: artifactPath('board-bob-offline.png') });

    await bob.context.setOffline(false);
    for (const page of [alicePage, bobPage]) {
      await expect.poll(() => shapes(page, 'hypothesis').count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => shapes(page, 'indicator').count(), { timeout: 15_000 }).toBe(1);
    }

    await bobPage.reload();
    await bobPage.locator('.tl-canvas').waitFor({ timeout: 20_000 });
    for (const type of ['theme', 'observation', 'hypothesis', 'indicator']) {
      await expect.poll(() => shapes(bobPage, type).count(), { timeout: 10_000 }).toBe(1);
    }
    await bobPage.screenshot({ path: artifactPath('board-bob-after-reload.png') });
  });

  it('loaded nothing from any host but this server', () => {
    expect(blocked).toEqual([]);
  });
});
