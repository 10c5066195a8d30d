import { distribution, type Distribution } from './stats.js';

/**
 * Milliseconds on the system's monotonic clock: the same clock in every thread and process of
 * this machine, so a send timestamped in one worker compares with a receipt in another.
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** What a client needs to report: sends (writers) and receipts (everyone). */
export interface FanoutSink {
  sent(writer: number, seq: number, at: number): void;
  received(receiver: number, writer: number, seq: number, at: number): void;
}

/**
 * Sends and receipts of one group of clients, kept flat for a cheap transfer to the main
 * thread. Updates from one writer arrive in order, so a receiver ignores any seq it has passed.
 */
export class GroupRecorder implements FanoutSink {
  /** [writer, seq, at] triples. */
  readonly sends: number[] = [];
  /** [receiver, writer, seq, at] quadruples. */
  readonly receipts: number[] = [];
  duplicates = 0;
  /** Receipts of updates in the measured window, once the window is known. */
  inWindow = 0;
  private readonly lastSeen = new Map<number, Int32Array>();
  private window: { first: number[]; last: number[] } | undefined;

  constructor(private readonly writers: number) {}

  sent(writer: number, seq: number, at: number): void {
    this.sends.push(writer, seq, at);
  }

  received(receiver: number, writer: number, seq: number, at: number): void {
    if (receiver === writer || writer >= this.writers) return;
    let seen = this.lastSeen.get(receiver);
    if (!seen) this.lastSeen.set(receiver, (seen = new Int32Array(this.writers).fill(-1)));
    if (seq <= seen[writer]!) {
      this.duplicates += 1;
      return;
    }
    seen[writer] = seq;
    this.receipts.push(receiver, writer, seq, at);
    if (this.window && this.isInWindow(writer, seq)) this.inWindow += 1;
  }

  /** The seq range each writer sent during the window (first > last: none). */
  setWindow(first: number[], last: number[]): void {
    this.window = { first, last };
    this.inWindow = 0;
    for (let i = 0; i < this.receipts.length; i += 4) {
      if (this.isInWindow(this.receipts[i + 1]!, this.receipts[i + 2]!)) this.inWindow += 1;
    }
  }

  private isInWindow(writer: number, seq: number): boolean {
    return seq >= this.window!.first[writer]! && seq <= this.window!.last[writer]!;
  }
}

/** Each writer's first and last seq sent in [start, end), from every group's sends. */
export function windowRanges(
  sends: readonly Float64Array[],
  writers: number,
  start: number,
  end: number,
) {
  const first = new Array<number>(writers).fill(Number.MAX_SAFE_INTEGER);
  const last = new Array<number>(writers).fill(-1);
  const sendAt = Array.from({ length: writers }, () => new Map<number, number>());
  let count = 0;
  for (const triples of sends) {
    for (let i = 0; i < triples.length; i += 3) {
      const writer = triples[i]!;
      const seq = triples[i + 1]!;
      const at = triples[i + 2]!;
      if (at < start || at >= end) continue;
      count += 1;
      sendAt[writer]!.set(seq, at);
      first[writer] = Math.min(first[writer]!, seq);
      last[writer] = Math.max(last[writer]!, seq);
    }
  }
  return { first, last, sendAt, count };
}

export interface LatencyFigures {
  receipts: number;
  /** Every latency, for pooling repeated runs; left out of the JSON file. */
  latencySamples: Float64Array;
  latencyMs: Distribution;
  /** The same, split by where it was measured: full Yjs clients, light observers. */
  latencyByClientKindMs: { full: Distribution; light: Distribution };
  /** Latency of the updates sent in each second of the window: a backlog shows as a climb. */
  latencyBySecondMs: (Distribution & { second: number })[];
}

/** Latencies of the receipts of updates sent in the window. */
export function latencyFigures(
  receipts: readonly Float64Array[],
  sendAt: readonly Map<number, number>[],
  firstLight: number,
  windowStart: number,
): LatencyFigures {
  const all: number[] = [];
  const full: number[] = [];
  const light: number[] = [];
  const bySecond: number[][] = [];
  for (const quads of receipts) {
    for (let i = 0; i < quads.length; i += 4) {
      const sentAt = sendAt[quads[i + 1]!]?.get(quads[i + 2]!);
      if (sentAt === undefined) continue;
      const latency = quads[i + 3]! - sentAt;
      all.push(latency);
      (quads[i]! >= firstLight ? light : full).push(latency);
      (bySecond[Math.floor((sentAt - windowStart) / 1000)] ??= []).push(latency);
    }
  }
  return {
    receipts: all.length,
    latencySamples: Float64Array.from(all),
    latencyMs: distribution(all),
    latencyByClientKindMs: { full: distribution(full), light: distribution(light) },
    latencyBySecondMs: [...bySecond.entries()].map(([second, values]) => ({
      second,
      ...distribution(values ?? []),
    })),
  };
}
