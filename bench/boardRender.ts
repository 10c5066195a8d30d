/**
 * Board-render benchmark (issues #3 and #14), in Chromium, for N = 500 and 2,000 cards:
 * - open: navigation → every card mounted and the visible ones painted (fresh profile each run),
 *   with the main thread's script, style and layout time (CDP Performance.getMetrics);
 * - search: a query typed in the board's search box → the cards it leaves out dimmed and painted,
 *   then the query cleared → painted again;
 * - drag: a card dragged into a theme of 100 cards (on a board of N cards, at 100 % zoom), frames
 *   per second and long frames measured with the page's animation frames.
 *
 * The boards are seeded from Node through the same binding the browser uses (a tldraw store
 * bound to a Y.Doc, pushed by the official y-websocket provider), and we wait until a second,
 * fresh client sees every card: the server only sends committed state, so the board is on disk.
 *
 * Run: npm run build && node --import tsx bench/boardRender.ts [--n 500,2000] [--runs 5]
 *   [--steps open,search,drag] [--client-dist <a client build to serve instead of client/dist>]
 *   [--profile <dir>: a CDP CPU profile of each open, written as open-<n>-<run>.cpuprofile; read it
 *   with bench/profileSummary.ts (build the client with --minify false --sourcemap for names)]
 *   [--trace <dir>: a Chromium trace of each open (devtools timeline), open-<n>-<run>.json, to
 *   read in DevTools' Performance panel or with bench/traceSummary.ts]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { seedObservationBoard } from '../client/testing/seedObservationBoard.js';
import { buildCardIndex } from '../client/src/board/search/cardIndex.js';
import { matchCards, noFilters } from '../client/src/board/search/cardFilters.js';
import { readBoardRecords } from '../shared/src/index.js';
import { CHROMIUM_PATH, chromiumArgs } from '../tests/helpers/browser.js';
import {
  drag,
  mainThreadTimes,
  recordFrames,
  shapeCentre,
  stopFrames,
  timeSearch,
  timesBetween,
  twoFrames,
  waitForCards,
  type DragFrames,
  type MainThreadTimes,
} from './boardRenderPage.js';
import { dragBoardIds, seedDragBoard } from './boardRenderSeed.js';
import { killAllServers, startBenchServer } from './servers.js';
import { distribution } from './stats.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const sizes = flag('n', '500,2000').split(',').map(Number);
const runs = Number(flag('runs', '5'));
const steps = new Set(flag('steps', 'open,search,drag').split(','));
const clientDist = flag('client-dist', '');
/** Few results: nearly every card is dimmed, the heaviest repaint a search causes. */
const query = flag('query', 'n° 42');
const profileDir = flag('profile', '');
const traceDir = flag('trace', '');

/** Starts a Chromium trace of the page's main-thread work (what a CPU profile calls "(program)"). */
async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    },
  });
}

async function stopTrace(cdp: CDPSession, file: string): Promise<void> {
  const complete = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')),
  );
  await cdp.send('Tracing.end');
  const handle = await complete;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, chunks.join(''));
}

/** The administrator's session, set once the server is up: every socket sends it. */
let cookie = '';

class SignedInWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { headers: { cookie } });
  }
}

function connect(collabUrl: string, docId: string, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(collabUrl, docId, doc, {
    WebSocketPolyfill: SignedInWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

async function until(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type ShapeRecords = ReturnType<typeof readBoardRecords>;

/** Seeds a board, waits until it is committed, and returns its size and records. */
async function seedBoard(
  collabUrl: string,
  boardId: string,
  n: number,
  seed: (doc: Y.Doc) => void,
): Promise<{ bytes: number; records: ShapeRecords }> {
  const doc = new Y.Doc();
  const provider = connect(collabUrl, boardId, doc);
  await until(() => provider.synced, 'seed client sync');
  seed(doc);
  // Committed once a fresh client (state from the server alone) has every card.
  const check = new Y.Doc();
  const checker = connect(collabUrl, boardId, check);
  const observations = () =>
    Object.values(readBoardRecords(check)).filter((r) => r.type === 'observation').length;
  await until(() => observations() >= n, `${n} cards committed`);
  const result = { bytes: Y.encodeStateAsUpdate(check).length, records: readBoardRecords(check) };
  checker.destroy();
  provider.destroy();
  return result;
}

/** A fresh Chromium profile signed in as the administrator, with one page and its CDP session. */
async function withPage<T>(
  origin: string,
  use: (page: Page, cdp: CDPSession, cpuMs: () => number) => Promise<T>,
): Promise<T> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'boussole-render-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1600, height: 1000 },
  });
  await context.addCookies(
    cookie.split('; ').map((pair) => {
      const eq = pair.indexOf('=');
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: origin };
    }),
  );
  // tsx names the functions this script hands to page.evaluate with a helper the page lacks.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  try {
    const page = await context.newPage();
    // A page that breaks says why, instead of a bare timeout.
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return await use(page, cdp, () => chromiumCpuMs(profile));
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * CPU time (user + system, ms) of a Chromium instance's processes, found by the profile directory
 * on the browser's command line (Linux /proc). Unlike wall time it hardly moves with the machine's
 * load, which matters when other jobs share the cores: what an A/B comparison should read.
 */
function chromiumCpuMs(profile: string): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>();
  let root = -1;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      stats.set(pid, {
        ppid: Number(fields[1]),
        cpu: (Number(fields[11]) + Number(fields[12])) * tick,
      });
      if (root < 0 && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(profile)) {
        // The browser is the topmost process naming the profile (its children may name it too).
        const parentNames = fs.readFileSync(`/proc/${fields[1]}/cmdline`, 'utf8').includes(profile);
        if (!parentNames) root = pid;
      }
    } catch {
      // A process that ended while we read: not ours to count.
    }
  }
  if (root < 0) return 0;
  let total = 0;
  const inTree = (pid: number): boolean => {
    for (let at = pid; at > 1; at = stats.get(at)?.ppid ?? 0) if (at === root) return true;
    return false;
  };
  for (const [pid, { cpu }] of stats) if (inTree(pid)) total += cpu;
  return total;
}

interface OpenRun {
  ms: number;
  /** CPU time of every Chromium process during the open (see chromiumCpuMs). */
  cpuMs: number;
  main: MainThreadTimes;
  search?: { dimMs: number; clearMs: number };
}

async function openRun(url: string, n: number, dimmed: number, run: number): Promise<OpenRun> {
  return withPage(new URL(url).origin, async (page, cdp, cpuMs) => {
    if (profileDir) {
      await cdp.send('Profiler.enable');
      // 250 µs instead of the default 1 ms: a card's work is a few hundred µs.
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    }
    if (traceDir) await startTrace(cdp);
    const before = await mainThreadTimes(cdp);
    const cpuBefore = cpuMs();
    const started = Date.now();
    await page.goto(url);
    // Every card's element is in the DOM and the browser has painted the frame after the last one.
    await waitForCards(page, n);
    await twoFrames(page);
    const ms = Date.now() - started;
    const cpu = cpuMs() - cpuBefore;
    const main = timesBetween(before, await mainThreadTimes(cdp));
    if (traceDir) await stopTrace(cdp, path.join(traceDir, `open-${n}-${run}.json`));
    if (profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.mkdirSync(profileDir, { recursive: true });
      fs.writeFileSync(
        path.join(profileDir, `open-${n}-${run}.cpuprofile`),
        JSON.stringify(profile),
      );
    }
    if (!steps.has('search')) return { ms, cpuMs: cpu, main };
    const dimMs = await timeSearch(page, query, dimmed);
    const clearMs = await timeSearch(page, '', 0);
    return { ms, cpuMs: cpu, main, search: { dimMs, clearMs } };
  });
}

async function dragRun(url: string, n: number): Promise<DragFrames & { main: MainThreadTimes }> {
  return withPage(new URL(url).origin, async (page, cdp) => {
    // The link that names a card opens the board on it, selected, at its real size.
    await page.goto(`${url}#${dragBoardIds.card}`);
    await waitForCards(page, n);
    const card = page.locator(`.tl-shape[data-shape-id="${dragBoardIds.card}"]`);
    await page.waitForFunction(
      (id) =>
        (document.querySelector(`.tl-shape[data-shape-id="${id}"]`)?.getBoundingClientRect()
          .width ?? 0) > 200,
      dragBoardIds.card,
      { timeout: 60_000, polling: 50 },
    );
    await twoFrames(page);
    await card.waitFor();
    const from = await shapeCentre(page, dragBoardIds.card);
    const before = await mainThreadTimes(cdp);
    await recordFrames(page);
    await drag(page, from, { x: from.x - 500, y: from.y + 40 }, 60);
    await twoFrames(page);
    const frames = await stopFrames(page);
    const main = timesBetween(before, await mainThreadTimes(cdp));
    // Dropped in: the theme counts it (its label reads the same in French and English).
    await page.waitForFunction(
      (id) =>
        document
          .querySelector(`.tl-shape[data-shape-id="${id}"]`)
          ?.textContent?.includes('101 observations') ?? false,
      dragBoardIds.theme,
      { timeout: 30_000, polling: 50 },
    );
    return { ...frames, main };
  });
}

const median = (values: number[]) => Math.round(distribution(values).p50);
const spread = (values: number[]) =>
  `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
const load = () => os.loadavg()[0]?.toFixed(2) ?? '?';

async function createBoard(httpUrl: string, workspaceId: string, title: string): Promise<string> {
  const response = await fetch(`${httpUrl}/api/workspaces/${workspaceId}/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-boussole-csrf': '1', cookie },
    body: JSON.stringify({ title, template: 'blank' }),
  });
  return ((await response.json()) as { id: string }).id;
}

function expectedDimmed(records: ShapeRecords, text: string): number {
  const index = buildCardIndex(Object.values(records) as never);
  return index.cards.length - matchCards(index, text, noFilters).length;
}

async function main(): Promise<void> {
  // No server outlives a crash of this script.
  process.on('exit', killAllServers);
  const server = await startBenchServer('boussole', {
    boussoleEnv: clientDist ? { CLIENT_DIST: path.resolve(clientDist) } : {},
  });
  const httpUrl = server.collabUrl.replace(/^ws/, 'http').replace(/\/collab$/, '');
  cookie = server.cookie ?? '';
  // The boards go into the workspace the harness's first board belongs to.
  const first = (await (
    await fetch(`${httpUrl}/api/boards/${server.room ?? ''}`, { headers: { cookie } })
  ).json()) as { workspaceId: string };
  const loadBefore = load();
  const out: string[] = [];
  try {
    const openRows: string[] = [];
    const searchRows: string[] = [];
    const dragRows: string[] = [];
    for (const n of sizes) {
      if (steps.has('open') || steps.has('search')) {
        const id = await createBoard(httpUrl, first.workspaceId, `Bench ${n}`);
        const { bytes, records } = await seedBoard(server.collabUrl, id, n, (doc) =>
          seedObservationBoard(doc, n),
        );
        const dimmed = expectedDimmed(records, query);
        const results: OpenRun[] = [];
        for (let r = 0; r < runs; r++)
          results.push(await openRun(`${httpUrl}/b/${id}`, n, dimmed, r));
        const ms = results.map((x) => x.ms);
        const part = (key: keyof MainThreadTimes) => median(results.map((x) => x.main[key]));
        openRows.push(
          `| ${n} | ${median(ms)} | ${spread(ms)} | ${part('script')} / ${part('style')} / ${part('layout')} / ${part('task')} | ${(bytes / 1024).toFixed(0)} KiB (${Math.round(bytes / n)} B/card) |`,
        );
        process.stderr.write(`n=${n} open: ${ms.join(', ')} ms, ${bytes} bytes\n`);
        process.stderr.write(
          `n=${n} open Chromium CPU: ${results.map((x) => Math.round(x.cpuMs)).join(', ')} ms\n`,
        );
        process.stderr.write(
          `n=${n} open main thread (script/style/layout/tasks): ${results
            .map((x) =>
              [x.main.script, x.main.style, x.main.layout, x.main.task].map(Math.round).join('/'),
            )
            .join(', ')} ms\n`,
        );
        const searches = results.flatMap((x) => (x.search ? [x.search] : []));
        if (searches.length > 0) {
          const dim = searches.map((x) => x.dimMs);
          const clear = searches.map((x) => x.clearMs);
          searchRows.push(
            `| ${n} | ${dimmed} | ${median(dim)} | ${spread(dim)} | ${median(clear)} | ${spread(clear)} |`,
          );
          process.stderr.write(
            `n=${n} search: ${dim.map(Math.round).join(', ')} ms; clear ${clear.map(Math.round).join(', ')} ms\n`,
          );
        }
      }
      if (steps.has('drag')) {
        const id = await createBoard(httpUrl, first.workspaceId, `Drag ${n}`);
        await seedBoard(server.collabUrl, id, n, (doc) => seedDragBoard(doc, n));
        const results: (DragFrames & { main: MainThreadTimes })[] = [];
        for (let r = 0; r < runs; r++) results.push(await dragRun(`${httpUrl}/b/${id}`, n));
        const fps = results.map((x) => x.fps);
        const long = results.map((x) => x.long);
        const worst = results.map((x) => x.worstMs);
        const script = results.map((x) => x.main.script);
        dragRows.push(
          `| ${n} | ${median(fps)} | ${spread(fps)} | ${median(long)} (${spread(long)}) of ${median(results.map((x) => x.frames))} | ${median(results.map((x) => x.p95Ms))} | ${median(worst)} | ${median(script)} / ${median(results.map((x) => x.main.task))} |`,
        );
        process.stderr.write(
          `n=${n} drag: ${fps.map(Math.round).join(', ')} fps, long ${long.join(', ')}\n`,
        );
      }
    }
    const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, load ${loadBefore} → ${load()}`;
    out.push(`Board render in Chromium (${machine}), ${runs} runs each`, '');
    if (openRows.length > 0)
      out.push(
        '| cards | median ms (navigation → all rendered) | min–max ms | main thread ms: script / style / layout / all tasks (median) | encoded Y.Doc |',
        '| --- | --- | --- | --- | --- |',
        ...openRows,
        '',
      );
    if (searchRows.length > 0)
      out.push(
        `Search « ${query} » (typed at once) → dimming painted; cleared → painted`,
        '',
        '| cards | dimmed | median ms | min–max ms | cleared: median ms | min–max ms |',
        '| --- | --- | --- | --- | --- | --- |',
        ...searchRows,
        '',
      );
    if (dragRows.length > 0)
      out.push(
        'Dragging a card into a theme of 100 cards (60 pointer moves, ~1 s, zoom 100 %)',
        '',
        '| cards on the board | median frames/s | min–max | long frames (> 25 ms) | p95 frame ms | worst frame ms | main thread ms: script / all tasks |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...dragRows,
        '',
      );
    process.stdout.write(out.join('\n'));
  } finally {
    await server.stop();
  }
}

// Exit explicitly: a MessagePort opened by a dependency (not by this script) stays open, and the
// script would otherwise print its table and never return.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
