import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandAvailable } from '../../../../tests/helpers/commands.js';
import {
  MAX_PAGE_POINTS,
  imagePdf,
  imagePdfLayout,
  pdfWinAnsiString,
  readJpegInfo,
} from './imagePdf.js';

/** SOI, an APP0 segment, then a baseline frame header of 300 × 200 with 3 components. */
const jpegHead = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xff, 0xc0, 0x00, 0x11, 0x08,
  0x00, 0xc8, 0x01, 0x2c, 0x03,
]);

describe('readJpegInfo', () => {
  it('reads the frame header past other segments and fill bytes', () => {
    expect(readJpegInfo(jpegHead)).toEqual({ width: 300, height: 200, components: 3 });
  });

  it('refuses what is not a JPEG', () => {
    expect(() => readJpegInfo(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toThrow('not a JPEG');
    expect(() => readJpegInfo(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toThrow();
  });
});

describe('pdfWinAnsiString', () => {
  it('keeps French text, escapes PDF delimiters and replaces what WinAnsi lacks', () => {
    expect(pdfWinAnsiString('(a\\b)')).toBe('(\\(a\\\\b\\))');
    // é = 0xE9, ’ = 0x92, — = 0x97, € = 0x80, œ = 0x9C
    expect(pdfWinAnsiString('é’—€œ')).toBe('(\\351\\222\\227\\200\\234)');
    expect(pdfWinAnsiString('a🙂Ж')).toBe('(a??)');
    // A decomposed accent is composed first.
    expect(pdfWinAnsiString('e\u0301')).toBe('(\\351)');
  });
});

describe('imagePdfLayout', () => {
  it('prints the image at its screen size (0.75 pt a pixel) under the header', () => {
    const layout = imagePdfLayout({ width: 1600, height: 1000, components: 3 }, 20);
    expect(layout.imageWidth).toBe(1200);
    expect(layout.imageHeight).toBe(750);
    expect(layout.pageWidth).toBe(1200 + 2 * layout.margin);
    expect(layout.pageHeight).toBe(750 + layout.margin + layout.headerHeight);
  });

  it('keeps the biggest export within what PDF readers open', () => {
    const layout = imagePdfLayout({ width: 8000, height: 30_000, components: 3 }, 20);
    expect(layout.pageHeight).toBeLessThanOrEqual(MAX_PAGE_POINTS);
    expect(layout.pageWidth).toBeLessThanOrEqual(MAX_PAGE_POINTS);
    expect(layout.imageWidth / layout.imageHeight).toBeCloseTo(8000 / 30_000, 5);
  });

  it('shrinks a long title to the page width, then cuts it', () => {
    const image = { width: 400, height: 300, components: 3 };
    const short = imagePdfLayout(image, 10);
    const longer = imagePdfLayout(image, 40);
    const longest = imagePdfLayout(image, 200);
    expect(short.titleChars).toBe(10);
    expect(longer.titleSize).toBeLessThan(short.titleSize);
    expect(longer.titleChars).toBe(40);
    expect(longest.titleChars).toBeLessThan(200);
    for (const layout of [short, longer, longest])
      expect(layout.titleSize * layout.titleChars * 0.56).toBeLessThanOrEqual(
        layout.pageWidth - 2 * layout.margin + 0.01,
      );
  });
});

/**
 * Round trip through poppler: a real JPEG (drawn by pdftoppm from a hand-written vector PDF:
 * red left half, blue right half) embedded by imagePdf, then read back by pdfinfo, pdftotext,
 * pdfimages and rendered again by pdftoppm.
 */
describe.skipIf(!commandAvailable('pdftoppm', 'poppler-utils'))('imagePdf read by poppler', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boussole-imagepdf-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A 200 × 100 pt page, red then blue, rendered at 144 dpi: a 400 × 200 px JPEG. */
  function twoColourJpeg(): Uint8Array {
    const content = '1 0 0 rg 0 0 100 100 re f 0 0 1 rg 100 0 100 100 re f';
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(pdf.length);
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = pdf.length;
    pdf += `xref\n0 5\n0000000000 65535 f \n`;
    for (const o of offsets) pdf += `${o.toString().padStart(10, '0')} 00000 n \n`;
    pdf += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const source = path.join(dir, 'source.pdf');
    fs.writeFileSync(source, pdf, 'latin1');
    execFileSync('pdftoppm', ['-jpeg', '-r', '144', '-singlefile', source, path.join(dir, 'img')]);
    return new Uint8Array(fs.readFileSync(path.join(dir, 'img.jpg')));
  }

  it('writes a PDF that poppler opens, with the title as text and the image intact', () => {
    const jpeg = twoColourJpeg();
    expect(readJpegInfo(jpeg)).toMatchObject({ width: 400, height: 200 });
    const title = 'Regroupement des observations — Val d’Arvière (été)';
    const bytes = imagePdf({
      jpeg,
      title,
      subtitle: '7 décembre 2026 — sélection',
      date: new Date('2026-12-07T08:00:00Z'),
    });
    const file = path.join(dir, 'board.pdf');
    fs.writeFileSync(file, bytes);

    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+${title.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(info).not.toMatch(/Syntax (Error|Warning)/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(title);
    expect(text).toContain('7 décembre 2026 — sélection');
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    expect(images).toMatch(/^\s*1\s+0\s+image\s+400\s+200\s+rgb\s+3\s+8\s+jpeg/m);

    // Rendered at 96 dpi the page is 1:1 with the image: red on the left, blue on the right.
    execFileSync('pdftoppm', ['-r', '96', '-singlefile', file, path.join(dir, 'page')]);
    const ppm = fs.readFileSync(path.join(dir, 'page.ppm'));
    const [, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))!;
    const header = ppm.indexOf(0x0a, ppm.indexOf(0x0a, ppm.indexOf(0x0a) + 1) + 1) + 1;
    const width = Number(w);
    const height = Number(h);
    const pixel = (x: number, y: number) => {
      const at = header + (y * width + x) * 3;
      return [ppm[at]!, ppm[at + 1]!, ppm[at + 2]!];
    };
    // The image's bottom-left corner is at the margin (24 pt = 32 px) from the page's.
    const imageTop = height - 32 - 200;
    const [r1, g1, b1] = pixel(32 + 100, imageTop + 100);
    const [r2, g2, b2] = pixel(32 + 300, imageTop + 100);
    expect(r1).toBeGreaterThan(200);
    expect(g1! + b1!).toBeLessThan(100);
    expect(b2).toBeGreaterThan(200);
    expect(r2! + g2!).toBeLessThan(100);
    expect(pixel(5, height - 5)).toEqual([255, 255, 255]);
  });
});
