import type * as Y from 'yjs';
import type { TestClient } from './clients.js';

/**
 * Edits for crash tests: a writer adds one uniquely named entry per transaction (so one
 * update frame each) to a Y.Map, and an observer records every entry name it receives.
 */
export const ENTRIES = 'entries';

export interface StreamingWriter {
  /** How many entries the writer created (sent or still queued locally). */
  readonly written: number;
  stop(): void;
}

/** Add `entry-N` every `everyMs` milliseconds until stopped. */
export function writeContinuously(client: TestClient, everyMs = 2): StreamingWriter {
  const entries = client.doc.getMap<number>(ENTRIES);
  let written = 0;
  const timer = setInterval(() => {
    // A few entries per tick, each its own transaction, so the server sees many small frames.
    for (let i = 0; i < 3; i++) {
      written++;
      entries.set(`entry-${written}`, written);
    }
  }, everyMs);
  return {
    get written() {
      return written;
    },
    stop: () => clearInterval(timer),
  };
}

/** Every entry name this client receives from others, as it arrives. */
export function recordEntries(doc: Y.Doc): Set<string> {
  const seen = new Set<string>();
  for (const key of doc.getMap(ENTRIES).keys()) seen.add(key);
  doc.getMap(ENTRIES).observe((event) => {
    for (const key of event.keysChanged) seen.add(key);
  });
  return seen;
}

export function entryNames(doc: Y.Doc): Set<string> {
  return new Set(doc.getMap(ENTRIES).keys());
}
