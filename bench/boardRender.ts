/**
 * Issue #3 benchmark: time from navigation to a board with N cards fully rendered in Chromium
 * (median of 5 fresh profiles), and the Y.Doc's encoded size, for N = 500 and 2,000.
 *
 * The board is seeded from Node through the same binding the browser uses (a tldraw store
 * bound to a Y.Doc, pushed by the official y-websocket provider), and we wait until a second,
 * fresh client sees every card: the server only sends committed state, so the board is on disk.
 *
 * Run: npm run build && node --import tsx bench/boardRender.ts [--n 500,2000] [--runs 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { chromium } from 'playwright-core';
import { seedObservationBoard } from '../client/testing/seedObservationBoard.js';
import { readBoardRecords } from '../shared/src/index.js';
import { CHROMIUM_PATH, chromiumArgs } from '../tests/helpers/browser.js';
import { killAllServers, startBenchServer } from './servers.js';
import { distribution } from './stats.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const sizes = flag('n', '500,2000').split(',').map(Number);
const runs = Number(flag('runs', '5'));

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

/** A realistic affinity board: N observation cards with verbatims, in a grid. */
async function seedBoard(collabUrl: string, boardId: string, n: number): Promise<number> {
  const doc = new Y.Doc();
  const provider = connect(collabUrl, boardId, doc);
  await until(() => provider.synced, 'seed client sync');
  seedObservationBoard(doc, n);
  // Committed once a fresh client (state from the server alone) has every card.
  const check = new Y.Doc();
  const checker = connect(collabUrl, boardId, check);
  await until(
    () => Object.values(readBoardRecords(check)).filter((r) => r.typeName === 'shape').length >= n,
    `${n} cards committed`,
  );
  const size = Y.encodeStateAsUpdate(check).length;
  checker.destroy();
  provider.destroy();
  return size;
}

async function timeRender(url: string, n: number): Promise<number> {
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
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: new URL(url).origin };
    }),
  );
  try {
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(url);
    // Every card's element is in the DOM (tldraw keeps culled shapes as hidden elements) and
    // the browser has painted the frame after the last one.
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('.tl-shape[data-shape-type="observation"]').length >= count,
      n,
      { timeout: 120_000, polling: 50 },
    );
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    return Date.now() - started;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // No server outlives a crash of this script.
  process.on('exit', killAllServers);
  const server = await startBenchServer('boussole');
  const httpUrl = server.collabUrl.replace(/^ws/, 'http').replace(/\/collab$/, '');
  cookie = server.cookie ?? '';
  // The boards go into the workspace the harness's first board belongs to.
  const first = (await (
    await fetch(`${httpUrl}/api/boards/${server.room ?? ''}`, { headers: { cookie } })
  ).json()) as { workspaceId: string };
  try {
    const rows: string[] = [];
    for (const n of sizes) {
      const response = await fetch(`${httpUrl}/api/workspaces/${first.workspaceId}/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-boussole-csrf': '1', cookie },
        body: JSON.stringify({ title: `Bench ${n}`, template: 'blank' }),
      });
      const { id } = (await response.json()) as { id: string };
      const bytes = await seedBoard(server.collabUrl, id, n);
      const times: number[] = [];
      for (let r = 0; r < runs; r++) times.push(await timeRender(`${httpUrl}/b/${id}`, n));
      const d = distribution(times);
      rows.push(
        `| ${n} | ${Math.round(d.p50)} | ${Math.min(...times)}–${Math.max(...times)} | ${(bytes / 1024).toFixed(0)} KiB (${Math.round(bytes / n)} B/card) |`,
      );
      process.stderr.write(`n=${n}: ${times.join(', ')} ms, ${bytes} bytes\n`);
    }
    process.stdout.write(
      [
        `Board render in Chromium (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, load ${os.loadavg()[0]?.toFixed(2)})`,
        '',
        '| cards | median ms (navigation → all rendered) | min–max ms | encoded Y.Doc |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
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
