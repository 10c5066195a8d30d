import {
  monitorEventLoopDelay,
  performance,
  type EventLoopUtilization,
  type IntervalHistogram,
} from 'node:perf_hooks';
import { newCounters, type BenchClient, type ClientCounters } from './benchClient.js';
import { GroupRecorder } from './fanout.js';
import { startFullClient } from './fullClient.js';
import type { GroupCommand, GroupReply, GroupSetup, WithoutId } from './groupProtocol.js';
import { startLightClient } from './lightClient.js';
import { Pacer } from './pacer.js';

type Reply = WithoutId<GroupReply>;

/**
 * Some of the room's clients, run in one worker thread so that the harness can spread its
 * work over several cores. The main thread drives every group through the same steps.
 */
export class ClientGroup {
  private readonly recorder: GroupRecorder;
  private readonly counters = newCounters();
  private readonly clients: BenchClient[] = [];
  private readonly traffic = new Pacer();
  private countersAtStart: ClientCounters = newCounters();
  private eventLoop: IntervalHistogram | undefined;
  private utilizationAtStart: EventLoopUtilization | undefined;

  constructor(private readonly setup: GroupSetup) {
    this.recorder = new GroupRecorder(setup.writers);
  }

  async handle(command: Exclude<GroupCommand, { type: 'setup' }>): Promise<Reply> {
    switch (command.type) {
      case 'connect':
        return this.connect();
      case 'start':
        this.start();
        return { type: 'ok' };
      case 'markWindowStart':
        this.countersAtStart = { ...this.counters };
        this.eventLoop = monitorEventLoopDelay({ resolution: 5 });
        this.eventLoop.enable();
        this.utilizationAtStart = performance.eventLoopUtilization();
        return { type: 'ok' };
      case 'endWindow':
        return this.endWindow();
      case 'setWindow':
        this.recorder.setWindow(command.first, command.last);
        return { type: 'ok' };
      case 'count':
        return { type: 'count', inWindow: this.recorder.inWindow };
      case 'report':
        return {
          type: 'report',
          receipts: Float64Array.from(this.recorder.receipts),
          duplicates: this.recorder.duplicates,
          unexpectedCloses: this.counters.unexpectedCloses,
        };
      case 'close':
        this.close();
        return { type: 'ok' };
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async connect(): Promise<Reply> {
    const { collabUrl, room, cookie, identity, writers, firstLight, connectTimeoutMs } = this.setup;
    for (const index of this.setup.indexes) {
      this.clients.push(
        index < firstLight
          ? startFullClient(
              index,
              index < writers ? 'writer' : 'full',
              collabUrl,
              room,
              this.recorder,
              this.counters,
              cookie,
              identity,
            )
          : startLightClient(
              index,
              `${collabUrl}/${room}`,
              this.recorder,
              this.counters,
              cookie,
              identity,
            ),
      );
    }
    const deadline = new Promise<never>((_, reject) => {
      setTimeout(
        () => reject(new Error(`not synced after ${connectTimeoutMs} ms`)),
        connectTimeoutMs,
      ).unref();
    });
    const settled = await Promise.allSettled(
      this.clients.map((c) => Promise.race([c.synced, deadline])),
    );
    return {
      type: 'synced',
      syncedAt: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
      failures: settled.flatMap((s, i) =>
        s.status === 'rejected' ? [`client ${this.clients[i]?.index}: ${String(s.reason)}`] : [],
      ),
    };
  }

  /**
   * Every client moves its cursor, writers also edit. Phases are spread over the period by
   * room-wide index, so that the room sees a steady stream rather than bursts.
   */
  private start(): void {
    const { clients: n, writers, writeHz, awarenessHz } = this.setup;
    for (const client of this.clients) {
      let tick = 0;
      const offset = (1000 / awarenessHz) * (client.index / n);
      this.traffic.every(awarenessHz, offset, () => client.sendAwareness((tick += 1)));
      if (client.kind === 'writer') {
        let seq = 0;
        const writeOffset = (1000 / writeHz) * (client.index / writers);
        this.traffic.every(writeHz, writeOffset, () => client.write(seq++));
      }
    }
    this.traffic.start();
  }

  /** Stop all traffic; the sends and this group's figures for the window. */
  private endWindow(): Reply {
    this.traffic.stop();
    const eventLoop = this.eventLoop;
    eventLoop?.disable();
    const counters = { ...this.counters };
    for (const key of Object.keys(counters) as (keyof ClientCounters)[]) {
      counters[key] -= this.countersAtStart[key];
    }
    return {
      type: 'windowEnded',
      sends: Float64Array.from(this.recorder.sends),
      counters,
      eventLoopDelayMs: {
        p99: eventLoop ? eventLoop.percentile(99) / 1e6 : NaN,
        max: eventLoop ? eventLoop.max / 1e6 : NaN,
      },
      eventLoopUtilization: this.utilizationAtStart
        ? performance.eventLoopUtilization(this.utilizationAtStart).utilization
        : NaN,
    };
  }

  close(): void {
    this.traffic.stop();
    for (const client of this.clients) client.close();
    this.clients.length = 0;
  }
}
