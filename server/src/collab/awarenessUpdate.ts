import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';

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

/**
 * True when applying this awareness update could change nothing: every entry carries a clock
 * the room has already seen for that client (y-protocols ignores such entries). The official
 * provider re-sends every presence update it receives (yjs/yjs#732), so in a busy room most
 * awareness frames a server reads are such echoes; recognising them from their clocks alone
 * spares parsing, stamping and applying each of their states.
 *
 * Any doubt answers false and leaves the update to the strict path, which refuses what is
 * malformed: a frame that does not decode to the end, or an equal-clock entry that may be a
 * removal (y-protocols applies a `null` state at the current clock).
 */
export function changesNothing(update: Uint8Array, awareness: Awareness): boolean {
  try {
    const decoder = decoding.createDecoder(update);
    const entries = decoding.readVarUint(decoder);
    if (entries === 0) return false;
    for (let i = 0; i < entries; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarUint8Array(decoder);
      const known = awareness.meta.get(clientId)?.clock ?? 0;
      if (clock > known) return false;
      if (clock === known && state.length <= MAX_NULL_SPELLING && awareness.states.has(clientId))
        return false;
    }
    return !decoding.hasContent(decoder);
  } catch {
    return false;
  }
}

/** `null` with some whitespace around it: such a state at the current clock is a removal. */
const MAX_NULL_SPELLING = 16;
