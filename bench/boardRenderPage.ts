import type { CDPSession, Page } from 'playwright-core';

/**
 * What the board-render benchmark measures inside the page: timings are taken with the page's
 * own clock and animation frames, so that the round trips of the driving protocol are not in them.
 */

const observationSelector = '.tl-shape[data-shape-type="observation"]';
/** The class a card the search leaves out carries (client/src/board/search/boardSearch.css). */
const dimmedSelector = '.tl-shape .card-search-dimmed';

/** Main-thread time Chromium spent, by kind, in ms (CDP Performance.getMetrics). */
export interface MainThreadTimes {
  task: number;
  script: number;
  style: number;
  layout: number;
}

export async function mainThreadTimes(cdp: CDPSession): Promise<MainThreadTimes> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: value('TaskDuration'),
    script: value('ScriptDuration'),
    style: value('RecalcStyleDuration'),
    layout: value('LayoutDuration'),
  };
}

export function timesBetween(before: MainThreadTimes, after: MainThreadTimes): MainThreadTimes {
  return {
    task: after.task - before.task,
    script: after.script - before.script,
    style: after.style - before.style,
    layout: after.layout - before.layout,
  };
}

/** Resolves after the browser has painted the frame following the current one. */
export function twoFrames(page: Page): Promise<unknown> {
  return page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Until `count` observation cards are in the page (tldraw keeps culled ones as hidden elements). */
export async function waitForCards(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    ({ selector, count }) => document.querySelectorAll(selector).length >= count,
    { selector: observationSelector, count },
    { timeout: 120_000, polling: 50 },
  );
}

/**
 * Types `query` into the board's search box (one input event, as a paste would) and returns the
 * time until `dimmed` cards carry the search's dimming and the frame showing them is painted.
 */
export async function timeSearch(page: Page, query: string, dimmed: number): Promise<number> {
  return page.evaluate(
    async ({ query, dimmed, dimmedSelector }) => {
      const input = document.querySelector<HTMLInputElement>('.board-search-query');
      if (!input) throw new Error('no search box on the page');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      await frame();
      const started = performance.now();
      setValue?.call(input, query);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const deadline = started + 60_000;
      while (document.querySelectorAll(dimmedSelector).length !== dimmed) {
        if (performance.now() > deadline) throw new Error(`never ${dimmed} dimmed cards`);
        await frame();
      }
      // The frame after the one that showed the change starts once that one is painted.
      await frame();
      return performance.now() - started;
    },
    { query, dimmed, dimmedSelector },
  );
}

export interface DragFrames {
  /** Frames per second between the first and the last frame of the drag. */
  fps: number;
  frames: number;
  /** Frames that took longer than 1.5 × 1/60 s (at least one refresh missed). */
  long: number;
  worstMs: number;
  p95Ms: number;
}

/** Starts recording every animation frame's time in the page. */
export function recordFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { benchFrames?: number[]; benchStop?: boolean };
    w.benchFrames = [];
    w.benchStop = false;
    const tick = (time: number) => {
      w.benchFrames?.push(time);
      if (!w.benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export async function stopFrames(page: Page): Promise<DragFrames> {
  const times = await page.evaluate(() => {
    const w = window as unknown as { benchFrames?: number[]; benchStop?: boolean };
    w.benchStop = true;
    return w.benchFrames ?? [];
  });
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
  const sorted = [...gaps].sort((a, b) => a - b);
  const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
  return {
    fps: span > 0 ? (gaps.length * 1000) / span : 0,
    frames: gaps.length,
    long: gaps.filter((gap) => gap > 25).length,
    worstMs: sorted.at(-1) ?? 0,
    p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
  };
}

/** The centre of a shape's element on the screen, in CSS pixels. */
export async function shapeCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.tl-shape[data-shape-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`${id} is not on the screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * A person's drag: press on `from`, move to `to` in `steps` pointer moves about one display
 * refresh apart (a mouse reports at least that often), release.
 */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps: number,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    const at = i / steps;
    await Promise.all([
      page.mouse.move(from.x + (to.x - from.x) * at, from.y + (to.y - from.y) * at),
      new Promise((resolve) => setTimeout(resolve, 16)),
    ]);
  }
  await page.mouse.up();
}
