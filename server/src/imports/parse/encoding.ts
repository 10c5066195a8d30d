import { isUtf8 } from 'node:buffer';
import type { ImportEncoding } from '@boussole/shared';

/**
 * Which encoding a text export is in. Valid UTF-8 (with or without BOM) is UTF-8: legacy French
 * text is almost never valid UTF-8 by accident. Otherwise it is one of the two 8-bit encodings
 * French spreadsheets save in, told apart by the few bytes where they differ:
 * - 0x80–0x9F are printable in Windows-1252 (€ ’ œ « … ) and unused control codes in ISO-8859-15;
 * - 0xA4, 0xBC, 0xBD, 0xBE are € Œ œ Ÿ in ISO-8859-15 but ¤ ¼ ½ ¾ in Windows-1252, which
 *   French text hardly ever uses.
 * When nothing tells them apart the two decode the text identically; Windows-1252 (what French
 * Excel writes) is then reported.
 */

const SAMPLE_BYTES = 1024 * 1024;
const ISO_8859_15_ONLY = new Set([0xa4, 0xbc, 0xbd, 0xbe]);

export function detectEncoding(bytes: Uint8Array): ImportEncoding {
  if (isUtf8(bytes)) return 'utf-8';
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let windows1252Evidence = 0;
  let iso885915Evidence = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b >= 0x80 && b <= 0x9f) windows1252Evidence++;
    else if (ISO_8859_15_ONLY.has(b)) iso885915Evidence++;
  }
  if (windows1252Evidence === 0 && iso885915Evidence > 0) return 'iso-8859-15';
  return 'windows-1252';
}

/**
 * Decodes in the given encoding without ever failing: bytes that are not UTF-8 become U+FFFD,
 * so a wrongly forced encoding shows as replacement characters in the preview rather than an
 * error. A UTF-8 byte order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, encoding: ImportEncoding): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Node 20's TextDecoder('windows-1252') decodes ISO-8859-1 instead (0x80 gives U+0080, not €),
 * so the 32 bytes where they differ are mapped here, as the WHATWG Encoding table does; the five
 * bytes Windows-1252 leaves undefined stay C1 controls.
 */
const WINDOWS_1252_80_9F = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]!);
}
