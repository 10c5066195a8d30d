import os from 'node:os';
import fs from 'node:fs';
import type { ScenarioResult } from './scenario.js';
import { distribution, pooledP99Intervals, type Interval } from './stats.js';
import { describeServer } from './servers.js';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  node: string;
  platform: string;
  memoryGiB: number;
}

export function machineInfo(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) cpuModel = match[1].trim();
  } catch {
    // not Linux: os.cpus() is good enough
  }
  return {
    cpuModel,
    cores: os.availableParallelism(),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 1 : 0) : '—');
const pct = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} %` : '—');
const ratio = (r: ScenarioResult) =>
  Number.isFinite(r.deliveredRatio)
    ? `${(100 * r.deliveredRatio).toFixed(r.deliveredRatio === 1 ? 0 : 2)} % (${r.receipts}/${r.expectedReceipts})`
    : '—';

/** The results as one Markdown table, one row per (server, N). */
export function markdownTable(results: readonly ScenarioResult[]): string {
  const header = [
    'server',
    'N (writers/full/light)',
    'connect+sync p50 / max (ms)',
    'fan-out p50 / p99 / max (ms)',
    'delivered',
    'server CPU',
    'server peak RSS',
    'harness CPU (busiest thread)',
    'harness loop delay p99 (ms)',
    'other processes CPU',
    'frames/s received',
  ];
  const rows = results.map((r) => [
    describeServer(r.server),
    `${r.clients} (${r.writers}/${r.fullObservers}/${r.lightObservers})`,
    `${ms(r.connect.p50Ms)} / ${ms(r.connect.maxMs)}` +
      (r.connect.failures > 0 ? ` (${r.connect.failures} failed)` : ''),
    `${ms(r.latencyMs.p50)} / ${ms(r.latencyMs.p99)} / ${ms(r.latencyMs.max)}`,
    ratio(r) + (r.unexpectedCloses > 0 ? `, ${r.unexpectedCloses} sockets closed` : ''),
    pct(r.serverCpuPercent),
    `${(r.serverPeakRssBytes / 2 ** 20).toFixed(0)} MiB`,
    `${pct(r.harnessCpuPercent)} (${pct(100 * r.harnessBusiestThreadUtilization)})`,
    ms(r.harnessEventLoopDelayMs.p99),
    pct(Math.max(0, r.otherProcessesCpuPercent)),
    Math.round(r.received.framesPerSecond).toLocaleString('en-US'),
  ]);
  return [header, header.map(() => '---'), ...rows]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}

/**
 * One row per (server, N) over its repeated runs: latency percentiles over every receipt of
 * every run, and each run's own p99 to show how far runs disagree.
 */
export function pooledTable(results: readonly ScenarioResult[]): string {
  const groups = new Map<string, ScenarioResult[]>();
  for (const r of results) {
    const key = `${r.clients}\u0000${r.server}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const header = [
    'server',
    'N',
    'runs',
    'fan-out p50 / p99 / max, pooled (ms)',
    'pooled p99, 95 % interval (ms)',
    'p99 of each run (ms)',
    'delivered',
  ];
  const rows = [...groups.values()].map((runs) => {
    const pooled = new Float64Array(runs.reduce((sum, r) => sum + r.latencySamples.length, 0));
    let at = 0;
    for (const r of runs) {
      pooled.set(r.latencySamples, at);
      at += r.latencySamples.length;
    }
    const d = distribution(Array.from(pooled));
    const receipts = runs.reduce((sum, r) => sum + r.receipts, 0);
    const expected = runs.reduce((sum, r) => sum + r.expectedReceipts, 0);
    return [
      describeServer(runs[0]!.server),
      String(runs[0]!.clients),
      String(runs.length),
      `${ms(d.p50)} / ${ms(d.p99)} / ${ms(d.max)}`,
      runs.length < MIN_RUNS_FOR_INTERVAL
        ? '—'
        : formatInterval(pooledP99Intervals(runs.map((r) => r.latencySamples)).first),
      runs.map((r) => ms(r.latencyMs.p99)).join(', '),
      `${((100 * receipts) / expected).toFixed(receipts === expected ? 0 : 2)} % (${receipts}/${expected})`,
    ];
  });
  const table = [header, header.map(() => '---'), ...rows]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
  return [table, ...differenceLines([...groups.values()])].join('\n\n');
}

/** Below this many runs a bootstrap over runs says little: no interval is printed. */
const MIN_RUNS_FOR_INTERVAL = 4;

function formatInterval({ low, high }: Interval): string {
  return `${ms(low)} – ${ms(high)}`;
}

/**
 * "Is Boussole's p99 worse than the reference's?" answered with its uncertainty: the pooled p99
 * difference at each N and its 95 % interval from resampling each server's runs.
 */
function differenceLines(groups: ScenarioResult[][]): string[] {
  const lines: string[] = [];
  for (const boussole of groups.filter((g) => g[0]!.server === 'boussole')) {
    const reference = groups.find(
      (g) => g[0]!.server === 'reference' && g[0]!.clients === boussole[0]!.clients,
    );
    if (!reference) continue;
    if (Math.min(boussole.length, reference.length) < MIN_RUNS_FOR_INTERVAL) continue;
    const samples = (g: ScenarioResult[]) => g.map((r) => r.latencySamples);
    const pooledP99 = (g: ScenarioResult[]) =>
      distribution(g.flatMap((r) => Array.from(r.latencySamples))).p99;
    const { difference } = pooledP99Intervals(samples(boussole), samples(reference));
    const delta = pooledP99(boussole) - pooledP99(reference);
    const signed = (v: number) => `${v >= 0 ? '+' : '−'}${ms(Math.abs(v))}`;
    lines.push(
      `N = ${boussole[0]!.clients}: Boussole's pooled p99 minus the reference's: ${signed(delta)} ms, ` +
        `95 % interval ${signed(difference!.low)} to ${signed(difference!.high)} ms ` +
        `(each server's runs resampled whole, 2,000 times).`,
    );
  }
  return lines;
}
