import * as encoding from 'lib0/encoding';

/**
 * An awareness update written by hand, entry by entry: [client id, clock, JSON state]. Tests
 * use it to send what no honest Awareness would encode (foreign ids, stale clocks, bad JSON).
 */
export function awarenessEntries(list: [number, number, string][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, list.length);
  for (const [id, clock, json] of list) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return encoding.toUint8Array(e);
}
