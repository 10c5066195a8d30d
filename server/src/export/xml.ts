/**
 * Escaping shared by every XML-based format (ODT, DOCX) and by HTML. Text reaching these helpers
 * has already been cleaned by `stripInvalidXmlChars` in the report model, but escaping functions
 * strip again so that metadata (title, language) passed straight from callers is safe too.
 */

// XML 1.0 allows only tab, LF, CR and these ranges; anything else (C0 controls, lone surrogates,
// U+FFFE/U+FFFF) makes the whole part unreadable to Word and LibreOffice.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes for both element content and attribute values (double- or single-quoted). */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

const HTML_ENTITIES: Record<string, string> = { ...XML_ENTITIES, "'": '&#39;' };

/** Like escapeXml but with `&#39;`, which every HTML parser (HTML4 included) understands. */
export function escapeHtml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

/** The XML declaration every part starts with; parts are always encoded as UTF-8. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** `name="value"` pairs, escaped, with undefined values left out. */
export function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}
