/** What the scenario needs from a client, full (Yjs + official provider) or light (raw). */
export interface BenchClient {
  index: number;
  kind: 'writer' | 'full' | 'light';
  /** Resolves with the time the client received the server's sync step 2. */
  synced: Promise<number>;
  /** Send one cursor position (awareness) for this tick. */
  sendAwareness(tick: number): void;
  /** Writers only: make one edit carrying the marker of `seq`. */
  write(seq: number): void;
  close(): void;
}

/** Traffic seen by all the harness's clients together. */
export interface ClientCounters {
  framesReceived: number;
  bytesReceived: number;
  awarenessFramesReceived: number;
  unexpectedCloses: number;
}

export function newCounters(): ClientCounters {
  return { framesReceived: 0, bytesReceived: 0, awarenessFramesReceived: 0, unexpectedCloses: 0 };
}
