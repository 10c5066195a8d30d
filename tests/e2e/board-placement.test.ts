import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { grabbable, zoomToFitSettled } from '../helpers/boardView.js';
import { artifactPath, chromiumAvailable, type Person } from '../helpers/browser.js';
import {
  openSignedIn,
  startWorkspaceServer,
  stopWorkspaceServer,
  type WorkspaceSetup,
} from '../helpers/e2eWorkspace.js';
import { addMember, createBoard } from '../helpers/accounts.js';
import { waitFor } from '../helpers/wait.js';

const available = chromiumAvailable();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Screen boxes of one camera are page bounds scaled and shifted: overlap is the same question. */
function overlappingPairs(boxes: Box[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      if (!apart) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** Two people placing cards and filling a theme on one board, with the mouse, in Chromium. */
describe.skipIf(!available)('placing cards and filling themes in Chromium', () => {
  let setup: WorkspaceSetup;
  let alicePage: Page;
  let bobPage: Page;
  let boardUrl: string;

  async function join(person: Person): Promise<Page> {
    const page = await person.context.newPage();
    await page.goto(boardUrl);
    await page.locator('.tl-canvas').waitFor({ timeout: 20_000 });
    await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
    return page;
  }

  const shapes = (page: Page, type: string) => page.locator(`.tl-shape[data-shape-type="${type}"]`);

  async function boxesOf(page: Page, type: string): Promise<Box[]> {
    const boxes = await Promise.all((await shapes(page, type).all()).map((s) => s.boundingBox()));
    return boxes.filter((box): box is Box => box !== null);
  }

  /**
   * The box of a shape on screen. A shape off screen is culled and has none: then everything
   * is brought into view once more (a loaded machine may still be settling the camera of a
   * click or a new card), and the box is read again until the deadline.
   */
  async function onScreen(page: Page, shape: Locator): Promise<Box> {
    let box: Box | null = null;
    let tries = 0;
    await waitFor(
      async () => {
        box = await shape.boundingBox();
        if (box === null && ++tries % 10 === 1) await zoomToFit(page);
        return box !== null;
      },
      { what: 'the shape on screen', timeoutMs: 20_000, intervalMs: 50 },
    );
    return box!;
  }

  /** Everything on screen (tldraw's « zoom to fit », Shift+1), so every card has a box. */
  async function zoomToFit(page: Page) {
    await zoomToFitSettled(page);
  }

  beforeAll(async () => {
    setup = await startWorkspaceServer();
    const { admin, workspace, server } = setup;
    const url = server.httpUrl;
    boardUrl = `${url}/b/${await createBoard(url, admin, workspace, 'Atelier placement')}`;
    const account = (name: string, role: 'animateur' | 'contributeur') =>
      addMember(url, admin, workspace, {
        email: `${name.toLowerCase()}@ccas.example.fr`,
        displayName: name,
        role,
      });
    const alice = await openSignedIn(setup, 'alice', (await account('Alice', 'animateur')).cookie);
    const bob = await openSignedIn(setup, 'bob', (await account('Bob', 'contributeur')).cookie);
    alicePage = await join(alice);
    bobPage = await join(bob);
  }, 120_000);

  afterAll(() => stopWorkspaceServer(setup));

  it('gives cards two people create at the same moment places of their own', async () => {
    const perPerson = 5;
    const clickAll = async (page: Page) => {
      for (let i = 0; i < perPerson; i++) {
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: '+ Observation' }).click();
      }
    };
    await Promise.all([clickAll(alicePage), clickAll(bobPage)]);
    for (const page of [alicePage, bobPage]) {
      await expect
        .poll(() => shapes(page, 'observation').count(), { timeout: 10_000 })
        .toBe(2 * perPerson);
      await page.keyboard.press('Escape');
      await zoomToFit(page);
      // A card two people put on the same spot in the same instant is moved by one of them as
      // soon as both cards are seen: wait for that, then no card overlaps another.
      await waitFor(async () => overlappingPairs(await boxesOf(page, 'observation')).length === 0, {
        what: 'no overlapping cards',
        timeoutMs: 10_000,
      });
      expect(await boxesOf(page, 'observation')).toHaveLength(2 * perPerson);
    }
    await alicePage.screenshot({ path: artifactPath('board-placement-simultaneous.png') });
  });

  it('selects a theme by a click on its title bar', async () => {
    await alicePage.keyboard.press('Escape');
    await alicePage.getByRole('button', { name: '+ Thème' }).click();
    await onScreen(alicePage, shapes(alicePage, 'theme'));
    await zoomToFit(alicePage);
    // First an observation selected (the side panel is named after the selected card's kind)…
    const panel = alicePage.locator('.card-panel');
    const theme = await onScreen(alicePage, shapes(alicePage, 'theme'));
    // A card the new theme does not stand over, that no bar covers (nor the new theme's side
    // panel, open since it was created selected).
    const card = (await grabbable(alicePage, await boxesOf(alicePage, 'observation'))).find(
      (c) =>
        c.x + c.width < theme.x ||
        c.x > theme.x + theme.width ||
        c.y + c.height < theme.y ||
        c.y > theme.y + theme.height,
    );
    if (!card) throw new Error('no observation clear of the theme');
    const panelLabel = async () =>
      (await panel.count()) === 1 ? await panel.getAttribute('aria-label', { timeout: 1_000 }) : '';
    await alicePage.mouse.click(card.x + card.width / 2, card.y + card.height / 2);
    await waitFor(async () => /observation/i.test((await panelLabel()) ?? ''), {
      what: 'the observation’s side panel',
      timeoutMs: 15_000,
    });
    // …then a click on the theme's title bar selects the theme: at a point of the bar that
    // nothing covers (the focus bar stands at the top centre, where « zoom to fit » may put it).
    const bar = await onScreen(alicePage, shapes(alicePage, 'theme'));
    const spots = [0.5, 0.25, 0.75, 0.1, 0.9].map((f) => ({
      x: bar.x + bar.width * f - 1,
      y: bar.y + 7,
      width: 2,
      height: 2,
    }));
    const spot = (await grabbable(alicePage, spots))[0];
    if (!spot) throw new Error(`the theme's title bar is covered: ${JSON.stringify(bar)}`);
    await alicePage.mouse.click(spot.x + 1, spot.y + 1);
    // The side panel opens on the selected card, named after its kind.
    await waitFor(async () => /thème/i.test((await panelLabel()) ?? ''), {
      what: 'the theme’s side panel',
      timeoutMs: 15_000,
    });
    await alicePage.screenshot({ path: artifactPath('board-placement-theme-selected.png') });
    await alicePage.keyboard.press('Escape');
  });

  it('lays out ten cards dropped into a theme in its grid, and the theme grows', async () => {
    // Nothing selected, so no side panel stands over the cards to drag.
    await alicePage.keyboard.press('Escape');
    await zoomToFit(alicePage);
    const before = await onScreen(alicePage, shapes(alicePage, 'theme'));
    const aCard = await onScreen(alicePage, shapes(alicePage, 'observation').first());
    // Sizes in cards, so that the zoom (« zoom to fit » changes it) does not matter.
    const cardArea = (box: Box, card: Box) => (box.width * box.height) / (card.width * card.height);
    const areaBefore = cardArea(before, aCard);
    const count = 10;
    /** How many observations the theme says it holds. */
    const inTheme = async () =>
      Number(
        /(\d+) observations?/.exec((await shapes(alicePage, 'theme').textContent()) ?? '')?.[1] ??
          0,
      );
    let held = 0;
    let drags = 0;
    let refits = 0;
    while (held < count) {
      // A drag may begin on something else than the card (a bar drawn over it while the page
      // settles): it moves nothing, and is tried again with the next card; the theme's count
      // says when a drop took. Bounded, so a drop that never works still fails.
      if (++drags > count * 3)
        throw new Error(`only ${held} of ${count} drops took in ${drags - 1} drags`);
      // The next card still on the page (outside the theme), dragged to the same spot each time.
      const theme = await onScreen(alicePage, shapes(alicePage, 'theme'));
      const cards = await grabbable(alicePage, await boxesOf(alicePage, 'observation'));
      const outside = cards.find(
        (c) =>
          c.x + c.width / 2 < theme.x ||
          c.x + c.width / 2 > theme.x + theme.width ||
          c.y + c.height / 2 < theme.y ||
          c.y + c.height / 2 > theme.y + theme.height,
      );
      if (!outside && ++refits <= 3) {
        // The cards left may be off screen or under a bar: everything in view, and look again.
        drags--;
        await zoomToFit(alicePage);
        continue;
      }
      if (!outside) {
        await alicePage.screenshot({ path: artifactPath('board-placement-no-card-outside.png') });
        throw new Error(
          `no card left outside the theme after ${held} drops: theme ${JSON.stringify(theme)}, ` +
            `cards ${JSON.stringify(cards)}`,
        );
      }
      await alicePage.mouse.move(outside.x + outside.width / 2, outside.y + outside.height / 2);
      await alicePage.mouse.down();
      const target = { x: theme.x + theme.width / 3, y: theme.y + theme.height / 3 };
      await alicePage.mouse.move(target.x, target.y, { steps: 12 });
      await alicePage.mouse.up();
      const was = held;
      await waitFor(async () => (await inTheme()) > was, {
        what: `drop ${was + 1} in the theme`,
        timeoutMs: 10_000,
      }).catch(() => undefined);
      held = await inTheme();
      // Nothing selected, so no side panel stands over the next card to drag.
      await alicePage.keyboard.press('Escape');
    }
    await zoomToFit(alicePage);
    for (const page of [alicePage, bobPage]) {
      await expect
        .poll(() => shapes(page, 'theme').textContent(), { timeout: 5_000 })
        .toContain(`${count} observations`);
      await waitFor(async () => overlappingPairs(await boxesOf(page, 'observation')).length === 0, {
        what: 'no overlapping cards in the theme',
        timeoutMs: 10_000,
      });
    }
    // Theme and cards measured in one frame, once the camera has settled on all of them.
    const measure = () =>
      alicePage.evaluate(() => {
        const box = (el: Element) => {
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        };
        const of = (type: string) =>
          [...document.querySelectorAll(`.tl-shape[data-shape-type="${type}"]`)]
            .map(box)
            .filter((b) => b.width > 0 && b.height > 0);
        return { theme: of('theme')[0], cards: of('observation') };
      });
    let { theme: after, cards } = await measure();
    const insideOf = (theme: Box | undefined, all: Box[]) =>
      all.filter(
        (c) =>
          !!theme &&
          c.x >= theme.x - 1 &&
          c.y >= theme.y - 1 &&
          c.x + c.width <= theme.x + theme.width + 1 &&
          c.y + c.height <= theme.y + theme.height + 1,
      );
    let refitted = 0;
    await waitFor(
      async () => {
        ({ theme: after, cards } = await measure());
        if (insideOf(after, cards).length === count) return true;
        if (++refitted % 10 === 0) await zoomToFit(alicePage);
        return false;
      },
      { what: 'the ten cards inside the theme', timeoutMs: 15_000, intervalMs: 100 },
    ).catch(() => undefined);
    expect(insideOf(after, cards).length).toBe(count);
    if (!after) throw new Error('theme not on screen');
    expect(cardArea(after, cards[0]!)).toBeGreaterThan(areaBefore);
    await alicePage.screenshot({ path: artifactPath('board-placement-theme-grid.png') });
    await bobPage.screenshot({ path: artifactPath('board-placement-theme-grid-bob.png') });
  });

  it('puts the caret in the first field of a card opened with a double-click', async () => {
    await alicePage.keyboard.press('Escape');
    const card = await onScreen(alicePage, shapes(alicePage, 'observation').first());
    await alicePage.mouse.dblclick(card.x + card.width / 2, card.y + card.height / 2);
    await waitFor(
      () =>
        alicePage.evaluate(() => {
          const active = document.activeElement;
          return active?.tagName === 'TEXTAREA' && active.closest('.tl-shape') !== null;
        }),
      { what: 'the verbatim field of the card focused' },
    );
    await alicePage.keyboard.type('Pas de bus le dimanche');
    await expect
      .poll(() => shapes(bobPage, 'observation').allTextContents(), { timeout: 5_000 })
      .toContainEqual(expect.stringContaining('Pas de bus le dimanche'));
    await alicePage.screenshot({ path: artifactPath('board-placement-double-click-editing.png') });
  });
});
