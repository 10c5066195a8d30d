import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { artifactPath, chromiumAvailable, openPerson, type Person } from '../helpers/browser.js';
import { killAllChildren, type ChildServer } from '../helpers/childServer.js';
import { commandAvailable } from '../helpers/commands.js';
import { openBoardFrom, startServerWithAdmin } from '../helpers/e2eWorkspace.js';
import { tempDir } from '../helpers/server.js';
import { browserCookies } from '../helpers/accounts.js';
import { waitFor } from '../helpers/wait.js';
import { axeViolations } from '../helpers/axe.js';

const available = chromiumAvailable();

/** The demo's affinity board, as its title is written (typographic apostrophe, em dash). */
const BOARD_TITLE = 'Regroupement des observations — Val d’Arvière';
/** An observation card's header colour (ObservationShapeUtil's accent), #d7e3f4. */
const OBSERVATION_ACCENT = [0xd7, 0xe3, 0xf4] as const;

interface Pixels {
  width: number;
  height: number;
  /** Pixels that are not (near) white. */
  inked: number;
  /** Pixels of an observation card's header colour. */
  accent: number;
  /** Near-black pixels: the cards' text. */
  dark: number;
}

/**
 * Decodes an image with Chromium itself (on a blank page: no CSP) and counts its pixels: an
 * export whose cards came out blank has no header colour and no text.
 */
async function countPixels(page: Page, bytes: Buffer, type: string): Promise<Pixels> {
  return page.evaluate(
    async ({ base64, type, accent }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const rgba = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let inked = 0;
      let accentCount = 0;
      let dark = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
        if (r < 245 || g < 245 || b < 245) inked++;
        if (
          Math.abs(r - accent[0]) <= 6 &&
          Math.abs(g - accent[1]) <= 6 &&
          Math.abs(b - accent[2]) <= 6
        )
          accentCount++;
        if (r + g + b < 200) dark++;
      }
      return { width: bitmap.width, height: bitmap.height, inked, accent: accentCount, dark };
    },
    { base64: bytes.toString('base64'), type, accent: OBSERVATION_ACCENT },
  );
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.skipIf(!available)('exporting the demo board as PNG and PDF in Chromium', () => {
  let server: ChildServer;
  const blocked: string[] = [];
  let person: Person;
  let page: Page;
  let blank: Page;
  const poppler = commandAvailable('pdfinfo', 'poppler-utils');
  let whole: { width: number; height: number } | undefined;

  const observations = () => page.locator('.tl-shape[data-shape-type="observation"]');
  const menu = () => page.getByTestId('board-export');
  const status = () => menu().getByTestId('image-export-status');

  async function openMenu() {
    if (!(await menu().evaluate((d) => (d as HTMLDetailsElement).open)))
      await menu().locator('summary').click();
  }

  /** Clicks a menu entry and waits for both the browser's download and the menu's message. */
  async function download(
    entry: string,
  ): Promise<{ file: Download; bytes: Buffer; saved: string }> {
    await openMenu();
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      menu().getByRole('button', { name: entry }).click(),
    ]);
    const saved = artifactPath(`board-image-export-${file.suggestedFilename()}`);
    await file.saveAs(saved);
    await expect.poll(() => status().textContent(), { timeout: 30_000 }).toContain('enregistré');
    return { file, bytes: fs.readFileSync(saved), saved };
  }

  /** The pixel size the menu announced (« 5 120 × 3 008 pixels »). */
  async function announcedSize(): Promise<{ width: number; height: number }> {
    const text = (await status().textContent()) ?? '';
    const match = /\(([\d\s\u202f]+) × ([\d\s\u202f]+) pixels\)/.exec(text);
    if (!match) throw new Error(`no size in « ${text} »`);
    const number = (s: string) => Number(s.replace(/\D/g, ''));
    return { width: number(match[1]!), height: number(match[2]!) };
  }

  function readPdf(file: string) {
    return {
      info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
      text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
      images: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }),
    };
  }

  beforeAll(async () => {
    let admin: string;
    ({ server, admin } = await startServerWithAdmin(tempDir()));
    person = await openPerson('exporter', blocked);
    await person.context.addCookies(browserCookies(admin, server.httpUrl));
    page = await person.context.newPage();
    blank = await person.context.newPage();
    await page.bringToFront();
    await page.goto(`${server.httpUrl}/`);
    await page.getByRole('button', { name: 'Charger la démonstration' }).click();
    await page.waitForURL(/\/w\//, { timeout: 60_000 });
    await waitFor(async () => (await page.locator('.board-list li').count()) === 3, {
      timeoutMs: 60_000,
      what: 'the demo’s three boards',
    });
    await openBoardFrom(page, page.url(), /Regroupement des observations/);
    await waitFor(async () => (await observations().count()) === 72, {
      timeoutMs: 20_000,
      what: 'the 72 observations',
    });
  }, 180_000);

  afterAll(async () => {
    await person?.close();
    await killAllChildren();
  });

  it('exports the whole board as a PNG named after it, cards drawn', async () => {
    await openMenu();
    // No cards selected: only the whole board is offered.
    expect(
      await menu()
        .getByRole('button', { name: /de la sélection/ })
        .count(),
    ).toBe(0);
    await page.screenshot({ path: artifactPath('board-image-export-menu.png') });
    const violations = await axeViolations(page, '[data-testid="board-export"]');
    expect(violations).toEqual([]);

    const { file, bytes } = await download('Image PNG (tout le tableau)');
    expect(file.suggestedFilename()).toBe(`${BOARD_TITLE}.png`);
    const size = pngSize(bytes);
    expect(await announcedSize()).toEqual(size);
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(8_000);
    // The board is wider than high (three themes beside the cards), and drawn sharp.
    expect(size.width).toBeGreaterThan(1_500);

    const pixels = await countPixels(blank, bytes, 'image/png');
    expect(pixels).toMatchObject(size);
    const area = size.width * size.height;
    expect(pixels.inked / area).toBeGreaterThan(0.05);
    // 72 cards' headers and their verbatims, not empty boxes.
    expect(pixels.accent / area).toBeGreaterThan(0.01);
    expect(pixels.dark / area).toBeGreaterThan(0.002);
    whole = size;
  });

  it('exports the whole board as a one-page PDF with its title', async () => {
    const { file, bytes, saved } = await download('PDF (tout le tableau)');
    expect(file.suggestedFilename()).toBe(`${BOARD_TITLE}.pdf`);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!poppler) return;
    const { info, text, images } = readPdf(saved);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+${BOARD_TITLE}$`, 'm'));
    expect(text).toContain(BOARD_TITLE);
    // The image inside is the PNG's picture, as JPEG.
    const listed = /^\s*1\s+0\s+image\s+(\d+)\s+(\d+)\s+rgb\s+3\s+8\s+jpeg/m.exec(images);
    expect(listed, images).not.toBeNull();
    expect({ width: Number(listed![1]), height: Number(listed![2]) }).toEqual(whole);
  });

  it('exports three selected cards, smaller than the board, named « — sélection »', async () => {
    // The open menu lies over the canvas.
    await menu().locator('summary').click();
    await page.keyboard.press('Escape');
    await page.locator('.tl-canvas').focus();
    await page.keyboard.press('Shift+1');
    // Three cards side by side in one row, right of where the side panel opens.
    const boxes = (await Promise.all((await observations().all()).map((c) => c.boundingBox())))
      .filter((b): b is NonNullable<typeof b> => b !== null && b.x > 450 && b.y > 250)
      .sort((a, b) => a.y - b.y || a.x - b.x);
    const row = boxes.filter((b) => Math.abs(b.y - boxes[0]!.y) < 2).slice(0, 3);
    expect(row).toHaveLength(3);
    await page.mouse.click(row[0]!.x + row[0]!.width / 2, row[0]!.y + row[0]!.height - 4);
    await page.keyboard.down('Shift');
    for (const box of row.slice(1))
      await page.mouse.click(box.x + box.width / 2, box.y + box.height - 4);
    await page.keyboard.up('Shift');
    await page.screenshot({ path: artifactPath('board-image-export-selected.png') });
    await openMenu();
    await menu().getByRole('button', { name: 'Image PNG de la sélection' }).waitFor();

    const png = await download('Image PNG de la sélection');
    expect(png.file.suggestedFilename()).toBe(`${BOARD_TITLE} — sélection.png`);
    const size = pngSize(png.bytes);
    expect(size.width * size.height).toBeLessThan(whole!.width * whole!.height);
    // Three cards in a row, not one.
    expect(size.width / size.height).toBeGreaterThan(2.5);
    const pixels = await countPixels(blank, png.bytes, 'image/png');
    expect(pixels.accent).toBeGreaterThan(0);
    expect(pixels.dark).toBeGreaterThan(0);

    const pdf = await download('PDF de la sélection');
    expect(pdf.file.suggestedFilename()).toBe(`${BOARD_TITLE} — sélection.pdf`);
    await page.screenshot({ path: artifactPath('board-image-export-selection.png') });
    if (!poppler) return;
    const { info, text } = readPdf(pdf.saved);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(text).toContain(BOARD_TITLE);
    expect(text).toContain('sélection');
    expect(blocked).toEqual([]);
  });
});
