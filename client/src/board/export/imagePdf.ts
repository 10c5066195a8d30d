/**
 * A one-page PDF holding one JPEG image under a header (a title and a line of text), written by
 * hand: the JPEG goes in as it is (DCTDecode, no re-encoding) and the text uses Helvetica, one
 * of the fonts every PDF reader has, so no font and no library ship with the client.
 */

export interface JpegInfo {
  width: number;
  height: number;
  /** 1 grey, 3 RGB, 4 CMYK. */
  components: number;
}

/** The size and colour channels of a JPEG, from its frame header (SOFn). */
export function readJpegInfo(jpeg: Uint8Array): JpegInfo {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) throw new Error('corrupt JPEG marker');
    const marker = jpeg[at + 1]!;
    // Fill bytes, and markers without a length (RSTn, TEM).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 10 > jpeg.length) break;
      return {
        height: (jpeg[at + 5]! << 8) | jpeg[at + 6]!,
        width: (jpeg[at + 7]! << 8) | jpeg[at + 8]!,
        components: jpeg[at + 9]!,
      };
    }
    at += 2 + length;
  }
  throw new Error('JPEG without a frame header');
}

/** Windows-1252 code points 0x80–0x9F (WinAnsiEncoding), for the typographic characters. */
const winAnsiHigh = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * A PDF string literal in WinAnsiEncoding: Latin-1 and the typographic quotes and dashes kept,
 * anything else (emoji, other scripts) as « ? »; bytes above 0x7E written as octal escapes so
 * the page content stays ASCII.
 */
export function pdfWinAnsiString(text: string): string {
  let out = '(';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    let byte: number;
    if (code >= 0x20 && code <= 0x7e) byte = code;
    else if (code >= 0xa0 && code <= 0xff) byte = code;
    else {
      const high = winAnsiHigh.indexOf(char);
      byte = high >= 0 && code > 0xff ? 0x80 + high : 0x3f;
    }
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte > 0x7e) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

/** A text string for the document's information dictionary (any character, UTF-16BE). */
function pdfUtf16String(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/** PDF readers (Acrobat) refuse pages over 200 inches a side. */
export const MAX_PAGE_POINTS = 14_400;
/** A pixel is 0.75 point at 96 dpi: the image prints at the size it has on screen. */
const POINTS_PER_PIXEL = 0.75;

export interface ImagePdfInput {
  jpeg: Uint8Array;
  /** Printed in bold at the top (the board's title), and the document's Title. */
  title: string;
  /** A smaller line under it (the date, « sélection »). */
  subtitle: string;
  /** The document's creation date. */
  date: Date;
}

export interface PdfLayout {
  pageWidth: number;
  pageHeight: number;
  imageWidth: number;
  imageHeight: number;
  margin: number;
  titleSize: number;
  /** How many of the title's characters fit on the line. */
  titleChars: number;
  subtitleSize: number;
  headerHeight: number;
}

/** Helvetica averages a little over half an em per character: enough to keep the title in. */
const AVERAGE_CHAR_EM = 0.56;

/** Below this the title is cut (with « … ») rather than shrunk further. */
const MIN_TITLE_SIZE = 9;

/** The page: the image at its screen size (smaller if the page would be too big), header on top. */
export function imagePdfLayout(image: JpegInfo, titleLength: number): PdfLayout {
  const margin = 24;
  const maxTitle = 40;
  const maxHeader = Math.round(maxTitle * 2.4 + margin);
  const scale = Math.min(
    POINTS_PER_PIXEL,
    (MAX_PAGE_POINTS - 2 * margin) / image.width,
    (MAX_PAGE_POINTS - margin - maxHeader) / image.height,
  );
  const imageWidth = image.width * scale;
  const imageHeight = image.height * scale;
  const pageWidth = Math.max(imageWidth + 2 * margin, 300);
  const room = pageWidth - 2 * margin;
  const wanted = Math.min(maxTitle, Math.max(14, imageWidth / 45));
  const fitting = room / (Math.max(1, titleLength) * AVERAGE_CHAR_EM);
  const titleSize = Math.max(MIN_TITLE_SIZE, Math.min(wanted, fitting));
  const titleChars = Math.min(titleLength, Math.floor(room / (titleSize * AVERAGE_CHAR_EM) + 1e-6));
  const headerHeight = Math.round(titleSize * 2.4 + margin);
  return {
    pageWidth,
    pageHeight: imageHeight + margin + headerHeight,
    imageWidth,
    imageHeight,
    margin,
    titleSize,
    titleChars,
    subtitleSize: Math.max(6, titleSize * 0.6),
    headerHeight,
  };
}

const n = (value: number) => (Math.round(value * 100) / 100).toString();

function pdfDate(date: Date): string {
  const p = (v: number) => v.toString().padStart(2, '0');
  return `D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(
    date.getUTCHours(),
  )}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
}

/** The PDF's bytes. */
export function imagePdf({ jpeg, title, subtitle, date }: ImagePdfInput): Uint8Array {
  const info = readJpegInfo(jpeg);
  const colorSpace =
    info.components === 1 ? '/DeviceGray' : info.components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
  const chars = [...title];
  const layout = imagePdfLayout(info, chars.length);
  const printedTitle =
    layout.titleChars < chars.length
      ? `${chars.slice(0, Math.max(0, layout.titleChars - 1)).join('')}…`
      : title;
  const { pageWidth, pageHeight, margin, titleSize, subtitleSize } = layout;
  const titleBaseline = pageHeight - margin - titleSize;
  const subtitleBaseline = titleBaseline - titleSize * 1.2;
  const content = [
    'BT',
    `/F2 ${n(titleSize)} Tf`,
    `${n(margin)} ${n(titleBaseline)} Td`,
    `${pdfWinAnsiString(printedTitle)} Tj`,
    'ET',
    'BT',
    `/F1 ${n(subtitleSize)} Tf`,
    `${n(margin)} ${n(subtitleBaseline)} Td`,
    `${pdfWinAnsiString(subtitle)} Tj`,
    'ET',
    'q',
    `${n(layout.imageWidth)} 0 0 ${n(layout.imageHeight)} ${n(margin)} ${n(margin)} cm`,
    '/Im1 Do',
    'Q',
  ].join('\n');

  const encoder = new TextEncoder();
  const font = (name: string) =>
    `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
  // Objects in order: their number is their index + 1.
  const objects: (string | { head: string; stream: Uint8Array })[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${n(pageWidth)} ${n(pageHeight)}] ` +
      '/Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /Im1 7 0 R >> >> ' +
      '/Contents 4 0 R >>',
    { head: '', stream: encoder.encode(content) },
    font('Helvetica'),
    font('Helvetica-Bold'),
    {
      head:
        `/Type /XObject /Subtype /Image /Width ${info.width} /Height ${info.height} ` +
        `/ColorSpace ${colorSpace} /BitsPerComponent 8 /Filter /DCTDecode` +
        // Adobe's CMYK JPEGs are stored inverted.
        (info.components === 4 ? ' /Decode [1 0 1 0 1 0 1 0]' : ''),
      stream: jpeg,
    },
    `<< /Title ${pdfUtf16String(title)} /Producer (Boussole) /CreationDate (${pdfDate(date)}) >>`,
  ];

  const chunks: Uint8Array[] = [];
  let length = 0;
  const push = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  // The binary comment tells transfer tools the file is binary.
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    push(`${index + 1} 0 obj\n`);
    if (typeof object === 'string') push(`${object}\n`);
    else {
      push(`<< ${object.head} /Length ${object.stream.length} >>\nstream\n`);
      push(object.stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) push(`${offset.toString().padStart(10, '0')} 00000 n \n`);
  push(
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n` +
      `startxref\n${xref}\n%%EOF\n`,
  );

  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
