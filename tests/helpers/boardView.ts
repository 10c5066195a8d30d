import type { Page } from 'playwright-core';

/**
 * tldraw's « zoom to fit » (Shift+1), then waits until the camera has stopped: the shortcut
 * animates the camera, and boxes read during the animation belong to different moments
 * (a card measured before a theme, both moving) or are missing (shapes still culled). The
 * camera is the transform of the canvas's shape layer; it is settled when five frames in a
 * row leave it unchanged.
 */
export async function zoomToFitSettled(page: Page): Promise<void> {
  await page.locator('.tl-canvas').focus();
  await page.keyboard.press('Shift+1');
  await cameraSettled(page);
}

/** tldraw's « zoom to 100 % » (Shift+0), around the centre of the view, then a settled camera. */
export async function zoomTo100Settled(page: Page): Promise<void> {
  await page.locator('.tl-canvas').focus();
  await page.keyboard.press('Shift+0');
  await cameraSettled(page);
}

/** Waits until five frames in a row leave the camera (the shape layer's transform) unchanged. */
export async function cameraSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const layer = document.querySelector('.tl-html-layer');
        if (!layer) return resolve(false);
        const first = getComputedStyle(layer).transform;
        let frames = 0;
        const next = () => {
          if (getComputedStyle(layer).transform !== first) return resolve(false);
          if (++frames === 5) return resolve(true);
          requestAnimationFrame(next);
        };
        requestAnimationFrame(next);
      }),
    undefined,
    { timeout: 15_000, polling: 50 },
  );
}

/**
 * Of `boxes` (cards on screen), those a pointer can grab: nothing of the page's own UI (a side
 * panel, the contributions panel, the vote or focus bars) nor of tldraw's (its toolbar and
 * menus, `.tlui-*`, beside the canvas) stands over their centre. Cards themselves take no
 * pointer events at rest, so the point hits tldraw's canvas when free.
 */
export async function grabbable<B extends { x: number; y: number; width: number; height: number }>(
  page: Page,
  boxes: B[],
): Promise<B[]> {
  const free = await page.evaluate(
    (points) =>
      points.map(({ x, y }) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && hit.closest('.tl-canvas') !== null;
      }),
    boxes.map((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 })),
  );
  return boxes.filter((_, i) => free[i]);
}

/**
 * Opens or folds the facilitator's « Animer » panel, whatever its state: it also folds itself
 * when she presses the page's other controls (the vote bar, the focus bar…).
 */
export async function setFacilitatePanel(page: Page, open: boolean): Promise<void> {
  const details = page.locator('details.session-facilitate');
  const isOpen = await details.evaluate((el) => (el as HTMLDetailsElement).open);
  if (isOpen !== open) await details.locator('> summary').click();
  await page.waitForFunction(
    (wanted) =>
      (document.querySelector('details.session-facilitate') as HTMLDetailsElement | null)?.open ===
      wanted,
    open,
    { timeout: 10_000 },
  );
}

/**
 * Unfolds the facilitator's « Contributions » panel (folded while no mode is on), where the
 * anonymous, private-writing and moderated switches are.
 */
export async function openContributions(page: Page): Promise<void> {
  const details = page.locator('details.contrib-panel');
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) {
    await details.locator('> summary').click();
  }
  await page.waitForFunction(
    () => (document.querySelector('details.contrib-panel') as HTMLDetailsElement | null)?.open,
    undefined,
    { timeout: 10_000 },
  );
}
