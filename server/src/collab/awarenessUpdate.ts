import * as decoding from 'lib0/decoding';

/**
 * Throws unless every entry of this awareness update decodes. y-protocols'
 * applyAwarenessUpdate stores entries as it reads them and emits its events only at the end,
 * so an update whose second entry is garbage would leave the first one applied without an
 * event: a presence no peer owns, never broadcast, never removed, yet sent to every newcomer.
 */
export function assertAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const entries = decoding.readVarUint(decoder);
  for (let i = 0; i < entries; i++) {
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // clock
    JSON.parse(decoding.readVarString(decoder));
  }
}
