import type { ResolvedMeta } from './documentMeta.js';
import { HeadingOutline } from './headingOutline.js';
import { nestMarks, type InlineTree } from './inlineMarks.js';
import { type Block, type Inline, type ListItem, type TableRow } from './reportModel.js';
import { layoutTable, type GridSlot } from './tableLayout.js';

/**
 * CommonMark with GFM pipe tables and strikethrough. The output must read back as the same
 * document in any CommonMark renderer, so text is escaped wherever it could be mistaken for
 * syntax, and marks fall back to inline HTML (<strong>, <em>, <del>) in the rare spots where
 * `**` or `*` would not be recognised (see `emphasis`). Like the HTML export, the title is the
 * only `#` heading and report headings move one level down.
 *
 * Over 300 lines on purpose: one format's whole writer, so that its escaping rules are in one place.
 */

/** Where inline content is being written: tables and headings cannot hold line breaks. */
interface InlineContext {
  inlines: Inline[];
  inTable: boolean;
  breakAs: string;
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Characters that are syntax anywhere in a line. `|` is included even outside tables so that two
 * lines of a paragraph can never turn into a table; `<` so text never becomes raw HTML.
 */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<~|]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Characters that are syntax only at the start of a line: headings, quotes, list markers... */
function escapeLineStart(line: string): string {
  // Leading spaces would make an indented code block (or be dropped anyway).
  const trimmed = line.replace(/^[ \t]+/, '');
  const isBlockSyntax =
    /^(#{1,6}|[-+])(\s|$)/.test(trimmed) || // ATX heading, bullet
    trimmed.startsWith('>') || // block quote
    /^(-\s*)+$/.test(trimmed) || // thematic break or setext underline
    /^=+\s*$/.test(trimmed); // setext underline
  if (isBlockSyntax) return `\\${trimmed}`;
  // "1. " or "1) " would start an ordered list; "2.5 millions" is left alone.
  return trimmed.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

function codeSpan(text: string, inTable: boolean): string {
  const content = inTable ? text.replace(/\|/g, '\\|') : text;
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space on each side when both are present, so pad in those cases.
  const pad =
    content.startsWith('`') ||
    content.endsWith('`') ||
    (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '')
      ? ' '
      : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

function linkDestination(href: string, inTable: boolean): string {
  const target = inTable ? href.replace(/\|/g, '%7C') : href;
  // The <...> form allows spaces and unbalanced parentheses.
  if (/[\s()<>]/.test(target)) return `<${target.replace(/[\\<>]/g, '\\$&')}>`;
  return target.replace(/\\/g, '\\\\');
}

function isSpaceOrPunctuation(char: string | null): boolean {
  return char === null || WHITESPACE.test(char) || PUNCTUATION.test(char);
}

function lastChar(inline: Inline | undefined): string | null {
  return inline?.kind === 'text' ? (inline.text.at(-1) ?? null) : null;
}

function firstChar(inline: Inline | undefined): string | null {
  return inline?.kind === 'text' ? (inline.text[0] ?? null) : null;
}

/** Bold and italic both use `*`: runs of them touching each other merge into one delimiter run. */
function starMarks(inline: Inline | undefined): { bold: boolean; italic: boolean } {
  return inline?.kind === 'text'
    ? { bold: inline.marks.bold, italic: inline.marks.italic }
    : { bold: false, italic: false };
}

const EMPHASIS = {
  bold: { delimiter: '**', tag: 'strong' },
  italic: { delimiter: '*', tag: 'em' },
  strike: { delimiter: '~~', tag: 'del' },
} as const;

function renderInlineTree(tree: InlineTree, context: InlineContext): string {
  switch (tree.kind) {
    case 'text':
      return escapeText(tree.text);
    case 'break':
      return context.breakAs;
    case 'mark': {
      if (tree.mark === 'code') {
        const raw = tree.children
          .map((child) => (child.kind === 'text' ? child.text : ''))
          .join('');
        return codeSpan(raw, context.inTable);
      }
      const inner = tree.children.map((child) => renderInlineTree(child, context)).join('');
      if (tree.mark === 'link') {
        if (inner.trim() === '') return inner;
        return `[${inner}](${linkDestination(tree.href ?? '', context.inTable)})`;
      }
      if (tree.mark === 'underline') return `<u>${inner}</u>`;
      return emphasis(tree.mark, inner, tree, context);
    }
  }
}

/**
 * Wraps `inner` in `**`, `*` or `~~`, moving edge spaces outside (`** a**` is not bold), and
 * falls back to an HTML tag where CommonMark's flanking rules would not see the delimiters: when
 * the text inside starts or ends with punctuation right against a letter outside (`mot**«x»**`),
 * or when another `*` run closes where this one opens (`*a***b**` would lose a `*`).
 */
function emphasis(
  mark: keyof typeof EMPHASIS,
  inner: string,
  tree: Extract<InlineTree, { kind: 'mark' }>,
  context: InlineContext,
): string {
  const { delimiter, tag } = EMPHASIS[mark];
  const core = inner.trim();
  if (core === '') return inner;
  const leading = inner.slice(0, inner.length - inner.trimStart().length);
  const trailing = inner.slice(inner.trimEnd().length);
  const before = context.inlines[tree.first - 1];
  const after = context.inlines[tree.last + 1];
  const outsideBefore = leading !== '' ? ' ' : lastChar(before);
  const outsideAfter = trailing !== '' ? ' ' : firstChar(after);
  const opens = !PUNCTUATION.test(core[0]!) || isSpaceOrPunctuation(outsideBefore);
  const closes = !PUNCTUATION.test(core.at(-1)!) || isSpaceOrPunctuation(outsideAfter);
  let clash = false;
  if (mark !== 'strike') {
    const first = starMarks(context.inlines[tree.first]);
    const last = starMarks(context.inlines[tree.last]);
    const previous = starMarks(before);
    const next = starMarks(after);
    const touchingBefore = leading === '' && !WHITESPACE.test(lastChar(before) ?? ' ');
    const touchingAfter = trailing === '' && !WHITESPACE.test(firstChar(after) ?? ' ');
    clash =
      (touchingBefore && ((previous.bold && !first.bold) || (previous.italic && !first.italic))) ||
      (touchingAfter && ((next.bold && !last.bold) || (next.italic && !last.italic)));
  }
  if (opens && closes && !clash) return `${leading}${delimiter}${core}${delimiter}${trailing}`;
  return `${leading}<${tag}>${core}</${tag}>${trailing}`;
}

function renderInlines(inlines: Inline[], inTable = false, breakAs?: string): string {
  const context: InlineContext = {
    inlines,
    inTable,
    breakAs: breakAs ?? (inTable ? '<br>' : '\\\n'),
  };
  return nestMarks(inlines)
    .map((tree) => renderInlineTree(tree, context))
    .join('');
}

/** A backslash break at the very end of a paragraph would show as a literal backslash. */
function withoutEdgeBreaks(inlines: Inline[]): Inline[] {
  let start = 0;
  let end = inlines.length;
  while (start < end && inlines[start]!.kind === 'break') start += 1;
  while (end > start && inlines[end - 1]!.kind === 'break') end -= 1;
  return inlines.slice(start, end);
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : indent + line))
    .join('\n');
}

/** A list can stay tight (no blank lines) when each item is one paragraph plus nested lists. */
function isTight(items: ListItem[]): boolean {
  return items.every(({ blocks }) => {
    const [first, ...rest] = blocks;
    if (first === undefined) return true;
    if (first.kind !== 'paragraph') return false;
    // An ordered list not starting at 1 cannot interrupt a paragraph: it needs a blank line.
    return rest.every((block) => block.kind === 'list' && (!block.ordered || block.start === 1));
  });
}

class MarkdownWriter {
  private readonly outline = new HeadingOutline();

  /** Blocks separated by blank lines, or by single newlines inside a tight list item. */
  blocks(blocks: Block[], tight = false): string {
    const parts: string[] = [];
    // The last list written, if it is the last thing written: two lists in a row would merge
    // into one, and switching the marker (- and *, . and )) is how CommonMark tells them apart.
    let previousList: { ordered: boolean; alternate: boolean } | undefined;
    for (const block of blocks) {
      if (block.kind === 'list') {
        const follows = previousList !== undefined && previousList.ordered === block.ordered;
        const alternate = follows ? !previousList!.alternate : false;
        parts.push(this.list(block.ordered, block.start, block.items, alternate));
        previousList = { ordered: block.ordered, alternate };
        continue;
      }
      const text = this.block(block);
      if (text === '') continue;
      parts.push(text);
      previousList = undefined;
    }
    return parts.join(tight ? '\n' : '\n\n');
  }

  private block(block: Exclude<Block, { kind: 'list' }>): string {
    switch (block.kind) {
      case 'paragraph':
        return renderInlines(withoutEdgeBreaks(block.inlines))
          .split('\n')
          .map(escapeLineStart)
          .join('\n')
          .trim();
      case 'heading': {
        const text = renderInlines(block.inlines, false, ' ').trim();
        if (text === '') return '';
        return `${'#'.repeat(this.outline.levelBelowTitle(block.level))} ${escapeClosingHashes(text)}`;
      }
      case 'quote': {
        const inner = this.blocks(block.blocks);
        if (inner === '') return '';
        return inner
          .split('\n')
          .map((line) => (line === '' ? '>' : `> ${line}`))
          .join('\n');
      }
      case 'table':
        return this.table(block.rows);
      case 'rule':
        return '---';
      case 'code': {
        // Longer than any backtick run inside, so no line of the code can close the fence.
        const longestRun = Math.max(0, ...(block.text.match(/`+/g) ?? []).map((r) => r.length));
        const fence = '`'.repeat(Math.max(3, longestRun + 1));
        const body =
          block.text === '' || block.text.endsWith('\n') ? block.text : `${block.text}\n`;
        return `${fence}${block.language ?? ''}\n${body}${fence}`;
      }
    }
  }

  private list(ordered: boolean, start: number, items: ListItem[], alternate: boolean): string {
    const tight = isTight(items);
    return items
      .map((item, index) => {
        const marker = ordered ? `${start + index}${alternate ? ')' : '.'}` : alternate ? '*' : '-';
        const body = this.blocks(item.blocks, tight);
        if (body === '') return marker;
        const [firstLine = '', ...rest] = body.split('\n');
        const continuation =
          rest.length > 0 ? `\n${indentLines(rest.join('\n'), ' '.repeat(marker.length + 1))}` : '';
        return `${marker} ${firstLine}${continuation}`;
      })
      .join(tight ? '\n' : '\n\n');
  }

  /** GFM tables need a header row: an empty one is written when the report table has none. */
  private table(rows: TableRow[]): string {
    const { columnCount, grid, headerRowCount } = layoutTable(rows);
    if (columnCount === 0) return '';
    const line = (slots: GridSlot[]): string =>
      `| ${slots.map((slot) => (slot.kind === 'cell' ? cellText(slot.cell.blocks) : '')).join(' | ')} |`;
    const header =
      headerRowCount > 0
        ? line(grid[0]!)
        : `|${Array.from({ length: columnCount }, () => '  ').join('|')}|`;
    const delimiter = `| ${Array.from({ length: columnCount }, () => '---').join(' | ')} |`;
    const body = grid.slice(headerRowCount > 0 ? 1 : 0).map(line);
    return [header, delimiter, ...body].join('\n');
  }
}

/** "Note #" as a heading would lose its "#": a closing sequence is stripped by CommonMark. */
function escapeClosingHashes(text: string): string {
  return text.replace(/(#+)$/, (hashes) => `\\${hashes}`);
}

/**
 * A table cell holds one line of inline content: blocks are joined with <br>, list items get a
 * textual bullet, code blocks become code spans.
 */
function cellText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        if (block.inlines.length > 0) parts.push(renderInlines(block.inlines, true).trim());
        break;
      case 'list':
        block.items.forEach((item, index) => {
          const bullet = block.ordered ? `${block.start + index}.` : '•';
          parts.push(`${bullet} ${cellText(item.blocks)}`.trim());
        });
        break;
      case 'quote':
        parts.push(cellText(block.blocks));
        break;
      case 'table':
        parts.push(
          block.rows
            .map((row) => row.cells.map((cell) => cellText(cell.blocks)).join(' ; '))
            .join('<br>'),
        );
        break;
      case 'code':
        parts.push(
          ...block.text
            .split('\n')
            .filter((codeLine) => codeLine !== '')
            .map((codeLine) => codeSpan(codeLine, true)),
        );
        break;
      case 'rule':
        break;
    }
  }
  return parts.filter((part) => part !== '').join('<br>');
}

export function toMarkdown(blocks: Block[], meta: ResolvedMeta): string {
  const title = `# ${escapeClosingHashes(escapeText(meta.title))}`;
  const body = new MarkdownWriter().blocks(blocks);
  return body === '' ? `${title}\n` : `${title}\n\n${body}\n`;
}
