import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, decodeFrame, decodePermissionDenied } from '@boussole/shared';
import { silent, storesAndCleanups } from '../testing/collabTestSetup.js';
import type { DocStore } from '../storage/DocStore.js';
import { CommitPipeline, type CommitOptions } from './CommitPipeline.js';
import { Compactor } from './Compactor.js';
import type { ContentGuard } from './ContentValidator.js';
import type { RoomPeer } from './types.js';

const { stores, cleanups } = storesAndCleanups();

const defaults: CommitOptions = {
  commitDelayMs: 0,
  maxDocumentBytes: 1 << 20,
  maxPendingBytes: 4096,
  maxPendingClients: 4,
  maxRoomPendingBytes: 8192,
};

/** The real embedded store, its appends held while `held` is true and counted. */
async function openStore() {
  const store = await stores.open();
  const gate = { held: false, appends: 0, release: [] as (() => void)[], fail: false };
  const gated: DocStore = Object.assign(Object.create(store) as DocStore, {
    append: async (docId: string, updates: Uint8Array[]) => {
      gate.appends++;
      if (gate.held) await new Promise<void>((resolve) => gate.release.push(resolve));
      if (gate.fail) throw new Error('disk unplugged');
      return store.append(docId, updates);
    },
  });
  const open = () => {
    gate.held = false;
    for (const resolve of gate.release.splice(0)) resolve();
  };
  return { store, gated, gate, open };
}

interface TestPeer extends RoomPeer {
  frames: Uint8Array[];
  closes: { code: number; reason: string }[];
}

function peer(id: number): TestPeer {
  const frames: Uint8Array[] = [];
  const closes: { code: number; reason: string }[] = [];
  return {
    id,
    frames,
    closes,
    send: (f) => frames.push(f),
    close: (code, reason) => closes.push({ code, reason }),
  };
}

/** Applies every update frame the peer received to `doc` (a fresh copy by default). */
function copyOf(p: TestPeer, doc = new Y.Doc()): Y.Doc {
  for (const frame of p.frames) {
    if (decodePermissionDenied(frame) !== undefined) continue;
    const decoded = decodeFrame(frame);
    if (decoded.kind === 'update') Y.applyUpdate(doc, decoded.update);
  }
  return doc;
}

function notices(p: TestPeer): string[] {
  return p.frames.flatMap((f) => decodePermissionDenied(f) ?? []);
}

/** A client's edit, as the update its provider would send. */
function edit(client: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

async function setup(
  options: Partial<CommitOptions> = {},
  guardFor?: (doc: Y.Doc) => ContentGuard,
) {
  const storage = await openStore();
  const doc = new Y.Doc();
  const peers = new Set<RoomPeer>();
  const compactor = new Compactor('doc', doc, storage.gated, { compactEveryUpdates: 100 }, silent, {
    lastSeq: 0,
    bytes: 0,
    rows: 0,
  });
  const failures = { count: 0 };
  const pipeline = new CommitPipeline({
    docId: 'doc',
    doc,
    peers,
    store: storage.gated,
    compactor,
    guard: guardFor?.(doc),
    options: { ...defaults, ...options },
    log: silent,
    onStorageFailure: () => failures.count++,
  });
  cleanups.push(async () => pipeline.stop());
  const alice = peer(1);
  const bob = peer(2);
  peers.add(alice).add(bob);
  return { ...storage, doc, peers, pipeline, compactor, failures, alice, bob };
}

async function storedText(store: DocStore): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await store.load('doc')).updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('CommitPipeline', () => {
  it('persists, then broadcasts: nobody sees an update before its commit, its sender never', async () => {
    const { store, gate, open, pipeline, doc, alice, bob } = await setup();
    gate.held = true;
    const client = new Y.Doc();
    expect(
      pipeline.submit(
        edit(client, (d) => d.getText('t').insert(0, 'Bonjour')),
        alice,
      ),
    ).toEqual({
      ok: true,
    });
    await vi.waitFor(() => expect(gate.appends).toBe(1));
    const afterCommit = vi.fn();
    pipeline.whenCommitted(afterCommit);
    expect(pipeline.committing).toBe(true);
    expect(bob.frames).toEqual([]);
    expect(afterCommit).not.toHaveBeenCalled();

    open();
    await pipeline.drain();
    expect(afterCommit).toHaveBeenCalledOnce();
    expect(await storedText(store)).toBe('Bonjour');
    expect(copyOf(bob).getText('t').toString()).toBe('Bonjour');
    expect(alice.frames).toEqual([]);
    expect(doc.getText('t').toString()).toBe('Bonjour');
  });

  it('commits the updates queued together in one append, in order', async () => {
    const { store, gate, pipeline, alice, bob } = await setup();
    const client = new Y.Doc();
    for (const word of ['un ', 'deux ', 'trois ']) {
      pipeline.submit(
        edit(client, (d) => d.getText('t').insert(d.getText('t').length, word)),
        alice,
      );
    }
    await pipeline.drain();
    expect(gate.appends).toBe(1);
    expect((await store.load('doc')).updates).toHaveLength(3);
    expect(copyOf(bob).getText('t').toString()).toBe('un deux trois ');
  });

  it('refuses a malformed update and one past MAX_DOCUMENT_BYTES, applying neither', async () => {
    const { gate, pipeline, doc, alice } = await setup({ maxDocumentBytes: 200 });
    expect(pipeline.submit(new Uint8Array([1, 2, 3]), alice)).toEqual({
      ok: false,
      code: CloseCode.MalformedFrame,
      reason: 'invalid Yjs update',
    });
    const big = edit(new Y.Doc(), (d) => d.getText('t').insert(0, 'x'.repeat(500)));
    expect(pipeline.submit(big, alice)).toMatchObject({
      ok: false,
      code: CloseCode.DocumentTooLarge,
    });
    await pipeline.drain();
    expect(gate.appends).toBe(0);
    expect(doc.getText('t').toString()).toBe('');
  });

  it("stores and sends a guard's revert with the edit as one update, back to its sender too", async () => {
    const guardFor = (doc: Y.Doc): ContentGuard => ({
      applyChecked(apply) {
        apply();
        const map = doc.getMap('m');
        if (!map.has('bad')) return [];
        doc.transact(() => map.delete('bad'));
        return [{ id: 'bad', detail: 'pas ici' }];
      },
      describeRefusal: (refused) => `Refusé : ${refused.map((r) => r.id).join(', ')}`,
      destroy() {},
    });
    const { store, pipeline, alice, bob } = await setup({}, guardFor);
    const client = new Y.Doc();
    pipeline.submit(
      edit(client, (d) => {
        d.getMap('m').set('good', 1);
        d.getMap('m').set('bad', 2);
      }),
      alice,
    );
    await pipeline.drain();
    const rows = (await store.load('doc')).updates;
    expect(rows).toHaveLength(1);
    for (const copy of [copyOf(alice), copyOf(bob)])
      expect(copy.getMap('m').toJSON()).toEqual({ good: 1 });
    // The sender's own copy is reverted by the echo, and told why.
    expect(copyOf(alice, client).getMap('m').toJSON()).toEqual({ good: 1 });
    expect(notices(alice)).toEqual(['Refusé : bad']);
    expect(notices(bob)).toEqual([]);
  });

  it('closes a sender past the pending limit and keeps its gap out of the document', async () => {
    const { pipeline, doc, alice, gate } = await setup({ maxPendingBytes: 1 });
    const client = new Y.Doc();
    edit(client, (d) => d.getText('t').insert(0, 'premier'));
    const second = edit(client, (d) => d.getText('t').insert(0, 'second'));
    pipeline.submit(second, alice);
    await pipeline.drain();
    expect(alice.closes).toEqual([
      { code: CloseCode.IncompleteUpdates, reason: 'updates depend on content never received' },
    ]);
    expect(doc.store.pendingStructs).toBeNull();
    expect(gate.appends).toBe(0);
  });

  it('on a storage failure closes every peer, wakes drain and refuses what comes next', async () => {
    const { gate, pipeline, alice, bob, failures } = await setup();
    gate.fail = true;
    pipeline.submit(
      edit(new Y.Doc(), (d) => d.getText('t').insert(0, 'perdu')),
      alice,
    );
    await pipeline.drain();
    expect(pipeline.failed).toBe(true);
    expect(failures.count).toBe(1);
    for (const p of [alice, bob]) {
      expect(p.closes).toEqual([{ code: CloseCode.InternalError, reason: 'storage unavailable' }]);
      expect(p.frames).toEqual([]);
    }
    expect(
      pipeline.submit(
        edit(new Y.Doc(), (d) => d.getText('t').insert(0, 'x')),
        bob,
      ),
    ).toEqual({
      ok: false,
      code: CloseCode.InternalError,
      reason: 'room failed',
    });
  });
});
