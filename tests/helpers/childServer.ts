import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFailed } from 'vitest';
import { waitFor } from './wait.js';
import { coreTestEnv } from './coreTestRoots.js';

/**
 * Boussole as a real child process (`node server/dist/main.js`), so a test can kill it the way
 * an operator or the kernel would: SIGKILL for a crash, SIGTERM for a deploy.
 */
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const mainJs = path.join(repoRoot, 'server', 'dist', 'main.js');
const buildLock = path.join(os.tmpdir(), 'boussole-server-build.lock');

/**
 * `tsc -b server` (a no-op when the build is current). Test files run in parallel workers, so
 * builds are serialised by a lock directory: a child must never start on half-written output.
 */
export async function buildServer(): Promise<void> {
  await waitFor(
    () => {
      try {
        fs.mkdirSync(buildLock);
        return true;
      } catch {
        // A lock left by a killed worker must not block every later run forever.
        const age = Date.now() - (fs.statSync(buildLock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
        if (age > 60_000) fs.rmSync(buildLock, { recursive: true, force: true });
        return false;
      }
    },
    { timeoutMs: 120_000, intervalMs: 50, what: 'the server build lock' },
  );
  try {
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'server'],
      { cwd: repoRoot, stdio: 'pipe' },
    );
  } catch (error) {
    const out = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `tsc -b server failed:\n${String(out.stdout ?? '')}${String(out.stderr ?? '')}`,
    );
  } finally {
    fs.rmSync(buildLock, { recursive: true, force: true });
  }
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildServer {
  readonly pid: number;
  readonly port: number;
  readonly httpUrl: string;
  /** ws://127.0.0.1:PORT/collab — the y-websocket server URL (the provider appends /docId). */
  readonly collabUrl: string;
  /** Parsed JSON log lines (pino) written so far. */
  readonly logs: Record<string, unknown>[];
  kill(signal: NodeJS.Signals): void;
  waitForExit(timeoutMs?: number): Promise<ExitStatus>;
  /** The last lines of stdout and stderr, for diagnostics. */
  output(): string;
}

const started = new Set<ChildProcess>();
const recent: ChildServer[] = [];

/** Every child still alive is killed if the worker exits without an afterAll. */
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

export interface ChildServerOptions {
  /** Environment on top of the defaults (PORT=0, HOST=127.0.0.1, LOG_LEVEL=info, …). */
  env: Record<string, string>;
  startTimeoutMs?: number;
}

/** Start `node server/dist/main.js`; resolves once it logged 'Boussole is listening'. */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    CLIENT_DIST: path.join(os.tmpdir(), 'boussole-no-client'),
    ...coreTestEnv,
    ...options.env,
  };
  const child = spawn(process.execPath, [mainJs], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);

  const stdout: string[] = [];
  const stderr: string[] = [];
  const logs: Record<string, unknown>[] = [];
  let exit: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      started.delete(child);
      exit = { code, signal };
      resolve(exit);
    });
  });

  let port: number | undefined;
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      stdout.push(line);
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'Boussole is listening' && typeof entry.port === 'number') {
          port = entry.port;
        }
      } catch {
        // Not a log line; kept in stdout for diagnostics.
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => stderr.push(chunk));

  const output = () =>
    `--- child ${child.pid} stdout (last 40 lines) ---\n${stdout.slice(-40).join('\n')}\n` +
    `--- child ${child.pid} stderr ---\n${stderr.join('').slice(-4000)}\n` +
    `--- exit: ${exit ? JSON.stringify(exit) : 'still running'} ---\n`;

  try {
    await waitFor(
      () => {
        if (exit) throw new Error(`the server exited before listening\n${output()}`);
        return port !== undefined;
      },
      { timeoutMs: options.startTimeoutMs ?? 20_000, what: 'the child server to listen' },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  const server: ChildServer = {
    pid: child.pid ?? -1,
    port: port as number,
    httpUrl: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    logs,
    kill(signal) {
      if (!exit) child.kill(signal);
    },
    async waitForExit(timeoutMs = 20_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`child ${child.pid} did not exit within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    output,
  };
  recent.push(server);
  return server;
}

/** SIGKILL every child this file started that is still running (call in afterAll). */
export async function killAllChildren(): Promise<void> {
  const alive = [...started];
  const gone = alive.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of alive) child.kill('SIGKILL');
  await Promise.all(gone);
}

/** Call at the start of a test: if it fails, the children's output is printed to stderr. */
export function printChildOutputOnFailure(): void {
  const from = recent.length;
  onTestFailed(() => {
    for (const server of recent.slice(from)) process.stderr.write(`\n${server.output()}`);
  });
}

/** A process's resident memory, in bytes (Linux: /proc/<pid>/status). */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0) * 1024;
}
