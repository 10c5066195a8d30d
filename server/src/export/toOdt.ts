import type { ResolvedMeta } from './documentMeta.js';
import {
  fontFaceDecls,
  LIST_LEVELS,
  listStyle,
  manifestXml,
  metaXml,
  NAMESPACES,
  ODF_VERSION,
  ODT_MIME_TYPE,
  STYLE,
  stylesXml,
  TEXT_WIDTH_CM,
} from './odtParts.js';
import {
  groupByLink,
  NO_MARKS,
  type Block,
  type Inline,
  type ListItem,
  type MarkSet,
  type TableRow,
} from './reportModel.js';
import { layoutTable } from './tableLayout.js';
import { escapeXml, XML_DECLARATION } from './xml.js';
import { zipParts } from './zip.js';

/**
 * OpenDocument Text, LibreOffice's native format. Paragraph and list styles are common styles
 * defined in styles.xml (odtParts.ts); combinations of character marks, table geometry and the
 * rare list mixing bullets and numbers get automatic styles, generated here as needed.
 *
 * Unlike HTML or DOCX, whitespace inside ODF paragraphs collapses, so spaces, tabs and line
 * breaks are written as <text:s/>, <text:tab/> and <text:line-break/> (see `odfText`).
 *
 * Over 300 lines on purpose: one format's whole writer, so that its escaping rules are in one place.
 */

interface Context {
  /** Style of plain paragraphs here: body text, quotation, table contents or table heading. */
  paragraphStyle: string;
  /** Kinds (ordered or not) of each level of the enclosing list tree; null outside lists. */
  listLevels: boolean[] | null;
  /** Nesting depth of lists here, 0 outside lists. */
  listDepth: number;
}

const TOP: Context = { paragraphStyle: STYLE.body, listLevels: null, listDepth: 0 };

/**
 * Whether each level of a list tree is ordered, from the first list met at each depth; levels
 * below the deepest list follow the deepest.
 */
function listKindsByLevel(ordered: boolean, items: ListItem[]): boolean[] {
  const kinds: boolean[] = [ordered];
  const visit = (blocks: Block[], depth: number): void => {
    for (const block of blocks) {
      if (block.kind === 'list' && depth < LIST_LEVELS) {
        kinds[depth] ??= block.ordered;
        for (const item of block.items) visit(item.blocks, depth + 1);
      } else if (block.kind === 'quote') {
        visit(block.blocks, depth);
      }
    }
  };
  for (const item of items) visit(item.blocks, 1);
  return Array.from(
    { length: LIST_LEVELS },
    (_, level) => kinds[Math.min(level, kinds.length - 1)]!,
  );
}

/**
 * Escapes text for an ODF paragraph. A space is kept literally only after a non-space character
 * of the same string; every other space (leading, or second of a run) becomes <text:s/>, which
 * never collapses. Newlines only occur in code blocks and become line breaks.
 */
export function odfText(text: string): string {
  let xml = '';
  let previous = '';
  let spaces = 0;
  const flushSpaces = () => {
    if (spaces === 0) return;
    const literal = previous !== '' && previous !== ' ' ? 1 : 0;
    xml += ' '.repeat(literal);
    const encoded = spaces - literal;
    if (encoded === 1) xml += '<text:s/>';
    else if (encoded > 1) xml += `<text:s text:c="${encoded}"/>`;
    spaces = 0;
  };
  for (const char of text) {
    if (char === ' ') {
      spaces += 1;
      continue;
    }
    flushSpaces();
    if (char === '\t') xml += '<text:tab/>';
    else if (char === '\n') xml += '<text:line-break/>';
    else xml += escapeXml(char);
    previous = char === '\t' || char === '\n' ? ' ' : char;
  }
  flushSpaces();
  return xml;
}

class OdtWriter {
  private readonly textStyles = new Map<string, string>();
  private readonly tableStyles: string[] = [];
  /** Automatic list styles for lists mixing bullets and numbers, by their levels' kinds. */
  private readonly listStyles = new Map<string, string>();
  private tableCount = 0;

  /** Automatic styles the content refers to, for content.xml. */
  automaticStyles(): string {
    const text = [...this.textStyles].map(([key, name]) => {
      const properties = [
        key.includes('b')
          ? 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'
          : '',
        key.includes('i')
          ? 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"'
          : '',
        key.includes('u')
          ? 'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"'
          : '',
        key.includes('s')
          ? 'style:text-line-through-style="solid" style:text-line-through-type="single"'
          : '',
      ]
        .filter(Boolean)
        .join(' ');
      return `<style:style style:name="${name}" style:family="text"><style:text-properties ${properties}/></style:style>`;
    });
    const cells =
      '<style:style style:name="TableCell" style:family="table-cell">' +
      '<style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #808080"/></style:style>' +
      '<style:style style:name="TableHeaderCell" style:family="table-cell">' +
      '<style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #808080" fo:background-color="#e7e6e6"/>' +
      '</style:style>';
    const lists = [...this.listStyles].map(([key, name]) =>
      listStyle(name, null, (level) => key[level] === '1'),
    );
    return `<office:automatic-styles>${text.join('')}${this.tableStyles.join('')}${cells}${lists.join('')}</office:automatic-styles>`;
  }

  blocks(blocks: Block[], context: Context): string {
    return blocks.map((block) => this.block(block, context)).join('');
  }

  private block(block: Block, context: Context): string {
    switch (block.kind) {
      case 'paragraph':
        return this.paragraph(context.paragraphStyle, block.inlines);
      case 'heading':
        return (
          `<text:h text:style-name="${STYLE.heading(block.level)}" text:outline-level="${block.level}">` +
          `${this.inlines(block.inlines)}</text:h>`
        );
      case 'list':
        return this.list(block.ordered, block.start, block.items, context);
      case 'quote':
        return this.blocks(block.blocks, { ...context, paragraphStyle: STYLE.quote });
      case 'table':
        return this.table(block.rows, context);
      case 'rule':
        return `<text:p text:style-name="${STYLE.rule}"/>`;
      case 'code':
        return `<text:p text:style-name="${STYLE.code}">${odfText(block.text.replace(/\n$/, ''))}</text:p>`;
    }
  }

  paragraph(style: string, inlines: Inline[]): string {
    return `<text:p text:style-name="${style}">${this.inlines(inlines)}</text:p>`;
  }

  /**
   * A list and the lists nested in it form one LibreOffice list, styled by the outer list's
   * style alone: a nested list naming another style is split off into a list of its own (its
   * items leave the outer list in LibreOffice's HTML export, for instance). So the outermost
   * list carries a style whose levels match the kinds of lists found at each depth: the common
   * "List Bullet" or "List Number" when they are all of one kind, an automatic style otherwise.
   * Only a nested list contradicting an earlier one at the same depth names its own style.
   */
  private list(ordered: boolean, start: number, items: ListItem[], context: Context): string {
    let levels = context.listLevels;
    let styleAttribute = '';
    if (levels === null) {
      levels = listKindsByLevel(ordered, items);
      styleAttribute = ` text:style-name="${this.listStyleFor(levels)}"`;
    } else if (levels[context.listDepth] !== ordered) {
      styleAttribute = ` text:style-name="${ordered ? STYLE.numberedList : STYLE.bulletList}"`;
    }
    const inner: Context = { ...context, listLevels: levels, listDepth: context.listDepth + 1 };
    const body = items
      .map((item, index) => {
        // Restating the start on the first item keeps LibreOffice from continuing the numbering
        // of an earlier list with the same style.
        const startValue = ordered && index === 0 ? ` text:start-value="${start}"` : '';
        const content = this.blocks(item.blocks, inner);
        return `<text:list-item${startValue}>${content === '' ? '<text:p/>' : content}</text:list-item>`;
      })
      .join('');
    return `<text:list${styleAttribute}>${body}</text:list>`;
  }

  private listStyleFor(levels: boolean[]): string {
    if (levels.every((ordered) => !ordered)) return STYLE.bulletList;
    if (levels.every((ordered) => ordered)) return STYLE.numberedList;
    const key = levels.map((ordered) => (ordered ? '1' : '•')).join('');
    let name = this.listStyles.get(key);
    if (!name) {
      name = `L${this.listStyles.size + 1}`;
      this.listStyles.set(key, name);
    }
    return name;
  }

  private table(rows: TableRow[], context: Context): string {
    // A list item may only hold paragraphs, headings and lists: a table there is unrolled into
    // its cells' content, which keeps every word at the cost of the grid.
    if (context.listLevels !== null) {
      return rows
        .flatMap((row) => row.cells)
        .map((cell) => this.blocks(cell.blocks, context))
        .join('');
    }
    const { columnCount, grid, headerRowCount } = layoutTable(rows);
    if (columnCount === 0) return '';
    this.tableCount += 1;
    const name = `Tableau${this.tableCount}`;
    const columnWidth = (TEXT_WIDTH_CM / columnCount).toFixed(3);
    this.tableStyles.push(
      `<style:style style:name="${name}" style:family="table">` +
        `<style:table-properties style:width="${TEXT_WIDTH_CM}cm" table:align="margins"/></style:style>` +
        `<style:style style:name="${name}.A" style:family="table-column">` +
        `<style:table-column-properties style:column-width="${columnWidth}cm"/></style:style>`,
    );
    const rowsXml = grid.map((slots) => {
      const cells = slots.map((slot) => {
        if (slot.kind === 'covered') return '<table:covered-table-cell/>';
        if (slot.kind === 'empty') {
          return `<table:table-cell table:style-name="TableCell" office:value-type="string"><text:p text:style-name="${STYLE.tableContents}"/></table:table-cell>`;
        }
        const { cell } = slot;
        const spans =
          (slot.colspan > 1 ? ` table:number-columns-spanned="${slot.colspan}"` : '') +
          (slot.rowspan > 1 ? ` table:number-rows-spanned="${slot.rowspan}"` : '');
        const paragraphStyle = cell.header ? STYLE.tableHeading : STYLE.tableContents;
        const content = this.blocks(cell.blocks, { ...TOP, paragraphStyle });
        const cellStyle = cell.header ? 'TableHeaderCell' : 'TableCell';
        return (
          `<table:table-cell table:style-name="${cellStyle}" office:value-type="string"${spans}>` +
          `${content === '' ? `<text:p text:style-name="${paragraphStyle}"/>` : content}</table:table-cell>`
        );
      });
      return `<table:table-row>${cells.join('')}</table:table-row>`;
    });
    const header =
      headerRowCount > 0
        ? `<table:table-header-rows>${rowsXml.slice(0, headerRowCount).join('')}</table:table-header-rows>`
        : '';
    return (
      `<table:table table:name="${name}" table:style-name="${name}">` +
      `<table:table-column table:style-name="${name}.A" table:number-columns-repeated="${columnCount}"/>` +
      header +
      rowsXml.slice(headerRowCount).join('') +
      '</table:table>'
    );
  }

  /** Inline content, with runs sharing a link grouped in one <text:a>. */
  private inlines(inlines: Inline[]): string {
    return groupByLink(inlines)
      .map(({ href, inlines: group }) => {
        const runs = group.map((inline) => this.run(inline)).join('');
        if (href === null) return runs;
        return (
          `<text:a xlink:type="simple" xlink:href="${escapeXml(href)}"` +
          ` text:style-name="${STYLE.link}" text:visited-style-name="${STYLE.visitedLink}">${runs}</text:a>`
        );
      })
      .join('');
  }

  private run(inline: Inline): string {
    if (inline.kind === 'break') return '<text:line-break/>';
    let xml = odfText(inline.text);
    // Code is a common character style ("Source Text"); the other marks combine into one
    // automatic style around it.
    if (inline.marks.code)
      xml = `<text:span text:style-name="${STYLE.inlineCode}">${xml}</text:span>`;
    const style = this.textStyle(inline.marks);
    return style ? `<text:span text:style-name="${style}">${xml}</text:span>` : xml;
  }

  private textStyle(marks: MarkSet): string | null {
    const key =
      (marks.bold ? 'b' : '') +
      (marks.italic ? 'i' : '') +
      (marks.underline ? 'u' : '') +
      (marks.strike ? 's' : '');
    if (key === '') return null;
    let name = this.textStyles.get(key);
    if (!name) {
      name = `T${this.textStyles.size + 1}`;
      this.textStyles.set(key, name);
    }
    return name;
  }
}

export function toOdt(blocks: Block[], meta: ResolvedMeta): Uint8Array {
  const writer = new OdtWriter();
  const title = writer.paragraph(STYLE.title, [
    { kind: 'text', text: meta.title, marks: NO_MARKS },
  ]);
  const body = writer.blocks(blocks, TOP);
  const content =
    XML_DECLARATION +
    `<office:document-content ${NAMESPACES} office:version="${ODF_VERSION}">` +
    fontFaceDecls() +
    writer.automaticStyles() +
    `<office:body><office:text>${title}${body}</office:text></office:body>` +
    '</office:document-content>';
  return zipParts(
    [
      // ODF: the first entry is "mimetype", uncompressed, so the type can be sniffed at offset 38.
      { path: 'mimetype', content: ODT_MIME_TYPE, stored: true },
      { path: 'META-INF/manifest.xml', content: manifestXml() },
      { path: 'content.xml', content },
      { path: 'styles.xml', content: stylesXml(meta) },
      { path: 'meta.xml', content: metaXml(meta) },
    ],
    meta.date,
  );
}
