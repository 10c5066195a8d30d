import { isoSeconds, type ResolvedMeta } from './documentMeta.js';
import { escapeXml, XML_DECLARATION } from './xml.js';

/**
 * The fixed parts of an ODT package. Style names are LibreOffice's own built-in ones
 * ("Heading_20_1" shown as "Heading 1", "Text_20_body", "Quotations", "Table_20_Heading",
 * "Preformatted_20_Text"...), so LibreOffice treats them as its standard styles: they appear
 * localised in its style list, and its HTML and DOCX filters map them to <h1>, <blockquote>,
 * <th>, <pre>, Heading 1 and so on.
 */

export const ODF_VERSION = '1.3';
export const ODT_MIME_TYPE = 'application/vnd.oasis.opendocument.text';

export const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(' ');

export const STYLE = {
  title: 'Title',
  heading: (level: number) => `Heading_20_${level}`,
  body: 'Text_20_body',
  quote: 'Quotations',
  code: 'Preformatted_20_Text',
  rule: 'Horizontal_20_Line',
  tableContents: 'Table_20_Contents',
  tableHeading: 'Table_20_Heading',
  link: 'Internet_20_link',
  visitedLink: 'Visited_20_Internet_20_Link',
  inlineCode: 'Source_20_Text',
  bulletList: 'List_20_Bullet',
  numberedList: 'List_20_Number',
} as const;

/** A4 with 2 cm margins: tables span the 17 cm in between. */
export const TEXT_WIDTH_CM = 17;

const FONT = 'Liberation Sans';
const MONO_FONT = 'Liberation Mono';

export function fontFaceDecls(): string {
  return (
    '<office:font-face-decls>' +
    `<style:font-face style:name="${FONT}" svg:font-family="'${FONT}'" style:font-family-generic="swiss" style:font-pitch="variable"/>` +
    `<style:font-face style:name="${MONO_FONT}" svg:font-family="'${MONO_FONT}'" style:font-family-generic="modern" style:font-pitch="fixed"/>` +
    '</office:font-face-decls>'
  );
}

export function manifestXml(): string {
  const entry = (path: string, type: string) =>
    `<manifest:file-entry manifest:full-path="${path}" manifest:media-type="${type}"/>`;
  return (
    XML_DECLARATION +
    `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="${ODF_VERSION}">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="${ODF_VERSION}" manifest:media-type="${ODT_MIME_TYPE}"/>` +
    entry('content.xml', 'text/xml') +
    entry('styles.xml', 'text/xml') +
    entry('meta.xml', 'text/xml') +
    '</manifest:manifest>'
  );
}

export function metaXml(meta: ResolvedMeta): string {
  const date = isoSeconds(meta.date);
  return (
    XML_DECLARATION +
    `<office:document-meta ${NAMESPACES} office:version="${ODF_VERSION}"><office:meta>` +
    '<meta:generator>Boussole</meta:generator>' +
    `<dc:title>${escapeXml(meta.title)}</dc:title>` +
    `<dc:language>${escapeXml(meta.locale.tag)}</dc:language>` +
    `<meta:creation-date>${date}</meta:creation-date>` +
    `<dc:date>${date}</dc:date>` +
    '</office:meta></office:document-meta>'
  );
}

function paragraphStyle(
  name: string,
  displayName: string | null,
  options: {
    parent?: string;
    next?: string;
    className?: string;
    outlineLevel?: number;
    paragraph?: string;
    text?: string;
  },
): string {
  const attributes = [
    `style:name="${name}"`,
    displayName ? `style:display-name="${displayName}"` : '',
    'style:family="paragraph"',
    options.parent ? `style:parent-style-name="${options.parent}"` : '',
    options.next ? `style:next-style-name="${options.next}"` : '',
    options.outlineLevel ? `style:default-outline-level="${options.outlineLevel}"` : '',
    options.className ? `style:class="${options.className}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const paragraph = options.paragraph ? `<style:paragraph-properties ${options.paragraph}/>` : '';
  const text = options.text ? `<style:text-properties ${options.text}/>` : '';
  return `<style:style ${attributes}>${paragraph}${text}</style:style>`;
}

function textStyle(name: string, displayName: string, text: string): string {
  return (
    `<style:style style:name="${name}" style:display-name="${displayName}" style:family="text">` +
    `<style:text-properties ${text}/></style:style>`
  );
}

const bold =
  'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"';
const italic =
  'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"';

const HEADING_SIZES = ['130%', '115%', '101%', '95%', '85%', '85%'];

function listLevelProperties(level: number): string {
  const indent = (0.635 * (level + 1)).toFixed(3);
  return (
    '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">' +
    `<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${indent}cm"` +
    ` fo:text-indent="-0.635cm" fo:margin-left="${indent}cm"/>` +
    '</style:list-level-properties>'
  );
}

const BULLETS = ['•', '◦', '▪'];

/** One level of a list style: a bullet (•, ◦, ▪ in turn) or an arabic number followed by ".". */
function listLevel(level: number, ordered: boolean): string {
  if (ordered) {
    return (
      `<text:list-level-style-number text:level="${level + 1}" style:num-suffix="." style:num-format="1">` +
      `${listLevelProperties(level)}</text:list-level-style-number>`
    );
  }
  return (
    `<text:list-level-style-bullet text:level="${level + 1}" text:bullet-char="${BULLETS[level % BULLETS.length]}">` +
    `${listLevelProperties(level)}</text:list-level-style-bullet>`
  );
}

/** ODF list styles describe ten levels. */
export const LIST_LEVELS = 10;

/**
 * A list style whose levels are bullets or numbers as `orderedAt(level)` says: the common
 * "List Bullet" and "List Number" styles, and the automatic styles of lists mixing both.
 */
export function listStyle(
  name: string,
  displayName: string | null,
  orderedAt: (level: number) => boolean,
): string {
  const levels = Array.from({ length: LIST_LEVELS }, (_, level) =>
    listLevel(level, orderedAt(level)),
  );
  const display = displayName ? ` style:display-name="${displayName}"` : '';
  return `<text:list-style style:name="${name}"${display}>${levels.join('')}</text:list-style>`;
}

function listStyles(): string {
  return (
    listStyle(STYLE.bulletList, 'List Bullet', () => false) +
    listStyle(STYLE.numberedList, 'List Number', () => true)
  );
}

/** Headings are not numbered, but LibreOffice expects the outline style to exist. */
function outlineStyle(): string {
  const levels = Array.from(
    { length: 10 },
    (_, level) =>
      `<text:outline-level-style text:level="${level + 1}" style:num-format="">` +
      '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">' +
      '<style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties>' +
      '</text:outline-level-style>',
  ).join('');
  return `<text:outline-style style:name="Outline">${levels}</text:outline-style>`;
}

export function stylesXml(meta: ResolvedMeta): string {
  const { language, country } = meta.locale;
  const locale =
    `fo:language="${escapeXml(language)}"` + (country ? ` fo:country="${escapeXml(country)}"` : '');
  const headings = HEADING_SIZES.map((size, index) =>
    paragraphStyle(STYLE.heading(index + 1), `Heading ${index + 1}`, {
      parent: 'Heading',
      next: STYLE.body,
      outlineLevel: index + 1,
      className: 'text',
      text: `fo:font-size="${size}" ${bold}${index === 5 ? ` ${italic}` : ''}`,
    }),
  ).join('');
  return (
    XML_DECLARATION +
    `<office:document-styles ${NAMESPACES} office:version="${ODF_VERSION}">` +
    fontFaceDecls() +
    '<office:styles>' +
    '<style:default-style style:family="paragraph">' +
    '<style:paragraph-properties style:writing-mode="page"/>' +
    `<style:text-properties style:font-name="${FONT}" fo:font-size="11pt" ${locale} fo:hyphenate="false"/>` +
    '</style:default-style>' +
    paragraphStyle('Standard', null, { className: 'text' }) +
    paragraphStyle(STYLE.body, 'Text body', {
      parent: 'Standard',
      className: 'text',
      paragraph: 'fo:margin-top="0cm" fo:margin-bottom="0.212cm" fo:line-height="115%"',
    }) +
    paragraphStyle('Heading', null, {
      parent: 'Standard',
      next: STYLE.body,
      className: 'text',
      paragraph: 'fo:margin-top="0.423cm" fo:margin-bottom="0.212cm" fo:keep-with-next="always"',
      text: `fo:font-size="14pt" fo:color="#1f3864"`,
    }) +
    paragraphStyle(STYLE.title, 'Title', {
      parent: 'Heading',
      next: STYLE.body,
      className: 'chapter',
      paragraph: 'fo:margin-bottom="0.423cm"',
      text: `fo:font-size="22pt" ${bold}`,
    }) +
    headings +
    paragraphStyle(STYLE.quote, 'Quotations', {
      parent: 'Standard',
      className: 'html',
      paragraph:
        'fo:margin-left="1cm" fo:margin-right="1cm" fo:margin-top="0cm" fo:margin-bottom="0.212cm"' +
        ' fo:padding-left="0.2cm" fo:border-left="1.5pt solid #a6a6a6" fo:border-right="none" fo:border-top="none" fo:border-bottom="none"',
      text: `${italic} fo:color="#404040"`,
    }) +
    paragraphStyle(STYLE.code, 'Preformatted Text', {
      parent: 'Standard',
      className: 'html',
      paragraph: 'fo:margin-top="0cm" fo:margin-bottom="0.212cm" fo:background-color="#f2f2f2"',
      text: `style:font-name="${MONO_FONT}" fo:font-size="10pt"`,
    }) +
    paragraphStyle(STYLE.rule, 'Horizontal Line', {
      parent: 'Standard',
      next: STYLE.body,
      className: 'html',
      paragraph:
        'fo:margin-top="0cm" fo:margin-bottom="0.5cm" fo:padding="0cm" fo:border-top="none" fo:border-left="none"' +
        ' fo:border-right="none" fo:border-bottom="0.5pt solid #808080"',
      text: 'fo:font-size="6pt"',
    }) +
    paragraphStyle(STYLE.tableContents, 'Table Contents', {
      parent: 'Standard',
      className: 'extra',
    }) +
    paragraphStyle(STYLE.tableHeading, 'Table Heading', {
      parent: STYLE.tableContents,
      className: 'extra',
      text: bold,
    }) +
    textStyle(
      STYLE.link,
      'Internet link',
      'fo:color="#000080" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"',
    ) +
    textStyle(
      STYLE.visitedLink,
      'Visited Internet Link',
      'fo:color="#800000" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"',
    ) +
    textStyle(STYLE.inlineCode, 'Source Text', `style:font-name="${MONO_FONT}"`) +
    outlineStyle() +
    listStyles() +
    '</office:styles>' +
    '<office:automatic-styles>' +
    '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"' +
    ' style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>' +
    '</style:page-layout>' +
    '</office:automatic-styles>' +
    '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>' +
    '</office:document-styles>'
  );
}
