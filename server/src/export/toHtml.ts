import type { ResolvedMeta } from './documentMeta.js';
import { HeadingOutline } from './headingOutline.js';
import { nestMarks, type InlineTree, type MarkName } from './inlineMarks.js';
import {
  inlineText,
  type Block,
  type Inline,
  type ListItem,
  type TableRow,
} from './reportModel.js';
import { layoutTable } from './tableLayout.js';
import { escapeHtml } from './xml.js';

/**
 * A standalone, accessible HTML document: the title is the page's only <h1>, the report follows
 * in <main> with its headings moved one level down, header cells carry a scope, and the small
 * embedded stylesheet prints cleanly (no external resource, so the file works offline and when
 * attached to an e-mail).
 */

const STYLESHEET = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5;
  color: #1a1a1a; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.5em 0 0.5em; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #777; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
blockquote { margin: 1em 0; padding: 0.1em 1em; border-left: 4px solid #999; color: #333; }
pre { background: #f4f4f4; padding: 0.5em; overflow-x: auto; white-space: pre-wrap; }
code { font-family: ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", monospace; }
a { color: #0645ad; }
hr { border: 0; border-top: 1px solid #999; margin: 1.5em 0; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; color: #000; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 90%; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  tr, blockquote, pre { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

const TAGS: Record<Exclude<MarkName, 'link'>, string> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strike: 's',
  code: 'code',
};

function renderInlineTree(tree: InlineTree): string {
  switch (tree.kind) {
    case 'text':
      return escapeHtml(tree.text);
    case 'break':
      return '<br>';
    case 'mark': {
      const inner = tree.children.map(renderInlineTree).join('');
      if (tree.mark === 'link') return `<a href="${escapeHtml(tree.href ?? '')}">${inner}</a>`;
      const tag = TAGS[tree.mark];
      return `<${tag}>${inner}</${tag}>`;
    }
  }
}

function renderInlines(inlines: Inline[]): string {
  return nestMarks(inlines).map(renderInlineTree).join('');
}

class HtmlWriter {
  private readonly outline = new HeadingOutline();

  blocks(blocks: Block[]): string {
    return blocks
      .map((block) => this.block(block))
      .filter((html) => html !== '')
      .join('\n');
  }

  private block(block: Block): string {
    switch (block.kind) {
      case 'paragraph':
        // Empty paragraphs are spacing in the editor; in HTML they are noise for screen readers.
        return block.inlines.length === 0 ? '' : `<p>${renderInlines(block.inlines)}</p>`;
      case 'heading':
        return this.heading(block.level, block.inlines);
      case 'list':
        return this.list(block.ordered, block.start, block.items);
      case 'quote':
        return `<blockquote>\n${this.blocks(block.blocks)}\n</blockquote>`;
      case 'table':
        return this.table(block.rows);
      case 'rule':
        return '<hr>';
      case 'code': {
        const language = block.language ? ` class="language-${escapeHtml(block.language)}"` : '';
        return `<pre><code${language}>${escapeHtml(block.text)}</code></pre>`;
      }
    }
  }

  private heading(level: number, inlines: Inline[]): string {
    // An empty heading would be announced as a nameless section.
    if (inlineText(inlines, ' ').trim() === '') return '';
    const htmlLevel = this.outline.levelBelowTitle(level);
    return `<h${htmlLevel}>${renderInlines(inlines)}</h${htmlLevel}>`;
  }

  private list(ordered: boolean, start: number, items: ListItem[]): string {
    const open = ordered ? (start === 1 ? '<ol>' : `<ol start="${start}">`) : '<ul>';
    const close = ordered ? '</ol>' : '</ul>';
    const body = items.map((item) => `<li>${this.flowContent(item.blocks)}</li>`).join('\n');
    return `${open}\n${body}\n${close}`;
  }

  /**
   * Content of a list item or table cell. A lone paragraph (possibly followed by nested lists) is
   * written without its <p>, as hand-written HTML would be: it keeps lists and cells compact.
   */
  private flowContent(blocks: Block[]): string {
    const [first, ...rest] = blocks;
    if (first?.kind === 'paragraph' && rest.every((block) => block.kind === 'list')) {
      const tail = rest.length > 0 ? `\n${this.blocks(rest)}\n` : '';
      return `${renderInlines(first.inlines)}${tail}`;
    }
    return blocks.length > 0 ? `\n${this.blocks(blocks)}\n` : '';
  }

  private table(rows: TableRow[]): string {
    const { headerRowCount } = layoutTable(rows);
    const renderRow = ({ cells }: TableRow): string => {
      const allHeaders = cells.every((cell) => cell.header);
      const html = cells.map((cell) => {
        const tag = cell.header ? 'th' : 'td';
        // A header cell heads its column in a header row, and its row anywhere else.
        const scope = cell.header ? ` scope="${allHeaders ? 'col' : 'row'}"` : '';
        const colspan = cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '';
        const rowspan = cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '';
        return `<${tag}${scope}${colspan}${rowspan}>${this.flowContent(cell.blocks)}</${tag}>`;
      });
      return `<tr>${html.join('')}</tr>`;
    };
    const head = rows.slice(0, headerRowCount).map(renderRow);
    const body = rows.slice(headerRowCount).map(renderRow);
    const parts = ['<table>'];
    if (head.length > 0) parts.push('<thead>', ...head, '</thead>');
    if (body.length > 0) parts.push('<tbody>', ...body, '</tbody>');
    parts.push('</table>');
    return parts.join('\n');
  }
}

export function toHtml(blocks: Block[], meta: ResolvedMeta): string {
  const title = escapeHtml(meta.title);
  const content = new HtmlWriter().blocks(blocks);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(meta.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${title}</h1>`,
    '</header>',
    '<main>',
    content,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
