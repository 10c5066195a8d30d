import type { ResolvedMeta } from './documentMeta.js';
import {
  contentTypesXml,
  corePropertiesXml,
  documentRelsXml,
  FIRST_HYPERLINK_REL,
  LIST_INDENT,
  numberingXml,
  packageRelsXml,
  PAGE,
  QUOTE_INDENT,
  R_NS,
  settingsXml,
  STYLE,
  stylesXml,
  tableBorders,
  TEXT_WIDTH,
  W_NS,
  type NumberingInstance,
} from './docxParts.js';
import {
  groupByLink,
  NO_MARKS,
  type Block,
  type Inline,
  type ListItem,
  type TableRow,
} from './reportModel.js';
import { layoutTable, type GridSlot } from './tableLayout.js';
import { escapeXml, XML_DECLARATION } from './xml.js';
import { zipParts } from './zip.js';

/**
 * Office Open XML (Word) written by hand: the subset of WordprocessingML a report needs, with
 * real styles (see docxParts.ts) rather than direct formatting, so the document stays editable
 * and its structure (headings, lists, table headers) survives in Word, LibreOffice and readers.
 *
 * Over 300 lines on purpose: one format's whole writer, so that its escaping rules are in one place.
 */

/** Where a block sits, which decides its paragraph properties. */
interface Context {
  /** Nesting level of the enclosing list item (0 = top-level list), -1 outside lists. */
  listLevel: number;
  quoteDepth: number;
  /** Inside a header cell: runs are bold. */
  header: boolean;
}

const TOP: Context = { listLevel: -1, quoteDepth: 0, header: false };

interface ParagraphOptions {
  style?: string;
  numbering?: { numId: number; level: number };
}

class DocxWriter {
  readonly numbering: NumberingInstance[] = [];
  private readonly hyperlinkIds = new Map<string, string>();

  get hyperlinks(): Array<{ id: string; href: string }> {
    return [...this.hyperlinkIds].map(([href, id]) => ({ id, href }));
  }

  body(blocks: Block[], meta: ResolvedMeta): string {
    const title = this.paragraph([{ kind: 'text', text: meta.title, marks: NO_MARKS }], TOP, {
      style: STYLE.title,
    });
    let content = this.blocks(blocks, TOP);
    // Word wants a paragraph between a table and the section properties.
    if (content.endsWith('</w:tbl>')) content += '<w:p/>';
    const section =
      `<w:sectPr><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
      `<w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}"` +
      ` w:left="${PAGE.margin}" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>`;
    return (
      XML_DECLARATION +
      `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>` +
      title +
      content +
      section +
      '</w:body></w:document>'
    );
  }

  blocks(blocks: Block[], context: Context): string {
    let xml = '';
    for (const block of blocks) {
      const next = this.block(block, context);
      // Two tables in a row would be merged into one by Word.
      if (xml.endsWith('</w:tbl>') && next.startsWith('<w:tbl>')) xml += '<w:p/>';
      xml += next;
    }
    return xml;
  }

  private block(block: Block, context: Context): string {
    switch (block.kind) {
      case 'paragraph':
        return this.paragraph(block.inlines, context, {
          style: context.quoteDepth > 0 ? STYLE.quote : undefined,
        });
      case 'heading':
        return this.paragraph(block.inlines, context, { style: STYLE.heading(block.level) });
      case 'list': {
        const level = Math.min(8, context.listLevel + 1);
        const numId = this.numberingFor(block.ordered, block.start, level);
        return block.items.map((item) => this.listItem(item, numId, level, context)).join('');
      }
      case 'quote':
        return this.blocks(block.blocks, { ...context, quoteDepth: context.quoteDepth + 1 });
      case 'table':
        return this.table(block.rows);
      case 'rule':
        return (
          '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="808080"/>' +
          '</w:pBdr></w:pPr></w:p>'
        );
      case 'code': {
        const lines = block.text.replace(/\n$/, '').split('\n');
        const runs = lines
          .map((line) => (line === '' ? '' : `<w:r>${textElements(line)}</w:r>`))
          .join('<w:r><w:br/></w:r>');
        return `<w:p>${this.paragraphProperties(context, { style: STYLE.code })}${runs}</w:p>`;
      }
    }
  }

  /** Each list gets its own numbering instance, so ordered lists restart at their start. */
  private numberingFor(ordered: boolean, start: number, level: number): number {
    this.numbering.push({ ordered, start, level });
    return this.numbering.length;
  }

  private listItem(item: ListItem, numId: number, level: number, context: Context): string {
    const inner: Context = { ...context, listLevel: level };
    const numbering = { numId, level };
    const [first, ...rest] = item.blocks;
    if (first?.kind === 'paragraph' || first?.kind === 'heading') {
      const style = first.kind === 'heading' ? STYLE.heading(first.level) : STYLE.listParagraph;
      return this.paragraph(first.inlines, inner, { style, numbering }) + this.blocks(rest, inner);
    }
    // The bullet or number needs a paragraph to hang on.
    const marker = this.paragraph([], inner, { style: STYLE.listParagraph, numbering });
    return marker + this.blocks(item.blocks, inner);
  }

  private paragraphProperties(context: Context, options: ParagraphOptions): string {
    const style = options.style ?? (context.listLevel >= 0 ? STYLE.listParagraph : undefined);
    let properties = style ? `<w:pStyle w:val="${style}"/>` : '';
    if (options.numbering) {
      properties += `<w:numPr><w:ilvl w:val="${options.numbering.level}"/><w:numId w:val="${options.numbering.numId}"/></w:numPr>`;
    } else {
      // Paragraphs continuing a list item line up with its text; nested quotes step inwards.
      const listIndent = context.listLevel >= 0 ? LIST_INDENT * (context.listLevel + 1) : 0;
      const quoteIndent = context.quoteDepth * QUOTE_INDENT;
      if (context.listLevel >= 0 || context.quoteDepth > 1) {
        properties += `<w:ind w:left="${listIndent + quoteIndent}"/>`;
      }
    }
    if (context.header) properties += '<w:rPr><w:b/><w:bCs/></w:rPr>';
    return properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`;
  }

  private paragraph(inlines: Inline[], context: Context, options: ParagraphOptions): string {
    return `<w:p>${this.paragraphProperties(context, options)}${this.runs(inlines, context)}</w:p>`;
  }

  /** Runs, with consecutive runs sharing a link wrapped in one w:hyperlink. */
  private runs(inlines: Inline[], context: Context): string {
    return groupByLink(inlines, linkable)
      .map(({ href, inlines: group }) => {
        const runs = group.map((inline) => run(inline, context)).join('');
        if (href === null) return runs;
        return `<w:hyperlink r:id="${this.hyperlinkId(href)}" w:history="1">${runs}</w:hyperlink>`;
      })
      .join('');
  }

  private hyperlinkId(href: string): string {
    let id = this.hyperlinkIds.get(href);
    if (!id) {
      id = `rId${FIRST_HYPERLINK_REL + this.hyperlinkIds.size}`;
      this.hyperlinkIds.set(href, id);
    }
    return id;
  }

  private table(rows: TableRow[]): string {
    const { columnCount, grid, headerRowCount } = layoutTable(rows);
    if (columnCount === 0) return '';
    const columnWidth = Math.floor(TEXT_WIDTH / columnCount);
    const gridXml = Array.from(
      { length: columnCount },
      () => `<w:gridCol w:w="${columnWidth}"/>`,
    ).join('');
    const rowsXml = grid.map((slots, rowIndex) => {
      const cells: string[] = [];
      let column = 0;
      while (column < columnCount) {
        const slot = slots[column]!;
        if (slot.kind === 'cell') {
          const merge = slot.rowspan > 1 ? '<w:vMerge w:val="restart"/>' : '';
          const cellContext: Context = { ...TOP, header: slot.cell.header };
          cells.push(
            this.tableCell(
              slot.colspan,
              columnWidth,
              merge,
              slot.cell.header,
              this.blocks(slot.cell.blocks, cellContext),
            ),
          );
          column += slot.colspan;
        } else if (
          slot.kind === 'covered' &&
          slot.originRow < rowIndex &&
          slot.originColumn === column
        ) {
          // Continuation of a cell merged from the row above: same width, no content.
          let span = 1;
          while (column + span < columnCount && coveredBySame(slots[column + span], slot))
            span += 1;
          cells.push(this.tableCell(span, columnWidth, '<w:vMerge/>', slot.cell.header, ''));
          column += span;
        } else {
          cells.push(this.tableCell(1, columnWidth, '', false, ''));
          column += 1;
        }
      }
      // Header rows repeat at the top of each page; rows are not split across pages.
      const rowProperties = `<w:trPr><w:cantSplit/>${rowIndex < headerRowCount ? '<w:tblHeader/>' : ''}</w:trPr>`;
      return `<w:tr>${rowProperties}${cells.join('')}</w:tr>`;
    });
    const look =
      `<w:tblLook w:val="04A0" w:firstRow="${headerRowCount > 0 ? 1 : 0}" w:lastRow="0"` +
      ' w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>';
    return (
      `<w:tbl><w:tblPr><w:tblStyle w:val="${STYLE.table}"/><w:tblW w:w="5000" w:type="pct"/>` +
      `<w:tblBorders>${tableBorders()}</w:tblBorders>${look}</w:tblPr>` +
      `<w:tblGrid>${gridXml}</w:tblGrid>${rowsXml.join('')}</w:tbl>`
    );
  }

  private tableCell(
    span: number,
    columnWidth: number,
    merge: string,
    header: boolean,
    content: string,
  ): string {
    const gridSpan = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
    const shading = header ? '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' : '';
    // A cell must end with a paragraph, even when empty or ending with a nested table.
    const body = content === '' || content.endsWith('</w:tbl>') ? `${content}<w:p/>` : content;
    return (
      `<w:tc><w:tcPr><w:tcW w:w="${columnWidth * span}" w:type="dxa"/>${gridSpan}${merge}${shading}</w:tcPr>` +
      `${body}</w:tc>`
    );
  }
}

/** Fragment links point at bookmarks this export does not create: keep their text only. */
function linkable(href: string | null): string | null {
  return href && !href.startsWith('#') ? href : null;
}

function coveredBySame(
  slot: GridSlot | undefined,
  origin: { originRow: number; originColumn: number },
): boolean {
  return (
    slot?.kind === 'covered' &&
    slot.originRow === origin.originRow &&
    slot.originColumn === origin.originColumn
  );
}

/** Tabs are elements of their own in WordprocessingML; spaces are kept by xml:space. */
function textElements(text: string): string {
  return text
    .split('\t')
    .map((part) => (part === '' ? '' : `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`))
    .join('<w:tab/>');
}

function run(inline: Inline, context: Context): string {
  if (inline.kind === 'break') return '<w:r><w:br/></w:r>';
  const { marks } = inline;
  const link = linkable(marks.href) !== null;
  let properties = '';
  if (link) properties += `<w:rStyle w:val="${STYLE.hyperlink}"/>`;
  else if (marks.code) properties += `<w:rStyle w:val="${STYLE.inlineCode}"/>`;
  // Only one character style per run: a link in code keeps the code font directly.
  if (link && marks.code)
    properties += '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>';
  if (marks.bold || context.header) properties += '<w:b/><w:bCs/>';
  if (marks.italic) properties += '<w:i/><w:iCs/>';
  if (marks.strike) properties += '<w:strike/>';
  if (marks.underline) properties += '<w:u w:val="single"/>';
  return `<w:r>${properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`}${textElements(inline.text)}</w:r>`;
}

export function toDocx(blocks: Block[], meta: ResolvedMeta): Uint8Array {
  const writer = new DocxWriter();
  const document = writer.body(blocks, meta);
  return zipParts(
    [
      { path: '[Content_Types].xml', content: contentTypesXml() },
      { path: '_rels/.rels', content: packageRelsXml() },
      { path: 'word/document.xml', content: document },
      { path: 'word/_rels/document.xml.rels', content: documentRelsXml(writer.hyperlinks) },
      { path: 'word/styles.xml', content: stylesXml(meta) },
      { path: 'word/numbering.xml', content: numberingXml(writer.numbering) },
      { path: 'word/settings.xml', content: settingsXml(meta) },
      { path: 'docProps/core.xml', content: corePropertiesXml(meta) },
    ],
    meta.date,
  );
}
