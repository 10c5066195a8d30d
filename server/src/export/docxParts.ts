import { isoSeconds, type ResolvedMeta } from './documentMeta.js';
import { escapeXml, XML_DECLARATION } from './xml.js';

/**
 * The fixed parts of a DOCX package. Style ids and names follow Word's built-in styles
 * ("heading 1" with id Heading1, "List Paragraph", "Quote", "Title", "Table Grid"...), so Word
 * shows them in its style gallery and navigation pane, LibreOffice maps them to its own, and
 * converters such as mammoth recognise headings without a custom style map.
 */

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A4 with 2 cm margins, in twentieths of a point. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Indentation added by each list level and each nested quote, in twips. */
export const LIST_INDENT = 720;
export const QUOTE_INDENT = 567;

export const STYLE = {
  title: 'Title',
  heading: (level: number) => `Heading${level}`,
  listParagraph: 'ListParagraph',
  quote: 'Quote',
  code: 'PreformattedText',
  hyperlink: 'Hyperlink',
  inlineCode: 'VerbatimChar',
  table: 'TableGrid',
} as const;

const FONT = 'Arial';
const MONO_FONT = 'Courier New';

export function contentTypesXml(): string {
  const override = (part: string, type: string) =>
    `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-${type}"/>`;
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/word/document.xml', 'officedocument.wordprocessingml.document.main+xml') +
    override('/word/styles.xml', 'officedocument.wordprocessingml.styles+xml') +
    override('/word/numbering.xml', 'officedocument.wordprocessingml.numbering+xml') +
    override('/word/settings.xml', 'officedocument.wordprocessingml.settings+xml') +
    override('/docProps/core.xml', 'package.core-properties+xml') +
    '</Types>'
  );
}

export function packageRelsXml(): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '</Relationships>'
  );
}

/** Relationship ids rId1..rId3 are taken by these parts; hyperlinks are numbered after them. */
export const FIRST_HYPERLINK_REL = 4;

export function documentRelsXml(hyperlinks: Array<{ id: string; href: string }>): string {
  const links = hyperlinks
    .map(
      ({ id, href }) =>
        `<Relationship Id="${id}" Type="${REL_TYPE}/hyperlink" Target="${escapeXml(href)}" TargetMode="External"/>`,
    )
    .join('');
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_TYPE}/numbering" Target="numbering.xml"/>` +
    `<Relationship Id="rId3" Type="${REL_TYPE}/settings" Target="settings.xml"/>` +
    links +
    '</Relationships>'
  );
}

export function corePropertiesXml(meta: ResolvedMeta): string {
  const date = isoSeconds(meta.date);
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(meta.title)}</dc:title>` +
    `<dc:language>${escapeXml(meta.locale.tag)}</dc:language>` +
    '<dc:creator>Boussole</dc:creator>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function settingsXml(meta: ResolvedMeta): string {
  const lang = escapeXml(meta.locale.tag);
  // French conventions for numbers typed in fields; compatibilityMode 15 keeps Word out of
  // "compatibility mode".
  const french = meta.locale.language === 'fr';
  return (
    XML_DECLARATION +
    `<w:settings xmlns:w="${W_NS}">` +
    '<w:defaultTabStop w:val="708"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    `<w:themeFontLang w:val="${lang}"/>` +
    (french ? '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>' : '') +
    '</w:settings>'
  );
}

const HEADING_SIZES = [32, 28, 26, 24, 22, 22]; // half-points

function headingStyle(level: number): string {
  const size = HEADING_SIZES[level - 1]!;
  return (
    `<w:style w:type="paragraph" w:styleId="${STYLE.heading(level)}">` +
    `<w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
    '<w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>' +
    `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${level <= 2 ? 360 : 240}" w:after="120"/>` +
    `<w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
    `<w:rPr><w:b/><w:bCs/>${level === 6 ? '<w:i/><w:iCs/>' : ''}<w:color w:val="1F3864"/>` +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>` +
    '</w:style>'
  );
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="808080"';

export function stylesXml(meta: ResolvedMeta): string {
  const lang = escapeXml(meta.locale.tag);
  const fonts = (font: string) =>
    `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`;
  return (
    XML_DECLARATION +
    `<w:styles xmlns:w="${W_NS}">` +
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr>${fonts(FONT)}<w:sz w:val="22"/><w:szCs w:val="22"/>` +
    `<w:lang w:val="${lang}" w:eastAsia="${lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>' +
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>' +
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>' +
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    `<w:style w:type="paragraph" w:styleId="${STYLE.title}"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>` +
    '<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>' +
    '<w:pPr><w:spacing w:after="240"/><w:contextualSpacing/></w:pPr>' +
    '<w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>' +
    [1, 2, 3, 4, 5, 6].map(headingStyle).join('') +
    `<w:style w:type="paragraph" w:styleId="${STYLE.listParagraph}"><w:name w:val="List Paragraph"/>` +
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/>' +
    `<w:pPr><w:spacing w:after="60"/><w:ind w:left="${LIST_INDENT}"/><w:contextualSpacing/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="${STYLE.quote}"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>` +
    '<w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/>' +
    '<w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="A6A6A6"/></w:pBdr>' +
    `<w:ind w:left="${QUOTE_INDENT}" w:right="${QUOTE_INDENT}"/></w:pPr>` +
    '<w:rPr><w:i/><w:iCs/><w:color w:val="404040"/></w:rPr></w:style>' +
    `<w:style w:type="paragraph" w:styleId="${STYLE.code}"><w:name w:val="Preformatted Text"/>` +
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>' +
    '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr>' +
    `<w:rPr>${fonts(MONO_FONT)}<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>` +
    `<w:style w:type="character" w:styleId="${STYLE.hyperlink}"><w:name w:val="Hyperlink"/>` +
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>' +
    '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>' +
    `<w:style w:type="character" w:styleId="${STYLE.inlineCode}"><w:name w:val="Verbatim Char"/>` +
    `<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:rPr>${fonts(MONO_FONT)}</w:rPr></w:style>` +
    `<w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
    '<w:uiPriority w:val="39"/><w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>' +
    `<w:tblPr><w:tblBorders>${tableBorders()}</w:tblBorders></w:tblPr></w:style>` +
    '</w:styles>'
  );
}

/** Table borders, also repeated on each table for readers that ignore table styles. */
export function tableBorders(): string {
  return ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} ${BORDER}/>`)
    .join('');
}

/** A list instance: its own w:num, so that each ordered list restarts at its own start. */
export interface NumberingInstance {
  ordered: boolean;
  start: number;
  level: number;
}

const BULLET_ABSTRACT = 0;
const DECIMAL_ABSTRACT = 1;
const BULLETS = ['•', '◦', '▪'];

function abstractNum(id: number, ordered: boolean): string {
  const levels = Array.from({ length: 9 }, (_, level) => {
    const format = ordered
      ? `<w:numFmt w:val="decimal"/><w:lvlText w:val="%${level + 1}."/>`
      : `<w:numFmt w:val="bullet"/><w:lvlText w:val="${BULLETS[level % BULLETS.length]}"/>`;
    return (
      `<w:lvl w:ilvl="${level}"><w:start w:val="1"/>${format}<w:lvlJc w:val="left"/>` +
      `<w:pPr><w:ind w:left="${LIST_INDENT * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>`
    );
  });
  return (
    `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>` +
    `${levels.join('')}</w:abstractNum>`
  );
}

/** numId n (from 1) is `instances[n - 1]`. */
export function numberingXml(instances: NumberingInstance[]): string {
  const nums = instances.map((instance, index) => {
    const abstract = instance.ordered ? DECIMAL_ABSTRACT : BULLET_ABSTRACT;
    // Word carries counters over between w:num sharing an abstract definition unless told to
    // restart: the override makes every ordered list start at its own number.
    const restart = instance.ordered
      ? `<w:lvlOverride w:ilvl="${instance.level}"><w:startOverride w:val="${instance.start}"/></w:lvlOverride>`
      : '';
    return `<w:num w:numId="${index + 1}"><w:abstractNumId w:val="${abstract}"/>${restart}</w:num>`;
  });
  return (
    XML_DECLARATION +
    `<w:numbering xmlns:w="${W_NS}">` +
    abstractNum(BULLET_ABSTRACT, false) +
    abstractNum(DECIMAL_ABSTRACT, true) +
    nums.join('') +
    '</w:numbering>'
  );
}
