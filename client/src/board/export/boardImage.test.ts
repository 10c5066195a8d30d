import { describe, expect, it } from 'vitest';
import {
  EXPORT_PADDING,
  MAX_IMAGE_SIDE,
  exportPixelRatio,
  imageExportFileName,
  pngSize,
} from './boardImage.js';

describe('imageExportFileName', () => {
  it('names the file after the board, like the spreadsheet exports', () => {
    expect(imageExportFileName('Regroupement des observations — Val d’Arvière', 'png')).toBe(
      'Regroupement des observations — Val d’Arvière.png',
    );
    expect(imageExportFileName('Atelier', 'pdf', 'sélection')).toBe('Atelier — sélection.pdf');
  });

  it('drops path, quote and control characters, and never leaves the name empty', () => {
    expect(imageExportFileName('../a/b:"c"\n*d', 'png')).toBe('.. a b c d.png');
    expect(imageExportFileName(' /// ', 'pdf')).toBe('tableau.pdf');
  });
});

describe('exportPixelRatio', () => {
  it('draws small boards at twice the screen resolution', () => {
    expect(exportPixelRatio({ w: 1000, h: 600 })).toBe(2);
  });

  it('keeps the longest side of a big board within the limit', () => {
    for (const bounds of [
      { w: 30_000, h: 12_000 },
      { w: 2_000, h: 90_000 },
      { w: 3_968, h: 100 },
    ]) {
      const ratio = exportPixelRatio(bounds);
      const side = (Math.max(bounds.w, bounds.h) + 2 * EXPORT_PADDING) * ratio;
      expect(side).toBeLessThanOrEqual(MAX_IMAGE_SIDE + 1e-6);
      expect(side).toBeGreaterThan(MAX_IMAGE_SIDE - 1);
    }
  });
});

describe('pngSize', () => {
  it('reads the IHDR chunk', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 5_120);
    new DataView(png.buffer).setUint32(20, 3_000);
    expect(pngSize(png)).toEqual({ width: 5_120, height: 3_000 });
    expect(() => pngSize(new Uint8Array(24))).toThrow('not a PNG');
  });
});
