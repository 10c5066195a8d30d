import type { DocStore, StoredDoc } from '@boussole/server';

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
