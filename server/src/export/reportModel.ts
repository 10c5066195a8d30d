import { MAX_REPORT_DEPTH, type ReportJson } from './prosemirrorJson.js';
import { stripInvalidXmlChars } from './xml.js';

/**
 * A cleaned-up, fully typed copy of the report that the four writers share. Building it once
 * keeps every defensive decision in one place: unknown nodes are unwrapped or dropped, attrs are
 * checked and clamped, text is stripped of characters XML cannot carry, unsafe links are
 * dropped, and structure the editor should never produce (text directly in a list, a paragraph
 * directly in a table) is repaired. The writers can then trust what they get.
 *
 * Over 300 lines on purpose: every repair the four writers rely on is here, and nowhere else.
 */

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface MarkSet {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  code: boolean;
  /** A link target already checked by `safeHref`, or null. */
  href: string | null;
}

export type Inline = { kind: 'text'; text: string; marks: MarkSet } | { kind: 'break' };

export interface TableCell {
  header: boolean;
  colspan: number;
  rowspan: number;
  blocks: Block[];
}

export interface TableRow {
  cells: TableCell[];
}

export interface ListItem {
  blocks: Block[];
}

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; level: HeadingLevel; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'table'; rows: TableRow[] }
  | { kind: 'rule' }
  | { kind: 'code'; text: string; language: string | null };

export const NO_MARKS: MarkSet = Object.freeze({
  bold: false,
  italic: false,
  underline: false,
  strike: false,
  code: false,
  href: null,
});

/** Spans beyond these are editor bugs or hostile input; they would only bloat the output. */
const MAX_SPAN = 1000;
/** CommonMark refuses ordered list numbers longer than nine digits. */
const MAX_LIST_START = 999_999_999;

interface RawNode {
  type: string;
  attrs: Record<string, unknown>;
  content: unknown[] | null;
  text: string | null;
  marks: unknown[];
}

/** Reads anything as a node, or null when it is not even an object with a string type. */
function asNode(value: unknown): RawNode | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.type !== 'string') return null;
  const attrs = record.attrs;
  return {
    type: record.type,
    attrs: typeof attrs === 'object' && attrs !== null ? (attrs as Record<string, unknown>) : {},
    content: Array.isArray(record.content) ? record.content : null,
    text: typeof record.text === 'string' ? record.text : null,
    marks: Array.isArray(record.marks) ? record.marks : [],
  };
}

/** An integer attr within [min, max]; strings such as "2" are accepted, anything else is `fallback`. */
function intAttr(
  attrs: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = attrs[name];
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/**
 * Links end up clickable in every format, so only schemes that cannot run code are kept:
 * http(s), mailto, tel, and scheme-less (relative or #fragment) targets. `javascript:` and
 * friends are dropped, leaving the text.
 */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const href = stripInvalidXmlChars(raw).trim();
  if (href === '') return null;
  // Browsers ignore tabs and newlines inside schemes ("java\nscript:"), so check without them.
  const compact = href.replace(/[\t\n\r]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (scheme) {
    return ['http', 'https', 'mailto', 'tel'].includes(scheme[1]!.toLowerCase()) ? compact : null;
  }
  // No scheme, but a colon before any slash would still be read as one by some clients.
  return /^[^/?#]*:/.test(compact) ? null : compact;
}

function readMarks(rawMarks: unknown[]): MarkSet {
  const marks: MarkSet = { ...NO_MARKS };
  for (const raw of rawMarks) {
    const mark = asNode(raw);
    if (!mark) continue;
    switch (mark.type) {
      case 'bold':
      case 'strong':
        marks.bold = true;
        break;
      case 'italic':
      case 'em':
        marks.italic = true;
        break;
      case 'underline':
        marks.underline = true;
        break;
      case 'strike':
        marks.strike = true;
        break;
      case 'code':
        marks.code = true;
        break;
      case 'link':
        marks.href = safeHref(mark.attrs.href);
        break;
      // Other marks (highlight, text colour...) carry no meaning the exports can keep.
    }
  }
  return marks;
}

/** Unifies line endings; a lone CR would otherwise survive into XML as a stray character. */
function cleanText(text: string): string {
  return stripInvalidXmlChars(text).replace(/\r\n?/g, '\n');
}

/**
 * Collects the inline content below a node. Anything non-inline found there is flattened to its
 * text: an inline context cannot hold blocks, and losing structure beats losing words.
 */
function collectInlines(nodes: unknown[], depth: number, out: Inline[]): void {
  if (depth > MAX_REPORT_DEPTH) return;
  for (const value of nodes) {
    const node = asNode(value);
    if (!node) continue;
    if (node.type === 'text') {
      if (node.text === null || node.text === '') continue;
      const marks = readMarks(node.marks);
      // Text nodes never contain newlines in ProseMirror, but pasted JSON might: keep them as breaks.
      cleanText(node.text)
        .split('\n')
        .forEach((line, index) => {
          if (index > 0) out.push({ kind: 'break' });
          if (line !== '') out.push({ kind: 'text', text: line, marks });
        });
    } else if (node.type === 'hardBreak') {
      out.push({ kind: 'break' });
    } else if (node.content) {
      collectInlines(node.content, depth + 1, out);
    }
  }
}

function inlinesOf(node: RawNode, depth: number): Inline[] {
  const out: Inline[] = [];
  if (node.content) collectInlines(node.content, depth + 1, out);
  return out;
}

/** Raw text of a code block: text nodes as they are, hard breaks as newlines. */
function plainText(nodes: unknown[], depth: number): string {
  if (depth > MAX_REPORT_DEPTH) return '';
  let text = '';
  for (const value of nodes) {
    const node = asNode(value);
    if (!node) continue;
    if (node.type === 'text' && node.text !== null) text += cleanText(node.text);
    else if (node.type === 'hardBreak') text += '\n';
    else if (node.content) text += plainText(node.content, depth + 1);
  }
  return text;
}

function codeLanguage(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // Only what can safely become a Markdown info string or an HTML class name.
  const language = raw.trim().replace(/[^\w+#.-]/g, '');
  return language === '' ? null : language;
}

class BlockCollector {
  readonly blocks: Block[] = [];
  private pendingInlines: Inline[] | null = null;

  addInlines(inlines: Inline[]): void {
    (this.pendingInlines ??= []).push(...inlines);
  }

  add(block: Block): void {
    this.flush();
    this.blocks.push(block);
  }

  /** Inline content met directly in a block context becomes a paragraph of its own. */
  flush(): void {
    if (this.pendingInlines) this.blocks.push({ kind: 'paragraph', inlines: this.pendingInlines });
    this.pendingInlines = null;
  }
}

function collectBlocks(nodes: unknown[], depth: number): Block[] {
  const collector = new BlockCollector();
  visitBlocks(nodes, depth, collector);
  collector.flush();
  return collector.blocks;
}

function visitBlocks(nodes: unknown[], depth: number, out: BlockCollector): void {
  if (depth > MAX_REPORT_DEPTH) return;
  for (const value of nodes) {
    const node = asNode(value);
    if (node) visitBlock(node, depth, out);
  }
}

function visitBlock(node: RawNode, depth: number, out: BlockCollector): void {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      out.add({ kind: 'paragraph', inlines: inlinesOf(node, depth) });
      return;
    case 'heading':
      out.add({
        kind: 'heading',
        level: intAttr(node.attrs, 'level', 1, 1, 6) as HeadingLevel,
        inlines: inlinesOf(node, depth),
      });
      return;
    case 'bulletList':
    case 'orderedList': {
      const items = listItems(children, depth + 1);
      if (items.length === 0) return;
      const ordered = node.type === 'orderedList';
      const start = ordered ? intAttr(node.attrs, 'start', 1, 0, MAX_LIST_START) : 1;
      out.add({ kind: 'list', ordered, start, items });
      return;
    }
    case 'blockquote':
      out.add({ kind: 'quote', blocks: collectBlocks(children, depth + 1) });
      return;
    case 'table': {
      const rows = tableRows(children, depth + 1);
      if (rows.some((row) => row.cells.length > 0)) out.add({ kind: 'table', rows });
      return;
    }
    case 'horizontalRule':
      out.add({ kind: 'rule' });
      return;
    case 'codeBlock':
      out.add({
        kind: 'code',
        text: plainText(children, depth + 1),
        language: codeLanguage(node.attrs.language),
      });
      return;
    case 'text':
    case 'hardBreak': {
      const inlines: Inline[] = [];
      collectInlines([node], depth, inlines);
      out.addInlines(inlines);
      return;
    }
    default:
      // Unknown or misplaced nodes (a custom "board excerpt", a listItem outside a list...) are
      // transparent containers: their children take their place. Leaves are skipped.
      visitBlocks(children, depth + 1, out);
  }
}

function listItems(nodes: unknown[], depth: number): ListItem[] {
  if (depth > MAX_REPORT_DEPTH) return [];
  const items: ListItem[] = [];
  for (const value of nodes) {
    const node = asNode(value);
    if (!node) continue;
    if (node.type === 'listItem') {
      items.push({ blocks: collectBlocks(node.content ?? [], depth + 1) });
    } else if (isKnownType(node.type)) {
      // A stray block directly in a list becomes an item of its own.
      const blocks = collectBlocks([node], depth);
      if (blocks.length > 0) items.push({ blocks });
    } else {
      // A custom wrapper around items: its items join this list.
      items.push(...listItems(node.content ?? [], depth + 1));
    }
  }
  return items;
}

function tableRows(nodes: unknown[], depth: number): TableRow[] {
  if (depth > MAX_REPORT_DEPTH) return [];
  const rows: TableRow[] = [];
  for (const value of nodes) {
    const node = asNode(value);
    if (!node) continue;
    if (node.type === 'tableRow') {
      rows.push({ cells: tableCells(node.content ?? [], depth + 1) });
    } else if (isKnownType(node.type)) {
      const cells = tableCells([value], depth);
      if (cells.length > 0) rows.push({ cells });
    } else {
      rows.push(...tableRows(node.content ?? [], depth + 1));
    }
  }
  return rows;
}

function tableCells(nodes: unknown[], depth: number): TableCell[] {
  if (depth > MAX_REPORT_DEPTH) return [];
  const cells: TableCell[] = [];
  for (const value of nodes) {
    const node = asNode(value);
    if (!node) continue;
    if (node.type === 'tableCell' || node.type === 'tableHeader') {
      cells.push({
        header: node.type === 'tableHeader',
        colspan: intAttr(node.attrs, 'colspan', 1, 1, MAX_SPAN),
        rowspan: intAttr(node.attrs, 'rowspan', 1, 1, MAX_SPAN),
        blocks: collectBlocks(node.content ?? [], depth + 1),
      });
    } else if (isKnownType(node.type)) {
      const blocks = collectBlocks([node], depth);
      if (blocks.length > 0) cells.push({ header: false, colspan: 1, rowspan: 1, blocks });
    } else {
      cells.push(...tableCells(node.content ?? [], depth + 1));
    }
  }
  return cells;
}

const KNOWN_TYPES = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'blockquote',
  'table',
  'horizontalRule',
  'codeBlock',
  'text',
  'hardBreak',
]);

function isKnownType(type: string): boolean {
  return KNOWN_TYPES.has(type);
}

/**
 * Builds the model from a report. Never throws: whatever the input, the result is the best
 * readable rendition of it. A root that is not a `doc` is treated as a one-node document.
 */
export function toReportModel(doc: ReportJson): Block[] {
  const root = asNode(doc);
  if (!root) return [];
  const blocks =
    root.type === 'doc' ? collectBlocks(root.content ?? [], 1) : collectBlocks([doc], 0);
  return dropTrailingEmptyParagraphs(blocks);
}

/** Tiptap keeps an empty paragraph at the end of the document for the caret; it is not content. */
function dropTrailingEmptyParagraphs(blocks: Block[]): Block[] {
  let end = blocks.length;
  while (end > 0 && isEmptyParagraph(blocks[end - 1]!)) end -= 1;
  return blocks.slice(0, end);
}

function isEmptyParagraph(block: Block): boolean {
  return block.kind === 'paragraph' && block.inlines.length === 0;
}

/** Plain text of inline content, hard breaks as `breakAs`. */
export function inlineText(inlines: Inline[], breakAs = '\n'): string {
  return inlines.map((inline) => (inline.kind === 'text' ? inline.text : breakAs)).join('');
}

/**
 * Splits inline content into stretches sharing one link target (null: no link), as DOCX and ODT
 * wrap a whole link in one element. A hard break between two parts of the same link stays
 * inside it. `targetOf` lets a format drop links it cannot express.
 */
export function groupByLink(
  inlines: Inline[],
  targetOf: (href: string | null) => string | null = (href) => href,
): Array<{ href: string | null; inlines: Inline[] }> {
  const hrefAt = (index: number): string | null => {
    const inline = inlines[index]!;
    return inline.kind === 'text' ? targetOf(inline.marks.href) : null;
  };
  const groups: Array<{ href: string | null; inlines: Inline[] }> = [];
  let start = 0;
  while (start < inlines.length) {
    const href = hrefAt(start);
    let end = start + 1;
    while (end < inlines.length) {
      if (inlines[end]!.kind === 'break' && href !== null) {
        let next = end;
        while (next < inlines.length && inlines[next]!.kind === 'break') next += 1;
        if (next < inlines.length && hrefAt(next) === href) {
          end = next;
          continue;
        }
        break;
      }
      if (hrefAt(end) !== href) break;
      end += 1;
    }
    groups.push({ href, inlines: inlines.slice(start, end) });
    start = end;
  }
  return groups;
}
