import fs from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { SqliteDocStore, type DocStore, type StoredDoc } from '@boussole/server';
import type { TestClient } from './clients.js';
import { openDocuments } from './collabAccess.js';
import type { RawClient } from './rawClient.js';
import { startServer, tempDir, type TestServer } from './server.js';

/** A door a test opens and closes: calls to `wait()` resolve only while it is open. */
export class Gate {
  private isOpen: boolean;
  private waiters: (() => void)[] = [];

  constructor(open = true) {
    this.isOpen = open;
  }

  close(): void {
    this.isOpen = false;
  }

  open(): void {
    this.isOpen = true;
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }

  wait(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/**
 * A real store seen through a counting decorator: every call reaches the wrapped store, but
 * loads and appends can be held at a gate the test controls, and are counted. This lets a
 * test freeze the server at "append in flight" or "load in flight" without faking storage.
 */
export class GatedStore implements DocStore {
  readonly loadGate = new Gate();
  readonly appendGate = new Gate();
  loadCalls = 0;
  appendCalls = 0;
  /** Appends called but not yet resolved (held at the gate or writing). */
  pendingAppends = 0;

  constructor(readonly inner: DocStore) {}

  get kind(): DocStore['kind'] {
    return this.inner.kind;
  }

  get sql(): DocStore['sql'] {
    return this.inner.sql;
  }

  migrate(): Promise<void> {
    return this.inner.migrate();
  }

  async load(docId: string): Promise<StoredDoc> {
    this.loadCalls++;
    await this.loadGate.wait();
    return this.inner.load(docId);
  }

  async append(docId: string, updates: Uint8Array[]): Promise<number> {
    this.appendCalls++;
    this.pendingAppends++;
    try {
      await this.appendGate.wait();
      return await this.inner.append(docId, updates);
    } finally {
      this.pendingAppends--;
    }
  }

  compact(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    return this.inner.compact(docId, snapshot, throughSeq);
  }

  deleteDoc(docId: string): Promise<void> {
    return this.inner.deleteDoc(docId);
  }

  reclaimSpace(options?: Parameters<DocStore['reclaimSpace']>[0]): Promise<void> {
    return this.inner.reclaimSpace(options);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface GatedServer {
  inner: SqliteDocStore;
  store: GatedStore;
  server: TestServer;
  /** The session of the owner of the documents. */
  cookie: string;
  /** Closed after all. */
  clients: TestClient[];
  raws: RawClient[];
}

/**
 * Within a describe block: the in-process server on an embedded store seen through a
 * GatedStore, with `docIds` made real documents. A failed test must not leave the next one
 * facing a closed gate; after all, the sockets, the server and the store are closed.
 */
export function gatedServerHooks(
  prefix: string,
  docIds: string[],
  env?: Record<string, string>,
): GatedServer {
  const dir = tempDir(prefix);
  const gated = { clients: [], raws: [] } as unknown as GatedServer;

  beforeAll(async () => {
    gated.inner = new SqliteDocStore({ file: `${dir}/boussole.sqlite`, synchronous: 'normal' });
    await gated.inner.migrate();
    gated.store = new GatedStore(gated.inner);
    gated.server = await startServer({ store: gated.store, ...(env ? { env } : {}) });
    gated.cookie = await openDocuments(gated.server, ...docIds);
  });

  afterEach(() => gated.store?.appendGate.open());

  afterAll(async () => {
    for (const c of gated.clients) c.destroy();
    for (const r of gated.raws) r.terminate();
    await gated.server?.close();
    await gated.inner?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  return gated;
}
