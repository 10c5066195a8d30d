import type { BenchIdentity } from './awarenessFrames.js';
import type { ClientCounters } from './benchClient.js';

/** What a client group (one worker thread) is told for each scenario. */
export interface GroupSetup {
  collabUrl: string;
  room: string;
  /** The `Cookie` header every client sends on its upgrade (Boussole); none for the reference. */
  cookie?: string;
  /** Who that cookie signs in (Boussole): clients publish it as their awareness user. */
  identity?: BenchIdentity;
  /** Clients in the whole room, writers among them, and the first light observer's index. */
  clients: number;
  writers: number;
  firstLight: number;
  /** This group's clients. */
  indexes: number[];
  writeHz: number;
  awarenessHz: number;
  connectTimeoutMs: number;
}

/** Commands from the main thread; each gets exactly one reply with the same id. */
export type GroupCommand = { id: number } & (
  | { type: 'setup'; setup: GroupSetup }
  | { type: 'connect' }
  | { type: 'start' }
  | { type: 'markWindowStart' }
  | { type: 'endWindow' }
  | { type: 'setWindow'; first: number[]; last: number[] }
  | { type: 'count' }
  | { type: 'report' }
  | { type: 'close' }
);

export type GroupReply = { id: number } & (
  | { type: 'ok' }
  | { type: 'synced'; syncedAt: number[]; failures: string[] }
  | {
      type: 'windowEnded';
      sends: Float64Array;
      counters: ClientCounters;
      eventLoopDelayMs: { p99: number; max: number };
      /** Share of the window this thread's event loop was busy (0–1). */
      eventLoopUtilization: number;
    }
  | { type: 'count'; inWindow: number }
  | { type: 'report'; receipts: Float64Array; duplicates: number; unexpectedCloses: number }
  | { type: 'failed'; message: string }
);

/** A command or reply before the id is attached (spread over the union's members). */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
