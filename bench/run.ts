import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GroupHandle } from './groups.js';
import { machineInfo, markdownTable, pooledTable } from './report.js';
import { runScenario, type ScenarioOptions, type ScenarioResult } from './scenario.js';
import {
  killAllServers,
  repoRoot,
  serverKinds,
  startBenchServer,
  type ServerKind,
} from './servers.js';

/**
 * `npm run bench [-- --n 10,50,200 --seconds 20 --servers boussole,reference]`
 *
 * Drives Boussole and the reference y-websocket server with the same harness, one after the
 * other, each in its own process and with a fresh room per (server, N). See BENCHMARKS.md.
 */
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10,50,200' },
    servers: { type: 'string', default: 'boussole,reference,boussole-full' },
    seconds: { type: 'string', default: '20' },
    /** Runs per (server, N), interleaved; their receipts are pooled in a second table. */
    repeat: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '3' },
    drain: { type: 'string', default: '5' },
    'max-full': { type: 'string', default: '10' },
    'full-observers': { type: 'string', default: '5' },
    threads: { type: 'string', default: '2' },
    'write-hz': { type: 'string', default: '10' },
    'awareness-hz': { type: 'string', default: '10' },
    out: { type: 'string', default: path.join(repoRoot, '.bench-results') },
    /** Extra Boussole setting, NAME=value, repeatable: `--env COMMIT_DELAY_MS=0`. */
    env: { type: 'string', multiple: true, default: [] },
    /** Node option for the server processes, repeatable: `--node-arg=--cpu-prof`. */
    'node-arg': { type: 'string', multiple: true, default: [] },
  },
});

function positive(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} expects a positive number`);
  return value;
}

function count(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} expects a whole number`);
  return value;
}

const formatLoad = (load: number[]) => load.map((l) => l.toFixed(2)).join(' ');

const counts = (values.n ?? '').split(',').map((v) => Math.round(positive('n', v)));
if (counts.some((c) => c < 2)) throw new Error('--n: a room needs at least 2 clients');
const servers = (values.servers ?? '').split(',').map((s) => {
  if (!serverKinds.includes(s as ServerKind))
    throw new Error(`--servers: ${s} is not one of ${serverKinds.join(', ')}`);
  return s as ServerKind;
});
const boussoleEnv = Object.fromEntries(
  (values.env ?? []).map((pair) => {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!match) throw new Error(`--env expects NAME=value, got ${pair}`);
    return [match[1]!, match[2]!];
  }),
);
const threads = Math.max(1, count('threads', values.threads));
const repeat = Math.max(1, count('repeat', values.repeat));
const options: Omit<ScenarioOptions, 'clients'> = {
  measureMs: positive('seconds', values.seconds) * 1000,
  warmupMs: positive('warmup', values.warmup) * 1000,
  drainMs: positive('drain', values.drain) * 1000,
  maxFullClients: count('max-full', values['max-full']),
  fullObserversInLargeRooms: count('full-observers', values['full-observers']),
  writeHz: positive('write-hz', values['write-hz']),
  awarenessHz: positive('awareness-hz', values['awareness-hz']),
  connectTimeoutMs: 60_000,
};

const say = (line: string) => process.stderr.write(`${line}\n`);

/** The harness's client threads, started once and reused by every scenario. */
const groups = Array.from({ length: threads }, () => new GroupHandle());

/** One scenario on a fresh server process, which is stopped whatever happens. */
async function measure(kind: ServerKind, scenario: ScenarioOptions): Promise<ScenarioResult> {
  const server = await startBenchServer(kind, { boussoleEnv, nodeArgs: values['node-arg'] ?? [] });
  try {
    return await runScenario(server, groups, scenario);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const startedAt = new Date();
  const loadAverage = os.loadavg();
  const load = formatLoad(loadAverage);
  say(`bench: ${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}, load ${load}`);

  // The harness's own code is cold at first (JIT, lazy module loading): a short run whose
  // figures are thrown away keeps that cost out of whichever server would have come first.
  say('bench: warming up the harness…');
  await measure(servers[0]!, { ...options, clients: 10, warmupMs: 500, measureMs: 1000 });

  const results: ScenarioResult[] = [];
  const queue: { kind: ServerKind; clients: number; run: number }[] = [];
  counts.forEach((clients, round) => {
    // N outermost so that each server meets the same machine conditions as closely as
    // possible; repeated runs alternate the servers, whose order rotates so that none always
    // runs first.
    for (let run = 1; run <= repeat; run++) {
      const order = servers.map((_, i) => servers[(i + round + run - 1) % servers.length]!);
      for (const kind of order) queue.push({ kind, clients, run });
    }
  });
  for (const { kind, clients, run } of queue) {
    const label = repeat > 1 ? ` run ${run}/${repeat}` : '';
    say(`bench: ${kind}, N=${clients}${label} (load ${formatLoad(os.loadavg())})…`);
    const result = { ...(await measure(kind, { ...options, clients })), run };
    results.push(result);
    say(
      `bench:   p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, ` +
        `delivered ${result.receipts}/${result.expectedReceipts}, ` +
        `server CPU ${result.serverCpuPercent.toFixed(0)} %, harness CPU ${result.harnessCpuPercent.toFixed(0)} %`,
    );
  }
  results.sort(
    (a, b) =>
      a.clients - b.clients ||
      servers.indexOf(a.server) - servers.indexOf(b.server) ||
      (a.run ?? 1) - (b.run ?? 1),
  );

  // With one run, p99 rests on the slowest 1 % of a few hundred updates at N = 10: repeated
  // runs pooled give the comparison more updates to stand on.
  const table =
    markdownTable(results) +
    (repeat > 1 ? `\n\nPooled over ${repeat} runs:\n\n${pooledTable(results)}` : '');
  const warnings = [
    ...results
      .filter((r) => r.harnessBusiestThreadUtilization >= 0.8)
      .map(
        (r) =>
          `- ${r.server} N=${r.clients}: a harness thread was busy ` +
          `${(100 * r.harnessBusiestThreadUtilization).toFixed(0)} % of the window; ` +
          `latencies include the harness's own queueing.`,
      ),
    ...results
      .filter((r) => r.otherProcessesCpuPercent >= 20)
      .map(
        (r) =>
          `- ${r.server} N=${r.clients}: other processes used ` +
          `${r.otherProcessesCpuPercent.toFixed(0)} % of a core during the window.`,
      ),
  ];
  const warning = warnings.length === 0 ? '' : `\n**Warnings**\n\n${warnings.join('\n')}\n`;
  const settings = Object.entries(boussoleEnv).map(([name, value]) => `${name}=${value}`);
  process.stdout.write(
    `\nLoad average before the run: ${load}; ` +
      `${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}\n` +
      (settings.length > 0 ? `Boussole settings: ${settings.join(' ')}\n` : '') +
      `\n${table}\n${warning}`,
  );
  fs.mkdirSync(values.out ?? '.bench-results', { recursive: true });
  const file = path.join(
    values.out ?? '.bench-results',
    `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  );
  fs.writeFileSync(
    file,
    JSON.stringify(
      { startedAt, loadAverage, machine, options, boussoleEnv, servers, counts, repeat, results },
      // Raw latencies are for pooling only: the file keeps the distributions.
      (key, value: unknown) => (key === 'latencySamples' ? undefined : value),
      2,
    ),
  );
  say(`bench: results written to ${path.relative(process.cwd(), file)}`);
  await Promise.all(groups.map((g) => g.terminate()));
}

process.on('exit', killAllServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`bench: ${signal}, stopping the servers`);
    process.exit(130);
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
