import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportReport } from './index.js';
import type { ReportNode } from './prosemirrorJson.js';
import { odfText } from './toOdt.js';

const text = (value: string, marks: ReportNode['marks'] = []): ReportNode => ({
  type: 'text',
  text: value,
  marks,
});
const paragraph = (...content: ReportNode[]): ReportNode => ({ type: 'paragraph', content });
const item = (...content: ReportNode[]): ReportNode => ({ type: 'listItem', content });
const cell = (type: string, value: string, attrs: Record<string, unknown> = {}): ReportNode => ({
  type,
  attrs,
  content: [paragraph(text(value))],
});

const report: ReportNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Préconisations')] },
    paragraph(
      text('Gras', [{ type: 'bold' }, { type: 'italic' }]),
      text('  deux espaces'),
      text('lien', [{ type: 'link', attrs: { href: 'https://ville.fr/?a=1&b=2' } }]),
      { type: 'hardBreak' },
      text('fin'),
    ),
    {
      type: 'orderedList',
      attrs: { start: 4 },
      content: [
        item(paragraph(text('quatre')), {
          type: 'bulletList',
          content: [item(paragraph(text('puce')))],
        }),
      ],
    },
    { type: 'blockquote', content: [paragraph(text('cité'))] },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [cell('tableHeader', 'A', { colspan: 2 }), cell('tableHeader', 'B')],
        },
        {
          type: 'tableRow',
          content: [
            cell('tableCell', 'x', { rowspan: 2 }),
            cell('tableCell', 'y'),
            cell('tableCell', 'z'),
          ],
        },
        { type: 'tableRow', content: [cell('tableCell', 'u'), cell('tableCell', 'v')] },
      ],
    },
  ],
};

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const date = new Date('2025-03-14T09:30:00Z');

describe('ODT package', () => {
  const file = exportReport(report, 'odt', { title: 'Rapport « ABS »', date });
  const parts = unzipSync(file.bytes);
  const content = decode(parts['content.xml']);

  it('starts with an uncompressed mimetype entry, as ODF requires', () => {
    const bytes = file.bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // local file header
    expect(view.getUint16(8, true)).toBe(0); // compression method: stored
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    expect(decode(bytes.subarray(30, 30 + nameLength))).toBe('mimetype');
    expect(extraLength).toBe(0);
    const start = 30 + nameLength;
    expect(decode(bytes.subarray(start, start + 39))).toBe(
      'application/vnd.oasis.opendocument.text',
    );
    expect(Object.keys(parts)).toEqual([
      'mimetype',
      'META-INF/manifest.xml',
      'content.xml',
      'styles.xml',
      'meta.xml',
    ]);
  });

  it('declares French and the heading styles in styles.xml, and the title in meta.xml', () => {
    const styles = decode(parts['styles.xml']);
    expect(styles).toContain('fo:language="fr" fo:country="FR"');
    for (let level = 1; level <= 6; level += 1) {
      expect(styles).toContain(
        `style:name="Heading_20_${level}" style:display-name="Heading ${level}"`,
      );
    }
    expect(styles).toContain('style:name="Quotations"');
    expect(decode(parts['meta.xml'])).toContain('<dc:title>Rapport « ABS »</dc:title>');
    expect(decode(parts['meta.xml'])).toContain('<dc:date>2025-03-14T09:30:00Z</dc:date>');
    expect(decode(parts['META-INF/manifest.xml'])).toContain('manifest:full-path="content.xml"');
  });

  it('writes headings, marks, spaces, links, lists and quotes', () => {
    expect(content).toContain(
      '<text:h text:style-name="Heading_20_2" text:outline-level="2">Préconisations</text:h>',
    );
    expect(content).toMatch(/<text:span text:style-name="T1">Gras<\/text:span>/);
    expect(content).toContain('fo:font-weight="bold"');
    expect(content).toContain('<text:s text:c="2"/>deux espaces');
    expect(content).toContain('xlink:href="https://ville.fr/?a=1&amp;b=2"');
    expect(content).toContain('<text:line-break/>fin');
    // A numbered list with a bulleted one inside gets a style with both kinds of levels.
    expect(content).toMatch(
      /<text:list text:style-name="L1"><text:list-item text:start-value="4"><text:p [^>]*>quatre<\/text:p><text:list><text:list-item>/,
    );
    expect(content).toContain('<text:p text:style-name="Quotations">cité</text:p>');
  });

  it('writes header rows, spans and covered cells', () => {
    expect(content).toContain(
      '<table:table-column table:style-name="Tableau1.A" table:number-columns-repeated="3"/>',
    );
    expect(content).toMatch(
      /<table:table-header-rows><table:table-row><table:table-cell [^>]*table:number-columns-spanned="2"><text:p text:style-name="Table_20_Heading">A<\/text:p><\/table:table-cell><table:covered-table-cell\/>/,
    );
    expect(content).toMatch(
      /table:number-rows-spanned="2"><text:p text:style-name="Table_20_Contents">x/,
    );
    expect(content).toMatch(
      /<table:table-row><table:covered-table-cell\/><table:table-cell [^>]*><text:p [^>]*>u</,
    );
  });
});

describe('odfText', () => {
  it('keeps every space, tab and line break, which ODF would otherwise collapse', () => {
    expect(odfText('a b')).toBe('a b');
    expect(odfText(' a  b   ')).toBe('<text:s/>a <text:s/>b <text:s text:c="2"/>');
    expect(odfText('a\tb\nc <d>')).toBe('a<text:tab/>b<text:line-break/>c &lt;d&gt;');
    expect(odfText('a\t b')).toBe('a<text:tab/><text:s/>b');
  });
});

describe('DOCX package', () => {
  const file = exportReport(report, 'docx', { title: 'Rapport « ABS »', date });
  const parts = unzipSync(file.bytes);
  const document = decode(parts['word/document.xml']);

  it('holds the parts Word needs, declaring French', () => {
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'word/document.xml',
        'word/styles.xml',
        'word/numbering.xml',
        'word/_rels/document.xml.rels',
        'docProps/core.xml',
      ]),
    );
    const styles = decode(parts['word/styles.xml']);
    expect(styles).toContain('<w:lang w:val="fr-FR"');
    for (let level = 1; level <= 6; level += 1) {
      expect(styles).toContain(
        `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/>`,
      );
    }
    expect(styles).toContain('w:styleId="ListParagraph"');
    expect(styles).toContain('w:styleId="Quote"');
    expect(decode(parts['docProps/core.xml'])).toContain('<dc:title>Rapport « ABS »</dc:title>');
  });

  it('writes heading styles, runs and hyperlinks with external relationships', () => {
    expect(document).toContain('<w:pStyle w:val="Title"/>');
    expect(document).toContain(
      '<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Préconisations</w:t>',
    );
    expect(document).toContain(
      '<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Gras</w:t>',
    );
    expect(document).toContain('<w:t xml:space="preserve">  deux espaces</w:t>');
    expect(document).toMatch(
      /<w:hyperlink r:id="rId4" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/>/,
    );
    expect(decode(parts['word/_rels/document.xml.rels'])).toContain(
      'Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://ville.fr/?a=1&amp;b=2" TargetMode="External"',
    );
  });

  it('numbers lists through numbering.xml, restarting each ordered list at its start', () => {
    expect(document).toContain(
      '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>',
    );
    expect(document).toContain('<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>');
    const numbering = decode(parts['word/numbering.xml']);
    expect(numbering).toContain(
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>',
    );
    expect(numbering).toContain('<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(document).toContain('<w:pStyle w:val="Quote"/>');
  });

  it('writes header rows, column spans and vertical merges', () => {
    expect(document).toContain(
      '<w:tblGrid><w:gridCol w:w="3212"/><w:gridCol w:w="3212"/><w:gridCol w:w="3212"/></w:tblGrid>',
    );
    expect(document).toMatch(
      /<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr><w:tc><w:tcPr><w:tcW w:w="6424" w:type="dxa"\/><w:gridSpan w:val="2"\/>/,
    );
    expect(document).toContain('<w:vMerge w:val="restart"/>');
    expect(document).toMatch(
      /<w:tc><w:tcPr><w:tcW w:w="3212" w:type="dxa"\/><w:vMerge\/><\/w:tcPr><w:p\/><\/w:tc>/,
    );
    expect(document).toContain('<w:tblBorders>');
  });
});
