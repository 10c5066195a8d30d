import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, loadConfig, SqliteDocStore, type DocStore } from '@boussole/server';
import { coreTestEnv } from './coreTestRoots.js';

export interface TestServer {
  app: FastifyInstance;
  store: DocStore;
  /** ws://127.0.0.1:PORT/collab — the y-websocket server URL (the provider appends /docId). */
  collabUrl: string;
  httpUrl: string;
  port: number;
  close(): Promise<void>;
}

export function tempDir(prefix = 'boussole-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An in-process server on a free port, on a fresh SQLite file unless a store is given. */
export async function startServer(
  options: {
    env?: Record<string, string>;
    store?: DocStore;
    /** Passed to buildApp: the time link expiry sees. */
    clock?: () => number;
  } = {},
): Promise<TestServer> {
  const dir = tempDir();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    CLIENT_DIST: path.join(dir, 'no-client'),
    ...coreTestEnv,
    ...options.env,
  });
  const store =
    options.store ?? new SqliteDocStore({ file: config.sqlitePath, synchronous: 'normal' });
  if (!options.store) await store.migrate();
  const app = await buildApp({ config, store, clock: options.clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    store,
    port,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    httpUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      if (!options.store) await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
