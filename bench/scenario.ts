import os from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { newCounters, type ClientCounters } from './benchClient.js';
import { latencyFigures, now, windowRanges, type LatencyFigures } from './fanout.js';
import type { GroupHandle } from './groups.js';
import { cpuPercent, machineBusyCpuMs, peakRssBytes, processCpuMs } from './procStats.js';
import type { BenchServer, ServerKind } from './servers.js';
import { distribution } from './stats.js';

export interface ScenarioOptions {
  clients: number;
  /** Edits per second per writer, and cursor moves per second per client. */
  writeHz: number;
  awarenessHz: number;
  warmupMs: number;
  measureMs: number;
  /** After the window: how long in-flight updates may still arrive. */
  drainMs: number;
  /** Rooms up to this size are all full Yjs clients; larger ones are mostly light observers. */
  maxFullClients: number;
  /** In a larger room: how many full observers besides the writers. */
  fullObserversInLargeRooms: number;
  connectTimeoutMs: number;
}

export interface ScenarioResult extends Omit<LatencyFigures, 'receipts'> {
  /** Which of the repeated runs of this (server, N) it was, from 1. */
  run?: number;
  server: ServerKind;
  clients: number;
  writers: number;
  fullObservers: number;
  lightObservers: number;
  threads: number;
  loadAverage: number[];
  connect: { p50Ms: number; maxMs: number; failures: number; firstFailure?: string };
  updatesSent: number;
  expectedReceipts: number;
  receipts: number;
  deliveredRatio: number;
  duplicates: number;
  serverCpuPercent: number;
  serverPeakRssBytes: number;
  /** All harness threads together, as a percentage of one core. */
  harnessCpuPercent: number;
  /** The worst client thread's event-loop delay: how late the harness may timestamp. */
  harnessEventLoopDelayMs: { p99: number; max: number };
  /** How busy the busiest client thread was (0–1): near 1, the harness is the bottleneck. */
  harnessBusiestThreadUtilization: number;
  /**
   * CPU the machine spent on anything but the server and the harness during the window (other
   * processes, and interrupt work not charged to a process), % of one core.
   */
  otherProcessesCpuPercent: number;
  received: { framesPerSecond: number; awarenessFramesPerSecond: number; bytesPerSecond: number };
  unexpectedCloses: number;
}

export function clientMix(clients: number, options: ScenarioOptions) {
  const writers = Math.max(1, Math.round(clients / 10));
  const fullObservers =
    clients <= options.maxFullClients
      ? clients - writers
      : Math.min(clients - writers, options.fullObserversInLargeRooms);
  return { writers, fullObservers, lightObservers: clients - writers - fullObservers };
}

/**
 * N clients in one fresh room of `server`, spread over the worker threads of `groups`:
 * connect, warm up, measure, drain, report.
 */
export async function runScenario(
  server: BenchServer,
  groups: readonly GroupHandle[],
  options: ScenarioOptions,
): Promise<ScenarioResult> {
  const { clients: n } = options;
  const mix = clientMix(n, options);
  const firstLight = mix.writers + mix.fullObservers;
  const room = server.room ?? `bench-${n}-${Date.now().toString(36)}`;
  const loadAverage = os.loadavg();
  const threads = groups.length;
  const all = <T>(fn: (group: GroupHandle, g: number) => Promise<T>) => Promise.all(groups.map(fn));

  try {
    await all((group, g) =>
      group.request(
        {
          type: 'setup',
          setup: {
            collabUrl: server.collabUrl,
            room,
            ...(server.cookie ? { cookie: server.cookie } : {}),
            ...(server.identity ? { identity: server.identity } : {}),
            clients: n,
            writers: mix.writers,
            firstLight,
            // Round-robin: every thread gets its share of writers, full and light clients.
            indexes: Array.from({ length: n }, (_, i) => i).filter((i) => i % threads === g),
            writeHz: options.writeHz,
            awarenessHz: options.awarenessHz,
            connectTimeoutMs: options.connectTimeoutMs,
          },
        },
        'ok',
      ),
    );
    const connectStart = now();
    const synced = await all((g) =>
      g.request({ type: 'connect' }, 'synced', options.connectTimeoutMs + 10_000),
    );
    const connect = distribution(synced.flatMap((s) => s.syncedAt.map((at) => at - connectStart)));
    const failures = synced.flatMap((s) => s.failures);

    await all((g) => g.request({ type: 'start' }, 'ok'));
    await delay(options.warmupMs);

    const serverCpuAtStart = processCpuMs(server.pid);
    const harnessCpuAtStart = process.cpuUsage();
    const machineCpuAtStart = machineBusyCpuMs();
    const windowStart = now();
    await all((g) => g.request({ type: 'markWindowStart' }, 'ok'));

    await delay(options.measureMs);

    const windowEnd = now();
    const serverCpuMs = processCpuMs(server.pid) - serverCpuAtStart;
    const harnessCpu = process.cpuUsage(harnessCpuAtStart);
    const harnessCpuMs = (harnessCpu.user + harnessCpu.system) / 1000;
    const othersCpuMs = machineBusyCpuMs() - machineCpuAtStart - serverCpuMs - harnessCpuMs;
    const windowMs = windowEnd - windowStart;
    const ended = await all((g) => g.request({ type: 'endWindow' }, 'windowEnded'));

    // Traffic has stopped: give the updates still in flight a bounded time to arrive.
    const sends = ended.map((e) => e.sends);
    const range = windowRanges(sends, mix.writers, windowStart, windowEnd);
    const expected = range.count * (n - 1);
    await all((g) => g.request({ type: 'setWindow', first: range.first, last: range.last }, 'ok'));
    const drainDeadline = Date.now() + options.drainMs;
    for (;;) {
      const counts = await all((g) => g.request({ type: 'count' }, 'count'));
      if (counts.reduce((sum, c) => sum + c.inWindow, 0) >= expected) break;
      if (Date.now() > drainDeadline) break;
      await delay(50);
    }

    const reports = await all((g) => g.request({ type: 'report' }, 'report'));
    const figures = latencyFigures(
      reports.map((r) => r.receipts),
      range.sendAt,
      firstLight,
      windowStart,
    );
    const counters = sumCounters(ended.map((e) => e.counters));
    const seconds = windowMs / 1000;
    return {
      server: server.kind,
      clients: n,
      ...mix,
      threads,
      loadAverage,
      connect: {
        p50Ms: connect.p50,
        maxMs: connect.max,
        failures: failures.length,
        ...(failures[0] ? { firstFailure: failures[0] } : {}),
      },
      updatesSent: range.count,
      expectedReceipts: expected,
      ...figures,
      deliveredRatio: expected > 0 ? figures.receipts / expected : NaN,
      duplicates: reports.reduce((sum, r) => sum + r.duplicates, 0),
      serverCpuPercent: cpuPercent(serverCpuMs, windowMs),
      serverPeakRssBytes: peakRssBytes(server.pid),
      harnessCpuPercent: cpuPercent(harnessCpuMs, windowMs),
      harnessEventLoopDelayMs: {
        p99: Math.max(...ended.map((e) => e.eventLoopDelayMs.p99)),
        max: Math.max(...ended.map((e) => e.eventLoopDelayMs.max)),
      },
      harnessBusiestThreadUtilization: Math.max(...ended.map((e) => e.eventLoopUtilization)),
      otherProcessesCpuPercent: cpuPercent(othersCpuMs, windowMs),
      received: {
        framesPerSecond: counters.framesReceived / seconds,
        awarenessFramesPerSecond: counters.awarenessFramesReceived / seconds,
        bytesPerSecond: counters.bytesReceived / seconds,
      },
      unexpectedCloses: reports.reduce((sum, r) => sum + r.unexpectedCloses, 0),
    };
  } finally {
    await all((g) => g.closeClients());
  }
}

function sumCounters(list: readonly ClientCounters[]): ClientCounters {
  const total = newCounters();
  for (const counters of list) {
    for (const key of Object.keys(total) as (keyof ClientCounters)[]) total[key] += counters[key];
  }
  return total;
}
