import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shownSeconds } from '../helpers/sessionView.js';
import { artifactPath, chromiumAvailable } from '../helpers/browser.js';
import {
  cameraSettled,
  grabbable,
  openContributions,
  setFacilitatePanel,
  zoomToFitSettled,
} from '../helpers/boardView.js';
import { waitFor } from '../helpers/wait.js';
import { workshopInChromium } from '../helpers/workshopBrowsers.js';

const available = chromiumAvailable();

type Box = { x: number; y: number; width: number; height: number };

/** One floating reaction as an observer's page drew it, recorded the moment it was added. */
interface SeenReaction {
  emoji: string;
  /** The observer's Date.now() when the reaction appeared (the machine's one clock). */
  at: number;
  /** The point it floats from, in the page's CSS pixels: a card's top centre, or the board. */
  x: number;
  y: number;
  /** Every card's box on the observer's screen at that moment, by shape id. */
  cards: Record<string, Box>;
}

/** What the sound hook counted in a page (see `soundHook`). */
interface SoundCount {
  starts: number;
  plays: number;
  states: string[];
}

/**
 * Run in every page before the app: counts the sounds it makes without audio hardware. The
 * timer beeps with WebAudio (an OscillatorNode started, SessionBar's beep()); an <audio>
 * element's play() is counted too, so that a change of technique is still caught.
 */
function soundHook() {
  const count = { starts: 0, plays: 0, states: [] as string[] };
  (window as unknown as { __sound: typeof count }).__sound = count;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, ...args) {
    count.starts += 1;
    count.states.push(this.context.state);
    return start.apply(this, args);
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    count.plays += 1;
    return play.call(this);
  };
}

/**
 * Issue #15 in Chromium, the facilitation features that had only server tests: an animatrice
 * and two participants in their own profiles. Her spotlight rings the chosen card on the
 * participants' screens, with a banner whose « Voir la carte » brings the card into their
 * view, and goes out for all; a participant's reaction floats over the card on the others'
 * screens, and a flood of them reaches the others only within the server's budget; on a
 * « tableau modéré » a participant's card reaches nobody's page until she accepts it, and one
 * she refuses never does; « Son à zéro » beeps on the participants' pages when the
 * countdown ends, and nothing beeps without it. Screenshots of each in test-artifacts/.
 */
describe.skipIf(!available)('spotlight, reactions, moderated inbox and sound in Chromium', () => {
  const { pages, blocked } = workshopInChromium('extras', {
    prepare: async (context) => {
      await context.addInitScript(soundHook);
    },
  });

  /** A card's own element (not the background tldraw may draw beneath some shapes). */
  const cardOf = (page: Page, id: string) =>
    page.locator(`.tl-shape[data-shape-id="${id}"]:not(.tl-shape-background)`);
  const html = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);
  const boardText = (page: Page) => page.locator('.tl-shape').allInnerTexts();
  const onBoard = async (page: Page, text: string) =>
    (await boardText(page)).some((t) => t.includes(text));

  /** Selects a card with a click near its bottom edge, where no field or button lies. */
  async function select(page: Page, id: string) {
    let box: Box | null = null;
    await waitFor(
      async () => {
        box = await cardOf(page, id).boundingBox();
        return box !== null && (await grabbable(page, [box])).length === 1;
      },
      { what: `${id} on screen, nothing over it`, timeoutMs: 20_000 },
    );
    const { x, y, width, height } = box!;
    await page.mouse.click(x + width / 2, y + height - 12);
    await page.locator('.card-panel').waitFor({ timeout: 20_000 });
  }

  /** A click on an empty part of the canvas: nothing selected, the card panel closed. */
  async function deselect(page: Page) {
    await page.mouse.click(1000, 720);
    await page.locator('.card-panel').waitFor({ state: 'detached', timeout: 20_000 });
  }

  /** The spotlight ring's box and card id on a page, and the boxes of the cards, in one frame. */
  function ringAndCards(page: Page) {
    return page.evaluate(() => {
      const rect = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const ring = document.querySelector('.spotlight-ring');
      const cards: Record<string, { x: number; y: number; width: number; height: number }> = {};
      for (const el of document.querySelectorAll('.tl-shape:not(.tl-shape-background)')) {
        const id = el.getAttribute('data-shape-id');
        if (id) cards[id] = rect(el);
      }
      return {
        ring: ring ? { ...rect(ring), cardId: ring.getAttribute('data-card-id') } : null,
        cards,
      };
    });
  }

  /** The banner a participant gets while Fanny's spotlight is on. */
  const spotlightBanner = (page: Page) =>
    page.getByRole('status').filter({ hasText: 'Fanny met une carte en lumière' });

  /** The camera's zoom: the scale of the shape layer's transform. */
  const cameraZoom = (page: Page) =>
    page.evaluate(() => {
      const layer = document.querySelector('.tl-html-layer');
      return layer ? new DOMMatrix(getComputedStyle(layer).transform).a : NaN;
    });

  const overlaps = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  const contains = (outer: Box, inner: Box) =>
    outer.x <= inner.x + 1 &&
    outer.y <= inner.y + 1 &&
    outer.x + outer.width >= inner.x + inner.width - 1 &&
    outer.y + outer.height >= inner.y + inner.height - 1;

  /**
   * From now on, the page records every floating reaction it draws (they last three seconds,
   * too short to be sure to catch by polling on a loaded machine).
   */
  async function recordReactions(page: Page) {
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { __reactions: unknown[] }).__reactions = seen;
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          for (const node of mutation.addedNodes) {
            if (!(node instanceof HTMLElement) || !node.classList.contains('floating-reaction')) {
              continue;
            }
            const overlay = node.offsetParent?.getBoundingClientRect();
            const cards: Record<string, unknown> = {};
            for (const el of document.querySelectorAll('.tl-shape:not(.tl-shape-background)')) {
              const id = el.getAttribute('data-shape-id');
              const r = el.getBoundingClientRect();
              if (id) cards[id] = { x: r.x, y: r.y, width: r.width, height: r.height };
            }
            // FocusOverlay places the emoji 16 px left of and 24 px above its anchor.
            seen.push({
              emoji: node.dataset.emoji,
              at: Date.now(),
              x: (overlay?.x ?? 0) + parseFloat(node.style.left) + 16,
              y: (overlay?.y ?? 0) + parseFloat(node.style.top) + 24,
              cards,
            });
          }
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
  }
  const reactionsSeen = (page: Page) =>
    page.evaluate(() => (window as unknown as { __reactions: SeenReaction[] }).__reactions);
  const seenOf = async (page: Page, emoji: string) =>
    (await reactionsSeen(page)).filter((r) => r.emoji === emoji);

  const sound = (page: Page) =>
    page.evaluate(() => (window as unknown as { __sound: SoundCount }).__sound);
  const resetSound = (page: Page) =>
    page.evaluate(() => {
      const count = (window as unknown as { __sound: SoundCount }).__sound;
      count.starts = 0;
      count.plays = 0;
      count.states = [];
    });
  /** Two frames: whatever React committed before has run its effects. */
  const settle = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
        ),
    );

  it('rings the card the animatrice spotlights on each participant’s screen, shows it on « Voir la carte », then puts it out for all', async () => {
    const { fanny, alice, bruno } = pages;
    // Participants have no spotlight of their own.
    expect(
      await alice.getByRole('button', { name: 'Mettre en lumière la carte choisie' }).count(),
    ).toBe(0);
    for (const page of [fanny, alice, bruno]) await zoomToFitSettled(page);

    const spotlight = fanny.getByRole('button', { name: 'Mettre en lumière la carte choisie' });
    expect(await spotlight.isDisabled()).toBe(true); // nothing chosen yet
    // H5, the card outside the theme (whose small frame hides part of the others).
    await select(fanny, 'shape:H5');
    await spotlight.click();

    for (const page of [alice, bruno]) {
      const ring = page.getByRole('img', { name: 'Carte mise en lumière' });
      await ring.waitFor({ timeout: 20_000 });
      expect(await ring.getAttribute('data-card-id')).toBe('shape:H5');
      // On this person's own screen (cameras differ), the ring surrounds H5 and no other card.
      await waitFor(
        async () => {
          const { ring: box, cards } = await ringAndCards(page);
          const h5 = cards['shape:H5'];
          if (!box || !h5 || h5.width === 0) return false;
          const others = ['shape:T1', 'shape:H1', 'shape:H2', 'shape:H3', 'shape:H4'];
          return contains(box, h5) && others.every((id) => !cards[id] || !contains(box, cards[id]));
        },
        { what: 'the ring around H5 on the participant’s screen', timeoutMs: 20_000 },
      );
    }
    // Each participant is told who lit it, with a way to the card; not the animatrice, whose
    // page has the spotlight too (her ring is there) but who chose the card herself.
    for (const page of [alice, bruno]) await spotlightBanner(page).waitFor({ timeout: 20_000 });
    await fanny.locator('.spotlight-ring').waitFor({ timeout: 20_000 });
    expect(await fanny.getByText('met une carte en lumière').count()).toBe(0);
    expect(await fanny.getByRole('button', { name: 'Voir la carte' }).count()).toBe(0);
    await alice.screenshot({ path: artifactPath('extras-1-spotlight-alice.png') });
    await bruno.screenshot({ path: artifactPath('extras-2-spotlight-bruno.png') });

    // The spotlight follows the card, whatever the participant's camera does.
    await bruno.mouse.move(640, 450);
    await bruno.mouse.wheel(120, 80);
    await waitFor(
      async () => {
        const { ring: box, cards } = await ringAndCards(bruno);
        const h5 = cards['shape:H5'];
        return !!box && !!h5 && h5.width > 0 && contains(box, h5);
      },
      { what: 'the ring following H5 as Bruno pans', timeoutMs: 20_000 },
    );

    // Bruno pans far away, the card off his screen: « Voir la carte » brings it back into view,
    // at most at its real size.
    const canvasBox = async (page: Page) => (await page.locator('.tl-canvas').boundingBox())!;
    await waitFor(
      async () => {
        await bruno.mouse.move(640, 450);
        await bruno.mouse.wheel(1500, 1200);
        await cameraSettled(bruno);
        const h5 = (await ringAndCards(bruno)).cards['shape:H5'];
        return !h5 || h5.width === 0 || !overlaps(await canvasBox(bruno), h5);
      },
      { what: 'H5 off Bruno’s screen after panning away', timeoutMs: 30_000, intervalMs: 200 },
    );
    await spotlightBanner(bruno).getByRole('button', { name: 'Voir la carte' }).click();
    await waitFor(
      async () => {
        await cameraSettled(bruno);
        const h5 = (await ringAndCards(bruno)).cards['shape:H5'];
        return !!h5 && h5.width > 0 && contains(await canvasBox(bruno), h5);
      },
      { what: 'H5 back within Bruno’s canvas after « Voir la carte »', timeoutMs: 20_000 },
    );
    expect(await cameraZoom(bruno)).toBeLessThanOrEqual(1.001);
    await bruno.screenshot({ path: artifactPath('extras-2b-spotlight-shown-bruno.png') });

    await fanny.getByRole('button', { name: 'Éteindre la lumière' }).click();
    for (const page of [fanny, alice, bruno]) {
      await page.locator('.spotlight-ring').waitFor({ state: 'detached', timeout: 20_000 });
    }
    for (const page of [alice, bruno]) {
      await spotlightBanner(page).waitFor({ state: 'detached', timeout: 20_000 });
    }
    await bruno.screenshot({ path: artifactPath('extras-3-spotlight-off-bruno.png') });
    await deselect(fanny);
    await zoomToFitSettled(bruno);
  }, 120_000);

  it('floats a participant’s reaction over the card for the others, and holds a flood to the budget', async () => {
    const { fanny, alice, bruno } = pages;
    for (const page of [fanny, alice, bruno]) {
      await zoomToFitSettled(page);
      await recordReactions(page);
    }

    // Alice reacts 👍 on H5.
    await select(alice, 'shape:H5');
    await alice.getByRole('button', { name: 'Réagir 👍 sur la carte choisie' }).click();
    for (const page of [fanny, bruno]) {
      await waitFor(async () => (await seenOf(page, '👍')).length === 1, {
        what: 'Alice’s 👍 on the other’s screen',
        timeoutMs: 20_000,
      });
      const [thumb] = await seenOf(page, '👍');
      // It floats from H5's top centre on this screen, not from another card.
      const h5 = thumb!.cards['shape:H5']!;
      expect(Math.abs(thumb!.x - (h5.x + h5.width / 2))).toBeLessThan(3);
      expect(Math.abs(thumb!.y - h5.y)).toBeLessThan(3);
      for (const id of ['shape:T1', 'shape:H1', 'shape:H2', 'shape:H3', 'shape:H4']) {
        const other = thumb!.cards[id]!;
        expect(
          Math.abs(thumb!.x - (other.x + other.width / 2)) + Math.abs(thumb!.y - other.y),
        ).toBeGreaterThan(20);
      }
    }
    // Caught while it floats, for the screenshot (it may already have gone on a slow machine).
    await bruno
      .locator('.floating-reaction[data-emoji="👍"]')
      .waitFor({ timeout: 2_000 })
      .catch(() => {});
    await bruno.screenshot({ path: artifactPath('extras-4-reaction-bruno.png') });
    await deselect(alice);

    // Bruno, who has not reacted yet (a full budget of REACTION_RATE.burst = 5), clicks 👏
    // thirty times in one go. `sentAt` is read in his page, on the machine's one clock.
    const clap = 'Réagir 👏 sur le tableau';
    const sentAt = await bruno.evaluate((label) => {
      const button = document.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
      if (!button) throw new Error('no 👏 button');
      const at = Date.now();
      for (let i = 0; i < 30; i++) button.click();
      return at;
    }, clap);
    // His own page shows them all and keeps working.
    await waitFor(async () => (await seenOf(bruno, '👏')).length === 30, {
      what: 'Bruno’s thirty 👏 on his own screen',
      timeoutMs: 20_000,
    });
    // The burst reaches the others…
    for (const page of [fanny, alice]) {
      await waitFor(async () => (await seenOf(page, '👏')).length >= 5, {
        what: 'the burst of 👏 on the other’s screen',
        timeoutMs: 20_000,
      });
    }
    await alice.screenshot({ path: artifactPath('extras-5-reaction-flood-alice.png') });
    // …and later reactions still do, once the budget refills: Bruno's bar still works. The
    // server relays his frames in order, so once a 💡 arrived, every 👏 it let through has.
    await waitFor(
      async () => {
        await bruno.getByRole('button', { name: 'Réagir 💡 sur le tableau' }).click();
        return (await seenOf(fanny, '💡')).length > 0 && (await seenOf(alice, '💡')).length > 0;
      },
      { what: 'a 💡 after the flood on both others’ screens', timeoutMs: 30_000, intervalMs: 400 },
    );
    // The k-th 👏 the server let through left it at most (k − 5) seconds after the first
    // reached it, which is after `sentAt`, and before the observer saw it: however slow the
    // machine, each one seen must satisfy k ≤ 5 + (seen − sentAt) / 1000.
    for (const page of [fanny, alice]) {
      const claps = (await seenOf(page, '👏')).sort((a, b) => a.at - b.at);
      expect(claps.length).toBeGreaterThanOrEqual(5);
      claps.forEach((clapSeen, index) => {
        expect(index + 1).toBeLessThanOrEqual(5 + (clapSeen.at - sentAt) / 1000);
      });
    }
    await expect(bruno.locator('[data-status="connected"]').count()).resolves.toBe(1);
  }, 120_000);

  it('keeps a moderated card off every other page until the animatrice accepts it; a refused one never shows', async () => {
    const { fanny, alice, bruno } = pages;
    const ACCEPTED = 'Les horaires du car ne collent pas aux cours du lycée.';
    const REFUSED = 'Le maire ne vient jamais aux réunions de quartier.';

    // Participants have no switch.
    expect(await alice.getByLabel('Tableau modéré').count()).toBe(0);
    // Folded while no mode is on.
    await openContributions(fanny);
    await fanny.getByLabel('Tableau modéré').check();
    for (const page of [alice, bruno]) {
      await page
        .getByText(
          'Tableau modéré : vos nouvelles cartes sont envoyées à l’animateur, qui les ajoute au tableau.',
        )
        .waitFor({ timeout: 20_000 });
    }
    const drawer = alice.getByRole('region', { name: 'Mes cartes envoyées' });
    await drawer.waitFor({ timeout: 20_000 });
    for (const text of [REFUSED, ACCEPTED]) {
      await drawer.getByLabel('Nouvelle carte').fill(text);
      await drawer.getByRole('button', { name: 'Ajouter' }).click();
      await waitFor(async () => (await drawer.getByLabel('Nouvelle carte').inputValue()) === '', {
        what: 'the card sent',
        timeoutMs: 20_000,
      });
    }
    // Held by the server: listed back in Alice's drawer.
    await waitFor(
      async () => {
        const kept = await drawer
          .locator('li[data-held-card] textarea')
          .evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
        return kept.length === 2 && kept.includes(ACCEPTED) && kept.includes(REFUSED);
      },
      { what: 'both cards in Alice’s drawer', timeoutMs: 20_000 },
    );

    // The animatrice's inbox lists both, without their author.
    const inbox = fanny.locator('.contrib-inbox');
    await inbox.getByRole('heading', { name: 'Boîte de réception (2)' }).waitFor({
      timeout: 30_000,
    });
    expect(await inbox.innerText()).not.toContain('Alice');
    // Nobody else has them: not on Bruno's board nor anywhere in his page, not on Fanny's board.
    expect(await html(bruno)).not.toContain(ACCEPTED);
    expect(await html(bruno)).not.toContain(REFUSED);
    expect(await onBoard(fanny, ACCEPTED)).toBe(false);
    expect(await onBoard(alice, ACCEPTED)).toBe(false);
    await fanny.screenshot({ path: artifactPath('extras-6-moderated-inbox-fanny.png') });
    await bruno.screenshot({ path: artifactPath('extras-7-moderated-bruno-before.png') });

    // She refuses one, then accepts the other: the server decides in that order.
    await inbox
      .locator('li', { hasText: REFUSED })
      .getByRole('button', { name: 'Refuser' })
      .click();
    await inbox.getByRole('heading', { name: 'Boîte de réception (1)' }).waitFor({
      timeout: 20_000,
    });
    await inbox
      .locator('li', { hasText: ACCEPTED })
      .getByRole('button', { name: 'Accepter' })
      .click();
    await inbox.getByRole('heading', { name: 'Boîte de réception (0)' }).waitFor({
      timeout: 20_000,
    });
    for (const page of [fanny, alice, bruno]) {
      await waitFor(() => onBoard(page, ACCEPTED), {
        what: 'the accepted card on every board',
        timeoutMs: 30_000,
      });
    }
    // The refusal was settled before the acceptance reached the boards: it will not come.
    for (const page of [fanny, bruno]) expect(await html(page)).not.toContain(REFUSED);
    expect(await onBoard(alice, REFUSED)).toBe(false);
    // Both left Alice's drawer.
    await waitFor(async () => (await drawer.locator('li[data-held-card]').count()) === 0, {
      what: 'Alice’s drawer emptied',
      timeoutMs: 20_000,
    });
    expect(await html(alice)).not.toContain(REFUSED);

    // Found with the board's search, for the screenshot: it was placed in free space.
    await bruno.getByRole('searchbox', { name: 'Rechercher dans les cartes' }).fill('lycée');
    await bruno.getByRole('button', { name: 'Zoomer sur les résultats' }).click();
    await bruno.screenshot({ path: artifactPath('extras-8-moderated-bruno-accepted.png') });
    await bruno.getByRole('searchbox', { name: 'Rechercher dans les cartes' }).fill('');

    await fanny.getByLabel('Tableau modéré').uncheck();
    await alice
      .getByText(
        'Tableau modéré : vos nouvelles cartes sont envoyées à l’animateur, qui les ajoute au tableau.',
      )
      .waitFor({ state: 'detached', timeout: 20_000 });
    expect(blocked).toEqual([]);
  }, 150_000);

  it('beeps on the participants’ pages when the countdown ends with « Son à zéro », and not without', async () => {
    const { fanny, alice, bruno } = pages;
    for (const page of [fanny, alice, bruno]) await resetSound(page);
    await setFacilitatePanel(fanny, true);
    const soundBox = fanny.getByRole('checkbox', { name: 'Son à zéro' });
    await soundBox.check();

    /** A typed fraction of a minute (« 0,25 » = 15 s), seen counting down by both participants. */
    async function runTimer(minutes: string) {
      await fanny.getByLabel('Durée en minutes').fill(minutes);
      await fanny.getByRole('button', { name: 'Démarrer', exact: true }).click();
      for (const page of [alice, bruno]) {
        await waitFor(async () => ((await shownSeconds(page)) ?? 0) > 0, {
          what: 'the countdown running on the participant’s page',
          timeoutMs: 20_000,
        });
      }
      for (const page of [alice, bruno]) {
        await page
          .getByTestId('session-timer')
          .getByText('Temps écoulé')
          .waitFor({ timeout: 60_000 });
      }
    }

    await runTimer('0,25');
    for (const page of [alice, bruno]) {
      await waitFor(async () => (await sound(page)).starts >= 1, {
        what: 'the beep on the participant’s page',
        timeoutMs: 20_000,
      });
    }
    for (const page of [alice, bruno]) {
      await settle(page);
      // Once per timer, from a running context (a suspended one would be silent).
      expect((await sound(page)).starts).toBe(1);
      expect((await sound(page)).states).toEqual(['running']);
    }
    await bruno.screenshot({ path: artifactPath('extras-9-sound-at-zero-bruno.png') });

    // Without « Son à zéro »: the next countdown ends in silence.
    await soundBox.uncheck();
    for (const page of [fanny, alice, bruno]) await resetSound(page);
    await runTimer('0,25');
    for (const page of [fanny, alice, bruno]) {
      await settle(page);
      expect(await sound(page)).toEqual({ starts: 0, plays: 0, states: [] });
    }
    await alice.screenshot({ path: artifactPath('extras-10-silent-zero-alice.png') });
    await fanny.getByRole('button', { name: 'Arrêter', exact: true }).click();
    expect(blocked).toEqual([]);
  }, 150_000);
});
