/**
 * Every benchmark update carries a marker `@@T<writer>:<seq>@@`. Yjs (update format v1) writes
 * strings as plain UTF-8, so a light client finds markers in the received bytes without decoding
 * Yjs, and a full client reads the same marker from the value it observed.
 */
export function markerFor(writer: number, seq: number): string {
  return `@@T${writer}:${seq}@@`;
}

const AT = 0x40;
const T = 0x54;
const COLON = 0x3a;
const ZERO = 0x30;
const NINE = 0x39;

/** Calls `found` for every marker in `bytes`, in order. */
export function scanMarkers(
  bytes: Uint8Array,
  found: (writer: number, seq: number) => void,
  from = 0,
): void {
  const end = bytes.length;
  let i = from;
  while (i < end) {
    i = bytes.indexOf(AT, i);
    if (i < 0 || i + 3 >= end) return;
    if (bytes[i + 1] !== AT || bytes[i + 2] !== T) {
      i += 1;
      continue;
    }
    let j = i + 3;
    let writer = 0;
    let digits = 0;
    for (let c = bytes[j]; c !== undefined && c >= ZERO && c <= NINE; c = bytes[++j]) {
      writer = writer * 10 + (c - ZERO);
      digits += 1;
    }
    if (digits === 0 || bytes[j] !== COLON) {
      i += 3;
      continue;
    }
    j += 1;
    let seq = 0;
    digits = 0;
    for (let c = bytes[j]; c !== undefined && c >= ZERO && c <= NINE; c = bytes[++j]) {
      seq = seq * 10 + (c - ZERO);
      digits += 1;
    }
    if (digits > 0 && bytes[j] === AT && bytes[j + 1] === AT) found(writer, seq);
    i = j;
  }
}

/** The marker in a string, or undefined. */
export function parseMarker(text: string): { writer: number; seq: number } | undefined {
  const match = /^@@T(\d+):(\d+)@@$/.exec(text);
  if (!match) return undefined;
  return { writer: Number(match[1]), seq: Number(match[2]) };
}
