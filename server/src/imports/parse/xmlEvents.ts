/**
 * A minimal XML tokenizer for content.xml: start tags, end tags and text, in document order.
 * fast-xml-parser builds the whole tree at once and took two seconds of blocked event loop
 * for a 10,000-row sheet (13 MB of XML); this takes a tenth of that, and its caller can hand
 * the event loop back between rows. It expands only XML's five entities and character
 * references (never DOCTYPE-declared ones), skips comments, processing instructions and
 * DOCTYPE, and passes CDATA on as text. It does not check well-formedness: a damaged file
 * gives a damaged table, which the person sees in the preview.
 */

export type XmlEvent =
  | { type: 'open'; name: string; attributes: string; empty: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const token =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][\s\S]*?>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;

export function* xmlEvents(xml: string): Generator<XmlEvent> {
  for (const match of xml.matchAll(token)) {
    const [whole, cdata, slash, name, attributes, empty, text] = match;
    if (name !== undefined) {
      if (slash) yield { type: 'close', name: localName(name) };
      else
        yield { type: 'open', name: localName(name), attributes: attributes ?? '', empty: !!empty };
    } else if (text !== undefined) yield { type: 'text', text: decodeEntities(text) };
    else if (cdata !== undefined) yield { type: 'text', text: cdata };
    else if (whole === '<') yield { type: 'text', text: '<' };
  }
}

/** `table:table-cell` → `table-cell`: producers may pick other prefixes than LibreOffice's. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** An element's attributes by local name, values decoded. */
export function parseAttributes(raw: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, doubleQuoted, singleQuoted] of raw.matchAll(attribute))
    attributes.set(localName(name!), decodeEntities(doubleQuoted ?? singleQuoted ?? ''));
  return attributes;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code =
        entity[1] === 'x'
          ? Number.parseInt(entity.slice(2), 16)
          : Number.parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[entity] ?? whole;
  });
}
