import type { BenchIdentity } from './awarenessFrames.js';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type ServerKind = 'boussole' | 'boussole-full' | 'reference';
export const serverKinds: readonly ServerKind[] = ['boussole', 'boussole-full', 'reference'];

export interface BenchServer {
  kind: ServerKind;
  pid: number;
  /** ws://127.0.0.1:PORT/collab — a provider appends /<room>. */
  collabUrl: string;
  /** Boussole only: the board every client joins, and the administrator's session cookie. */
  room?: string;
  cookie?: string;
  /** Boussole only: who that cookie signs in, as the server stamps it on presence. */
  identity?: BenchIdentity;
  stop(): Promise<void>;
}

/** Every server process this harness started and has not yet seen exit, with its data. */
const live = new Map<ChildProcess, string>();

/** Last resort when the harness itself ends abruptly: no server outlives it. */
export function killAllServers(): void {
  for (const [child, dataDir] of live) {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function describeServer(kind: ServerKind): string {
  switch (kind) {
    case 'boussole':
      return 'Boussole (SQLite, synchronous=normal: the default)';
    case 'boussole-full':
      return 'Boussole (SQLite, synchronous=full)';
    case 'reference':
      return '@y/websocket-server 0.1.1 (in memory)';
  }
}

export interface ServerTweaks {
  /** Added to Boussole's environment, e.g. { COMMIT_DELAY_MS: '0' }. */
  boussoleEnv?: Record<string, string>;
  /** Node options for either server, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  nodeArgs?: string[];
}

/** Start one server in its own process on a free port, with its own empty storage. */
export async function startBenchServer(
  kind: ServerKind,
  { boussoleEnv = {}, nodeArgs = [] }: ServerTweaks = {},
): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boussole-bench-'));
  // An explicit environment: nothing from the caller's shell (DATABASE_URL, NODE_OPTIONS…)
  // changes what is measured.
  const [script, args, env] =
    kind === 'reference'
      ? [path.join(repoRoot, 'bench/referenceServer.mjs'), [String(port)], {}]
      : [
          path.join(repoRoot, 'server/dist/main.js'),
          [],
          {
            PORT: String(port),
            HOST: '127.0.0.1',
            DATA_DIR: dataDir,
            LOG_LEVEL: 'warn',
            SQLITE_SYNCHRONOUS: kind === 'boussole-full' ? 'full' : 'normal',
            // The writers' `notes` map is no root a board declares: let it through unchecked, so
            // the run measures the commit pipeline rather than a refusal (BENCHMARKS.md, Method).
            UNCHECKED_ROOTS: 'notes',
            ...boussoleEnv,
          },
        ];
  if (!fs.existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.set(child, dataDir);
  const output = tail(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => live.delete(child));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    if (child.pid === undefined) throw new Error(`could not start ${kind}`);
    await waitUntilAnswering(port, child, 20_000);
  } catch (error) {
    await stop();
    throw new Error(`${kind} did not start: ${String(error)}\n${output()}`);
  }
  const collabUrl = `ws://127.0.0.1:${port}/collab`;
  if (kind === 'reference') return { kind, pid: child.pid, collabUrl, stop };
  try {
    const { room, cookie, identity } = await boussoleBoard(`http://127.0.0.1:${port}`, output);
    return { kind, pid: child.pid, collabUrl, room, cookie, identity, stop };
  } catch (error) {
    await stop();
    throw new Error(`${kind}: could not prepare a board: ${String(error)}\n${output()}`);
  }
}

/**
 * Boussole serves only documents of a workspace, to signed-in people: create the administrator
 * from the setup link it printed, a workspace and a board, as a facilitator would.
 */
async function boussoleBoard(
  httpUrl: string,
  log: () => string,
): Promise<{ room: string; cookie: string; identity: BenchIdentity }> {
  // The link is printed just after the server starts listening: give it a moment.
  let match: RegExpExecArray | null = null;
  for (let tries = 0; tries < 100 && !match; tries++) {
    match = /"setupUrl":"[^"#]*#([^"]+)"/.exec(log());
    if (!match) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!match?.[1]) throw new Error('no setup link in the log');
  const post = async (path: string, body: unknown, cookie = '') => {
    const response = await fetch(`${httpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-boussole-csrf': '1', cookie },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    const setCookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    return { body: (await response.json()) as { id: string }, setCookie };
  };
  const { setCookie: cookie } = await post('/api/setup', {
    token: match[1],
    email: 'bench@boussole.local',
    displayName: 'Bench',
    password: 'bench password, long enough',
  });
  const workspace = await post(
    '/api/workspaces',
    { name: 'Bench', kind: 'communale', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
    cookie,
  );
  const board = await post(
    `/api/workspaces/${workspace.body.id}/boards`,
    { title: 'Bench', template: 'blank' },
    cookie,
  );
  const me = (await (await fetch(`${httpUrl}/api/auth/me`, { headers: { cookie } })).json()) as {
    principal: { id: string; displayName: string };
  };
  return {
    room: board.body.id,
    cookie,
    identity: { id: me.principal.id, name: me.principal.displayName },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Poll the HTTP port until anything answers (Boussole: /healthz; the reference: any path). */
async function waitUntilAnswering(port: number, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`exited with ${child.exitCode ?? child.signalCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
        signal: AbortSignal.timeout(1000),
      });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`not answering after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Keep the last few kilobytes a child wrote, to explain a failure. */
function tail(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}
