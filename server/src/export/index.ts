import { resolveMeta, type ExportMeta } from './documentMeta.js';
import type { ReportJson } from './prosemirrorJson.js';
import { toReportModel } from './reportModel.js';
import { toDocx } from './toDocx.js';
import { toHtml } from './toHtml.js';
import { toMarkdown } from './toMarkdown.js';
import { toOdt } from './toOdt.js';

/**
 * Report export: ProseMirror JSON (Tiptap's `editor.getJSON()`) to ODT, DOCX, HTML or Markdown.
 * Pure functions, no I/O: the caller fetches the report and sends the bytes.
 */

export type ExportFormat = 'odt' | 'docx' | 'html' | 'md';

export interface ExportedFile {
  bytes: Uint8Array;
  mimeType: string;
  extension: string;
}

export type { ExportMeta } from './documentMeta.js';
export {
  MAX_REPORT_DEPTH,
  reportJsonSchema,
  type ReportJson,
  type ReportMark,
  type ReportNode,
} from './prosemirrorJson.js';

const encoder = new TextEncoder();

/**
 * Converts a report. Never throws on odd content: unknown nodes are rendered through their
 * children, missing attrs get defaults, unsafe links lose their link (see reportModel.ts).
 * Validate untrusted input with `reportJsonSchema` first to refuse malformed or too deep trees.
 */
export function exportReport(
  doc: ReportJson,
  format: ExportFormat,
  meta: ExportMeta,
): ExportedFile {
  const blocks = toReportModel(doc);
  const resolved = resolveMeta(meta);
  switch (format) {
    case 'odt':
      return {
        bytes: toOdt(blocks, resolved),
        mimeType: 'application/vnd.oasis.opendocument.text',
        extension: 'odt',
      };
    case 'docx':
      return {
        bytes: toDocx(blocks, resolved),
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    case 'html':
      return {
        bytes: encoder.encode(toHtml(blocks, resolved)),
        mimeType: 'text/html; charset=utf-8',
        extension: 'html',
      };
    case 'md':
      return {
        bytes: encoder.encode(toMarkdown(blocks, resolved)),
        mimeType: 'text/markdown; charset=utf-8',
        extension: 'md',
      };
    default:
      throw new Error(`Unknown export format: ${String(format)}`);
  }
}
