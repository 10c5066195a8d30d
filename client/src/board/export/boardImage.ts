import type { Editor, TLShapeId } from 'tldraw';
import { exportFileBase } from '@boussole/shared';
import { imagePdf, readJpegInfo } from './imagePdf.js';

/**
 * The board (or the selected cards) as a PNG or a one-page PDF, drawn by tldraw's own export
 * (cards are HTML shapes: tldraw renders them in a foreignObject with the page's styles).
 */

export type ImageExportScope = 'board' | 'selection';
export type ImageExportFormat = 'png' | 'pdf';

/**
 * The longest side of an exported image, in pixels: a 2,000-card board at tldraw's default
 * pixel ratio would ask the browser for a canvas it cannot allocate (or a tab that dies).
 */
export const MAX_IMAGE_SIDE = 8_000;
/** Page units around the exported shapes. */
export const EXPORT_PADDING = 32;
/** Twice the screen's resolution when the board is small enough: readable when zoomed. */
const PREFERRED_PIXEL_RATIO = 2;

export function exportShapeIds(editor: Editor, scope: ImageExportScope): TLShapeId[] {
  return scope === 'selection'
    ? editor.getSelectedShapeIds()
    : [...editor.getCurrentPageShapeIds()];
}

/** The pixel ratio that keeps the image's longest side within MAX_IMAGE_SIDE. */
export function exportPixelRatio(bounds: { w: number; h: number }): number {
  const side = Math.max(bounds.w, bounds.h) + 2 * EXPORT_PADDING;
  return Math.min(PREFERRED_PIXEL_RATIO, MAX_IMAGE_SIDE / Math.max(1, side));
}

/** « Titre du tableau.png », « Titre du tableau — sélection.pdf »: the server's naming rule. */
export function imageExportFileName(
  title: string,
  format: ImageExportFormat,
  selectionSuffix?: string,
): string {
  const base = exportFileBase(title);
  return `${selectionSuffix ? `${base} — ${selectionSuffix}` : base}.${format}`;
}

/** Width and height in pixels read from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.length < 24 || view.getUint32(0) !== 0x89504e47) throw new Error('not a PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export interface BoardImage {
  blob: Blob;
  fileName: string;
  /** The picture's size in pixels (for a PDF, the embedded image's). */
  width: number;
  height: number;
}

export interface BoardImageRequest {
  title: string;
  scope: ImageExportScope;
  format: ImageExportFormat;
  /** « sélection » / « selection », added to the file name of a selection's export. */
  selectionSuffix: string;
  /** The PDF's line under the title (the date, the scope). */
  pdfSubtitle: string;
  date: Date;
}

/** Undefined when there is nothing to export (an empty board, nothing selected). */
export async function boardImage(
  editor: Editor,
  request: BoardImageRequest,
): Promise<BoardImage | undefined> {
  const ids = exportShapeIds(editor, request.scope);
  const bounds = ids.length > 0 ? editor.getShapesPageBounds(ids) : undefined;
  if (!bounds) return undefined;
  const fileName = imageExportFileName(
    request.title,
    request.format,
    request.scope === 'selection' ? request.selectionSuffix : undefined,
  );
  const { blob } = await editor.toImage(ids, {
    // A PDF has no transparency: JPEG on white, several times smaller than the PNG.
    format: request.format === 'pdf' ? 'jpeg' : 'png',
    quality: 0.92,
    background: true,
    darkMode: false,
    padding: EXPORT_PADDING,
    scale: 1,
    pixelRatio: exportPixelRatio(bounds),
  });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (request.format === 'png') return { blob, fileName, ...pngSize(bytes) };
  const { width, height } = readJpegInfo(bytes);
  const pdf = imagePdf({
    jpeg: bytes,
    title: request.title,
    subtitle: request.pdfSubtitle,
    date: request.date,
  });
  return {
    blob: new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    fileName,
    width,
    height,
  };
}

/** Hands a file to the browser's downloads, under its name. */
export function saveFile(blob: Blob, fileName: string, doc: Document = document): void {
  const link = doc.createElement('a');
  const url = URL.createObjectURL(blob);
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: Chromium may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
